/**
 * Max: the largest value of each list.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";
import { unhandled } from "./unhandled.js";

type Comparable = number | bigint | string;

function kindOf(value: unknown): "numeric" | "string" | undefined {
  if (typeof value === "number" || typeof value === "bigint") return "numeric";
  return typeof value === "string" ? "string" : undefined;
}

/**
 * Receives arrays of values and sends the largest value of each.
 * @remarks Port of Kamaelia.Util.Max. Each array must be non-empty and hold numbers (and bigints) or
 * strings, not a mix; strings compare in code-unit order, as `>` does. Anything else (not an array, an
 * empty array, a mix, other values) is skipped and reported as an `ErrorInformation` on `signal` naming
 * the component and what arrived (Kamaelia raised an error); it carries on with the next.
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends;
 * `ProducerFinished` is passed on once every waiting array has been handled. Other control messages are
 * passed on from `signal`.
 * @inbox inbox - arrays of numbers, or of strings
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the largest value of each array
 * @outbox signal - `ErrorInformation` for each message skipped; the shutdown message when it ends
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Max, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource([[1, 4, 2, 3], ["d", "a", "b", "c"], ["xx", "xxx"]]), new Max(), new ConsoleEchoer()).run(); // 4, d, xxx
 * ```
 */
export class Max extends PureTransformer {
  static override Inboxes = {
    inbox: "arrays of numbers, or of strings",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the largest value of each array",
    signal: "ErrorInformation for each message skipped; the shutdown message when it ends",
  };

  protected override processMessage(message: unknown): unknown {
    const values: readonly unknown[] = Array.isArray(message) ? message : [];
    const kind = kindOf(values[0]);
    if (kind === undefined || !values.every((value) => kindOf(value) === kind)) {
      this.send(unhandled(this, "inbox", message, "non-empty arrays of numbers, or of strings"), "signal");
      return undefined;
    }
    let largest = values[0] as Comparable;
    for (const value of values as readonly Comparable[]) if (value > largest) largest = value;
    return largest;
  }
}
