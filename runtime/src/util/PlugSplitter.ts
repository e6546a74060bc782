/**
 * PlugSplitter: a source's output, and its shutdown messages, fanned out to any number of Plugs.
 * @module
 */

import { AdaptiveCommsComponent } from "../axon/AdaptiveCommsComponent.js";
import { BadComponent } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { sendToEach } from "./sendToEach.js";
import { Sinks } from "./Splitter.js";

/**
 * Sends every message from its source (a wrapped child, or its own `inbox`) out of `outbox` and to every
 * attached destination, and every control message out of `signal` and to every attached control inbox.
 * @remarks Port of Kamaelia.Util.Splitter.PlugSplitter. Attach destinations with {@link Plug}, or by
 * sending `AddSink`/`RemoveSink` to `configuration` (requests are handled before data). Given a source
 * component, it makes it a child, activated when the splitter runs: the splitter's `inbox` and `control`
 * feed the source's, the source's `outbox` and `signal` are what get fanned out, and the splitter ends
 * once the source has ended and everything it sent has been passed on. Without a source, `ProducerFinished`
 * on `control` is passed on after the waiting data and `ShutdownMicroprocess` at once, and then it ends.
 * Every destination is unlinked when it ends. The same message object goes to every destination. A full
 * destination (a size-limited inbox) is retried when it has room before the next message is taken, so
 * nothing is lost (Kamaelia's PlugSplitter failed instead). A request it cannot handle is reported as an
 * `ErrorInformation` on `signal`. A source that fails ends the splitter with that error.
 * @inbox inbox - data to fan out (fed to the source, when there is one)
 * @inbox control - control messages to fan out (fed to the source, when there is one)
 * @inbox configuration - `AddSink` and `RemoveSink` requests
 * @inbox _inbox - the source's `outbox`, wired internally
 * @inbox _control - the source's `signal`, wired internally
 * @outbox outbox - every data message
 * @outbox signal - every control message
 * @example
 * ```ts
 * import { AddSink, Component, PlugSplitter, ProducerFinished, handle } from "kamaelia";
 * const tap = new Component();
 * const splitter = handle(new PlugSplitter());
 * splitter.put(new AddSink(tap, "inbox"), "configuration");
 * splitter.put("reading 1");
 * splitter.put(new ProducerFinished(), "control");
 * console.log(await splitter.get("outbox"), "/", tap.recv("inbox")); // reading 1 / reading 1
 * ```
 */
export class PlugSplitter extends AdaptiveCommsComponent {
  static override Inboxes = {
    inbox: "data to fan out (fed to the source, when there is one)",
    control: "control messages to fan out (fed to the source, when there is one)",
    configuration: "AddSink and RemoveSink requests",
    _inbox: "the source's outbox, wired internally",
    _control: "the source's signal, wired internally",
  };
  static override Outboxes = {
    outbox: "every data message",
    signal: "every control message",
  };

  readonly #source: Component | undefined;
  readonly #sinks = new Sinks(this);
  /** Control messages read but not yet passed on, oldest first. */
  readonly #controls: unknown[] = [];

  /** @param sourceComponent - a component whose output to fan out, run as a child (do not activate it yourself) */
  constructor(sourceComponent?: Component) {
    super();
    if (sourceComponent !== undefined && !(sourceComponent instanceof Component)) {
      throw new BadComponent(sourceComponent, "PlugSplitter wraps a component instance: new PlugSplitter(new Source()), or no argument.");
    }
    this.#source = sourceComponent;
  }

  override *main(): Generator<unknown, void, unknown> {
    const source = this.#source;
    const dataIn = source === undefined ? "inbox" : "_inbox";
    const controlIn = source === undefined ? "control" : "_control";
    if (source !== undefined) {
      this.link([this, "inbox"], [source, "inbox"], { passthrough: 1 });
      this.link([this, "control"], [source, "control"], { passthrough: 1 });
      this.link([source, "outbox"], [this, "_inbox"]);
      this.link([source, "signal"], [this, "_control"]);
      this.addChildren(source);
      source.activate(this.scheduler ?? undefined);
    }
    // Without a source, ShutdownMicroprocess means stop now, even while waiting for room.
    const stopNow = (): boolean => source === undefined && this.#controls.some((m) => m instanceof ShutdownMicroprocess);
    const keepWaiting = (): boolean => {
      this.#readControl(controlIn);
      return !stopNow();
    };
    const always = (): boolean => {
      this.#configure();
      return true;
    };
    for (;;) {
      this.#readControl(controlIn);
      if (!stopNow() && this.dataReady(dataIn) > 0) {
        yield* sendToEach(this, this.recv(dataIn), ["outbox", ...this.#sinks.outboxes("data")], keepWaiting);
        continue;
      }
      while (this.#controls.length > 0) {
        const message = this.#controls.shift();
        yield* sendToEach(this, message, ["signal", ...this.#sinks.outboxes("control")], always);
        if (source === undefined && (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess)) return;
      }
      if (source?.finished === true && !this.anyReady()) return;
      this.pause();
      yield;
    }
  }

  /** Handles waiting requests, then moves every waiting control message to the queue. */
  #readControl(controlIn: string): void {
    this.#configure();
    while (this.dataReady(controlIn) > 0) this.#controls.push(this.recv(controlIn));
  }

  #configure(): void {
    while (this.dataReady("configuration") > 0) {
      const problem = this.#sinks.configure(this.recv("configuration"));
      if (problem !== undefined) this.send(problem, "signal");
    }
  }
}
