/**
 * Collate: everything received, as one array, at the end.
 * @module
 */

import { Component } from "../axon/Component.js";
import { checkShutdown } from "./checkShutdown.js";

/**
 * Keeps every message it receives and, when told to stop, sends them all as one array.
 * @remarks Port of Kamaelia.Util.Collate. The array holds the messages in the order they arrived. When
 * `ProducerFinished` or `ShutdownMicroprocess` arrives on `control`, it takes every message already
 * waiting, sends the array (empty if nothing came) from `outbox`, passes the shutdown message on from
 * `signal` and ends. Other control messages are passed on from `signal`.
 * @inbox inbox - messages to collect
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: send the array, pass it on, end
 * @outbox outbox - one array of every message received
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { Collate, ConsoleEchoer, DataSource, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource(["a", "b", "c"]), new Collate(), new ConsoleEchoer()).run(); // ["a", "b", "c"]
 * ```
 */
export class Collate extends Component {
  static override Inboxes = {
    inbox: "messages to collect",
    control: "ProducerFinished or ShutdownMicroprocess: send the array, pass it on, end",
  };
  static override Outboxes = {
    outbox: "one array of every message received",
    signal: "the shutdown message when it ends, and other control messages",
  };

  override *main(): Generator<unknown, void, unknown> {
    const collated: unknown[] = [];
    for (;;) {
      const shutdown = checkShutdown(this);
      while (this.dataReady("inbox") > 0) collated.push(this.recv("inbox"));
      if (shutdown !== undefined) {
        this.send(collated, "outbox");
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}
