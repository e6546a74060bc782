/**
 * UnseenOnly: each distinct message once.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";

/**
 * Sends on each message it has not seen before and drops repeats.
 * @remarks Port of Kamaelia.Util.UnseenOnly. "Seen before" means what a JavaScript `Set` means: strings,
 * numbers and other primitives by value, objects and arrays by identity (Kamaelia compared Python
 * tuples by value). It remembers every distinct message for its whole life. `ShutdownMicroprocess` on
 * `control` is passed on from `signal` at once and it ends; `ProducerFinished` is passed on once every
 * waiting message has been checked. Other control messages are passed on from `signal`.
 * @inbox inbox - messages
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - each message the first time it arrives
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, UnseenOnly } from "kamaelia";
 * await new Pipeline(new DataSource(["a", "b", "a", "c", "b"]), new UnseenOnly(), new ConsoleEchoer()).run(); // a, b, c
 * ```
 */
export class UnseenOnly extends PureTransformer {
  static override Inboxes = {
    inbox: "messages",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "each message the first time it arrives",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #seen = new Set<unknown>();

  protected override processMessage(message: unknown): unknown {
    if (this.#seen.has(message)) return undefined;
    this.#seen.add(message);
    return message;
  }
}
