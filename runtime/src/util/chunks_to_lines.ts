/**
 * chunks_to_lines: text cut anywhere, put back together as whole lines.
 * @module
 */

import type { Component } from "../axon/Component.js";
import { PureTransformer } from "./PureTransformer.js";
import { unhandled } from "./unhandled.js";

class ChunksToLines extends PureTransformer {
  static override Inboxes = {
    inbox: "text in chunks: strings, or UTF-8 bytes as Uint8Array",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "whole lines, without their line break",
    signal: "ErrorInformation for each chunk skipped; the shutdown message when it ends",
  };

  readonly #decoder = new TextDecoder();
  #partial = "";

  protected override processMessage(chunk: unknown): unknown {
    let text: string;
    if (typeof chunk === "string") text = chunk;
    else if (chunk instanceof Uint8Array) text = this.#decoder.decode(chunk, { stream: true });
    else {
      this.send(unhandled(this, "inbox", chunk, "strings, or UTF-8 bytes as Uint8Array"), "signal");
      return undefined;
    }
    let buffered = this.#partial + text.replaceAll("\r", "");
    for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
      this.send(buffered.slice(0, end), "outbox");
      buffered = buffered.slice(end + 1);
    }
    this.#partial = buffered;
    return undefined;
  }

  protected override flush(): void {
    const rest = this.#partial + this.#decoder.decode().replaceAll("\r", "");
    this.#partial = "";
    if (rest !== "") this.send(rest, "outbox");
  }
}

/**
 * Makes a component that joins text arriving in arbitrary chunks and sends it on as whole lines.
 * @remarks Port of Kamaelia.Visualisation.PhysicsGraph.chunks_to_lines (a component class there, a
 * factory here; the name is Kamaelia's). Chunks are strings, or bytes (`Uint8Array`) decoded as UTF-8,
 * a character cut between two chunks included. Every `"\r"` is removed; each line is sent without its
 * `"\n"`. When `ProducerFinished` arrives on `control`, a last line without a `"\n"` is sent too
 * (Kamaelia dropped it), then the message is passed on from `signal` and it ends.
 * `ShutdownMicroprocess` is passed on at once. A chunk of another type is skipped and reported as an
 * `ErrorInformation` on `signal`. Other control messages are passed on from `signal`.
 * @inbox inbox - text in chunks: strings, or UTF-8 bytes as `Uint8Array`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - whole lines, without their line break
 * @outbox signal - `ErrorInformation` for each chunk skipped; the shutdown message when it ends
 * @see {@link LineSplit} to split each message on its own.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, chunks_to_lines } from "kamaelia";
 * await new Pipeline(new DataSource(["hel", "lo\r\nwor", "ld\nbye"]), chunks_to_lines(), new ConsoleEchoer()).run(); // hello, world, bye
 * ```
 */
export function chunks_to_lines(): Component {
  return new ChunksToLines();
}
