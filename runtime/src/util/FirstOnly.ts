/**
 * FirstOnly: the first message only.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";

/**
 * Sends on the first message it receives and discards every later one.
 * @remarks Port of Kamaelia.Util.FirstOnly. Discarding is its purpose, so later messages are taken and
 * dropped without a report. `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it
 * ends; `ProducerFinished` is passed on once every waiting message has been taken. Other control messages
 * are passed on from `signal`.
 * @inbox inbox - messages: the first is sent on
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the first message received
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, FirstOnly, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource(["first", "second", "third"]), new FirstOnly(), new ConsoleEchoer()).run(); // first
 * ```
 */
export class FirstOnly extends PureTransformer {
  static override Inboxes = {
    inbox: "messages: the first is sent on",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the first message received",
    signal: "the shutdown message when it ends, and other control messages",
  };

  #seenFirst = false;

  protected override processMessage(message: unknown): unknown {
    if (this.#seenFirst) return undefined;
    this.#seenFirst = true;
    return message;
  }
}
