/**
 * PassThrough: messages straight through, unchanged.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";

/**
 * Sends every message on unchanged: a placeholder where a component that changes data would go.
 * @remarks Port of Kamaelia.Util.PassThrough; for example an echo server's protocol. Every message on
 * `inbox` leaves from `outbox` in order. `ShutdownMicroprocess` on `control` is passed on from `signal`
 * at once and it ends; `ProducerFinished` is passed on once every waiting message has gone through
 * (Kamaelia might lose them). Other control messages are passed on from `signal`.
 * @inbox inbox - messages to pass through
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the same messages, in the same order
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, PassThrough, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource(["apples", "pears"]), new PassThrough(), new ConsoleEchoer()).run(); // apples, pears
 * ```
 */
export class PassThrough extends PureTransformer {
  static override Inboxes = {
    inbox: "messages to pass through",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the same messages, in the same order",
    signal: "the shutdown message when it ends, and other control messages",
  };

  protected override processMessage(message: unknown): unknown {
    return message;
  }
}
