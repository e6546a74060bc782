/**
 * SimpleDetupler: one element of each message.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";
import { unhandled } from "./unhandled.js";

/**
 * Sends on one element of each message: `message[index]`.
 * @remarks Port of Kamaelia.Util.Detuple.SimpleDetupler. With a number, an element of an array or a
 * character of a string (negative numbers count from the end, as in Python); with a string or number
 * key, a field of an object or an entry of a `Map`. A message without that element is skipped and
 * reported as an `ErrorInformation` on `signal` naming the component and what arrived (Kamaelia raised
 * an error); it carries on with the next. An element that is `undefined` is not sent.
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends; `ProducerFinished`
 * is passed on once every waiting message has been handled. Other control messages are passed on from
 * `signal`.
 * @inbox inbox - arrays, strings, objects or maps
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the chosen element of each message
 * @outbox signal - `ErrorInformation` for each message skipped; the shutdown message when it ends
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, SimpleDetupler } from "kamaelia";
 * await new Pipeline(new DataSource([["greeting", "hello"], ["greeting", "world"]]), new SimpleDetupler(1), new ConsoleEchoer()).run(); // hello, world
 * ```
 */
export class SimpleDetupler extends PureTransformer {
  static override Inboxes = {
    inbox: "arrays, strings, objects or maps",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the chosen element of each message",
    signal: "ErrorInformation for each message skipped; the shutdown message when it ends",
  };

  readonly #index: number | string;

  /** @param index - the position (arrays, strings) or key (objects, maps) of the element to send */
  constructor(index: number | string) {
    super();
    this.#index = index;
  }

  protected override processMessage(message: unknown): unknown {
    const index = this.#index;
    if (typeof index === "number" && (Array.isArray(message) || typeof message === "string")) {
      const position = index < 0 ? message.length + index : index;
      if (Number.isInteger(position) && position >= 0 && position < message.length) return message[position] as unknown;
    } else if (message instanceof Map) {
      if (message.has(index)) return message.get(index) as unknown;
    } else if (typeof message === "object" && message !== null && index in message) {
      return (message as Record<string | number, unknown>)[index];
    }
    this.send(unhandled(this, "inbox", message, `arrays, strings, objects or maps that have an element ${JSON.stringify(index)}`), "signal");
    return undefined;
  }
}
