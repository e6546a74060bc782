/**
 * Stringify: every message as a string.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";
import { str } from "./repr.js";

/**
 * Converts each message to a string and sends it on.
 * @remarks Port of Kamaelia.Util.Stringify. Strings pass unchanged; other values become the text
 * `ConsoleEchoer` would print for them: `5`, `true`, `[1, 2]`, `{ a: 1 }`, or what their class's
 * `toString()` says. Kamaelia's ignored `control` and never ended; this one ends the usual way:
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once, `ProducerFinished` once every
 * waiting message has been converted. Other control messages are passed on from `signal`.
 * @inbox inbox - messages to convert
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the messages as strings
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { DataSource, Pipeline, PureTransformer, Stringify } from "kamaelia";
 * const show = new PureTransformer((text: string) => {
 *   console.log(typeof text, text);
 * });
 * await new Pipeline(new DataSource([5, [1, 2]]), new Stringify(), show).run(); // string 5, string [1, 2]
 * ```
 */
export class Stringify extends PureTransformer {
  static override Inboxes = {
    inbox: "messages to convert",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the messages as strings",
    signal: "the shutdown message when it ends, and other control messages",
  };

  protected override processMessage(message: unknown): unknown {
    return str(message);
  }
}
