/**
 * TagWithSequenceNumber: each message paired with a counter.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";

/**
 * Sends each message on as `[n, message]`, with `n` counting up from an initial number.
 * @remarks Port of Kamaelia.Util.TagWithSequenceNumber (a Python tuple `(n, item)` becomes a
 * two-element array). Numbering starts at `initial` (default 0) and goes up by one per message.
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends;
 * `ProducerFinished` is passed on once every waiting message has been tagged. Other control messages
 * are passed on from `signal`.
 * @inbox inbox - messages to tag
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - `[n, message]` pairs
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, TagWithSequenceNumber } from "kamaelia";
 * await new Pipeline(new DataSource(["a", "b"]), new TagWithSequenceNumber(1), new ConsoleEchoer()).run(); // [1, "a"], [2, "b"]
 * ```
 */
export class TagWithSequenceNumber extends PureTransformer {
  static override Inboxes = {
    inbox: "messages to tag",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "[n, message] pairs",
    signal: "the shutdown message when it ends, and other control messages",
  };

  #next: number;

  /** @param initial - the number of the first message (default 0) */
  constructor(initial = 0) {
    super();
    this.#next = initial;
  }

  protected override processMessage(message: unknown): unknown {
    return [this.#next++, message];
  }
}
