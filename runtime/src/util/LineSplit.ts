/**
 * LineSplit: each message cut into its lines.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";
import { unhandled } from "./unhandled.js";

/**
 * Splits each string it receives at every `"\n"` and sends the lines on one by one.
 * @remarks Port of Kamaelia.Util.LineSplit. The lines are sent without their `"\n"`; a message ending in
 * `"\n"` gives a last, empty line, and one without any gives itself. Each message is split on its own:
 * use {@link chunks_to_lines} to join lines cut across messages. A message that is not a string is
 * skipped and reported as an `ErrorInformation` on `signal` naming the component and what arrived.
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends;
 * `ProducerFinished` is passed on once every waiting message has been split. Other control messages are
 * passed on from `signal`.
 * @inbox inbox - strings to split
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the lines, one message each
 * @outbox signal - `ErrorInformation` for each message skipped; the shutdown message when it ends
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, LineSplit, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource(["one\ntwo", "three"]), new LineSplit(), new ConsoleEchoer()).run(); // one, two, three
 * ```
 */
export class LineSplit extends PureTransformer {
  static override Inboxes = {
    inbox: "strings to split",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the lines, one message each",
    signal: "ErrorInformation for each message skipped; the shutdown message when it ends",
  };

  protected override processMessage(message: unknown): unknown {
    if (typeof message !== "string") {
      this.send(unhandled(this, "inbox", message, "strings"), "signal");
      return undefined;
    }
    for (const line of message.split("\n")) this.send(line, "outbox");
    return undefined;
  }
}
