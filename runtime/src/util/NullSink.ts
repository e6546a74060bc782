/**
 * NullSink: swallows everything.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";

/**
 * Takes every message it is sent and does nothing with it: somewhere to wire an outbox you do not need.
 * @remarks Port of Kamaelia.Util.NullSink.nullSinkComponent. Emptying the box matters when the inbox
 * is size-limited, so the sender is never held up. It has `outbox` and `signal` so that it fits at the
 * end of a pipeline: nothing leaves `outbox`. `ShutdownMicroprocess` or `ProducerFinished` on `control`
 * is passed on from `signal` and it ends. Other control messages are passed on from `signal`.
 * @inbox inbox - anything: discarded
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - not used
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { DataSource, NullSink, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource([1, 2, 3]), new NullSink()).run();
 * console.log("nothing printed before this"); // nothing printed before this
 * ```
 */
export class NullSink extends PureTransformer {
  static override Inboxes = {
    inbox: "anything: discarded",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the shutdown message when it ends, and other control messages",
  };
}
