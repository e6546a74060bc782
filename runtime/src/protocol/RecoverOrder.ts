/**
 * RecoverOrder: puts sequence-numbered messages back in order.
 * @module
 */

import { BadArgument } from "../util/BadArgument.js";
import { PureTransformer } from "../util/PureTransformer.js";
import { unhandled } from "../util/unhandled.js";

/** Options for a {@link RecoverOrder}. */
export interface RecoverOrderOptions {
  /** How many messages it holds back to sort them. Default 30. */
  readonly bufsize?: number;
  /** Sequence numbers run from 0 to `modulo - 1` and then wrap to 0. Default 2 ** 32. */
  readonly modulo?: number;
}

type Item = readonly [seqnum: number, data: unknown];

/**
 * Puts `[seqnum, data]` messages back in sequence order, holding a few back to sort them, and copes
 * with sequence numbers that wrap around.
 * @remarks Port of Kamaelia.Protocol.RecoverOrder.RecoverOrder (with the duplicate dropping of the
 * SimpleReliableMulticast one). It holds up to `bufsize` messages sorted by sequence number; once it
 * holds that many, each new message lets the earliest one go from `outbox`. A message with the same
 * sequence number as the one after it is a duplicate and is dropped. Because numbers wrap at `modulo`,
 * "earlier" is judged around the middle message held: a number up to half of `modulo` after it is later,
 * one further on is a latecomer from before the wrap. A message that arrives after later ones have gone
 * is still sent, out of order: choose `bufsize` for the reordering you expect. A message that is not
 * `[seqnum, data]` with a whole `seqnum` from 0 to `modulo - 1` is skipped and reported as an
 * `ErrorInformation` from `signal`. `ProducerFinished` on `control` sends every message still held, in
 * order (Kamaelia's kept them), is passed on from `signal`, and ends it; `ShutdownMicroprocess` is passed
 * on at once and ends it, dropping what it holds. Other control messages are passed on from `signal`.
 * @inbox inbox - `[seqnum, data]` pairs, in any order
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the same pairs, in sequence order, without duplicates
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for a message that is not a pair
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, RecoverOrder } from "kamaelia";
 * await new Pipeline(
 *   new DataSource([[2, "c"], [0, "a"], [1, "b"], [1, "b"], [3, "d"]]),
 *   new RecoverOrder({ bufsize: 3 }),
 *   new ConsoleEchoer(),
 * ).run(); // [0, "a"], [1, "b"], [2, "c"], [3, "d"]
 * ```
 */
export class RecoverOrder extends PureTransformer {
  static override Inboxes = {
    inbox: "[seqnum, data] pairs, in any order",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the same pairs, in sequence order, without duplicates",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for a message that is not a pair",
  };

  readonly #bufsize: number;
  readonly #modulo: number;
  /** What it holds, earliest first. */
  readonly #held: Item[] = [];

  /** @param options - how many to hold back, and where sequence numbers wrap */
  constructor(options: RecoverOrderOptions = {}) {
    super();
    this.#bufsize = options.bufsize ?? 30;
    this.#modulo = options.modulo ?? 2 ** 32;
    if (!(Number.isSafeInteger(this.#bufsize) && this.#bufsize >= 1)) throw new BadArgument("RecoverOrder", "bufsize", this.#bufsize, "a whole number of messages, 1 or more");
    if (!(Number.isSafeInteger(this.#modulo) && this.#modulo >= 2)) throw new BadArgument("RecoverOrder", "modulo", this.#modulo, "a whole number, 2 or more");
  }

  protected override processMessage(message: unknown): unknown {
    if (!this.#isItem(message)) {
      this.send(unhandled(this, "inbox", message, `[seqnum, data] pairs with a whole seqnum from 0 to ${String(this.#modulo - 1)}`), "signal");
      return undefined;
    }
    this.#insert(message);
    if (this.#held.length >= this.#bufsize) this.#release();
    return undefined;
  }

  protected override flush(): void {
    while (this.#held.length > 0) this.#release();
  }

  #isItem(message: unknown): message is Item {
    if (!Array.isArray(message) || message.length !== 2) return false;
    const seqnum: unknown = message[0];
    return typeof seqnum === "number" && Number.isSafeInteger(seqnum) && seqnum >= 0 && seqnum < this.#modulo;
  }

  /** Inserts after any it holds with the same place in the order, judged around the middle one held. */
  #insert(item: Item): void {
    const held = this.#held;
    const middle = held[held.length >> 1];
    if (middle === undefined) {
      held.push(item);
      return;
    }
    const modulo = this.#modulo;
    const threshold = (middle[0] + Math.floor(modulo / 2)) % modulo;
    const place = (seqnum: number): number => (seqnum - threshold + modulo) % modulo;
    const key = place(item[0]);
    let low = 0;
    let high = held.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (place(held[mid]?.[0] ?? 0) <= key) low = mid + 1;
      else high = mid;
    }
    held.splice(low, 0, item);
  }

  /** Sends the earliest held message, unless the next one held has the same sequence number. */
  #release(): void {
    const first = this.#held.shift();
    if (first !== undefined && first[0] !== this.#held[0]?.[0]) this.send(first, "outbox");
  }
}
