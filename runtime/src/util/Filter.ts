/**
 * Filter: a filter object (or function) deciding what passes and what it becomes.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";

/**
 * What {@link Filter} uses: an object whose `filter` method returns what to send on, or `undefined` to
 * send nothing, and, if it holds data back, a `flush` method giving what is left when the stream ends.
 */
export interface FilterObject {
  /** Returns what to send on for `message`, or `undefined` for nothing. */
  filter(message: unknown): unknown;
  /** Returns what is still held back, to be sent on when `ProducerFinished` arrives. */
  flush?(): Iterable<unknown>;
}

/**
 * Runs each message through a filter and sends on each result that is not `undefined`.
 * @remarks Port of Kamaelia.Util.Filter. The filter is an object with a `filter(message)` method
 * (Kamaelia's form) or just such a function; without one every message passes unchanged (Kamaelia's
 * NullFilter). When `ProducerFinished` arrives on `control` and every waiting message has been
 * filtered, the filter object's `flush()`, if it has one, gives what it still holds, and that is sent on
 * (Kamaelia instead called `filter("")` until it returned None, which loops for ever with a filter that
 * returns something for everything). Then the `ProducerFinished` is passed on from `signal` and it ends.
 * `ShutdownMicroprocess` is passed on at once, without a flush. Other control messages are passed on from
 * `signal`. An error thrown by the filter ends the component with that error.
 * @inbox inbox - messages to filter
 * @inbox control - `ProducerFinished` (flush, then end) or `ShutdownMicroprocess` (end now): passed on from `signal`
 * @outbox outbox - the filter's results that are not `undefined`
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @see {@link PureTransformer}, the same with a function alone.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Filter, Pipeline } from "kamaelia";
 * const stringsOnly = { filter: (message: unknown) => (typeof message === "string" ? message : undefined) };
 * await new Pipeline(new DataSource(["a", 1, "b", null]), new Filter(stringsOnly), new ConsoleEchoer()).run(); // a, b
 * ```
 */
export class Filter extends PureTransformer {
  static override Inboxes = {
    inbox: "messages to filter",
    control: "ProducerFinished (flush, then end) or ShutdownMicroprocess (end now): passed on from signal",
  };
  static override Outboxes = {
    outbox: "the filter's results that are not undefined",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #filter: FilterObject | undefined;

  /** @param filter - an object with a `filter(message)` method (and maybe `flush()`), or a function; default: pass everything */
  constructor(filter?: FilterObject | ((message: never) => unknown)) {
    super();
    this.#filter = typeof filter === "function" ? { filter } : filter;
  }

  protected override processMessage(message: unknown): unknown {
    return this.#filter === undefined ? message : this.#filter.filter(message);
  }

  protected override flush(): void {
    const rest = this.#filter?.flush?.() ?? [];
    for (const message of rest) if (message !== undefined) this.send(message, "outbox");
  }
}
