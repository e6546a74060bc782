/**
 * Sync: one message out for every n in.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";
import { BadArgument } from "./BadArgument.js";

/**
 * Waits for `n` messages, then sends on the first of them; and again for the next `n`.
 * @remarks Port of Kamaelia.Util.Sync. Useful to wait for several things to finish: wire each one's
 * `signal` to its `inbox` and act on the one message that comes out. Messages beyond a batch count
 * towards the next one; an unfinished batch when it ends sends nothing. `ShutdownMicroprocess` on
 * `control` is passed on from `signal` at once and it ends; `ProducerFinished` is passed on once every
 * waiting message has been counted. Other control messages are passed on from `signal`.
 * @inbox inbox - messages to count
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the first message of each complete batch of `n`
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, Sync } from "kamaelia";
 * await new Pipeline(new DataSource(["a", "b", "c", "d", "e"]), new Sync(2), new ConsoleEchoer()).run(); // a, c
 * ```
 */
export class Sync extends PureTransformer {
  static override Inboxes = {
    inbox: "messages to count",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the first message of each complete batch of n",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #n: number;
  #count = 0;
  #first: unknown = undefined;

  /** @param n - how many messages make a batch (a whole number, at least 1; default 2) */
  constructor(n = 2) {
    super();
    if (!Number.isInteger(n) || n < 1) throw new BadArgument("Sync", "n", n, "a whole number of messages, at least 1");
    this.#n = n;
  }

  protected override processMessage(message: unknown): unknown {
    if (this.#count === 0) this.#first = message;
    this.#count++;
    if (this.#count < this.#n) return undefined;
    this.#count = 0;
    return this.#first;
  }
}
