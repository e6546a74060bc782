/**
 * SequentialTransformer: a chain of functions applied to every message.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";

/**
 * Applies several functions, one after the other, to each message and sends the final result on,
 * unless it is `undefined`.
 * @remarks Port of Kamaelia.Util.SequentialTransformer. Each function gets what the one before
 * returned; only the final result is checked, so returning `undefined` from the last function drops a
 * message. With no functions every message is sent on unchanged (Kamaelia dropped them all). An error
 * thrown by a function ends the component with that error. `ShutdownMicroprocess` on `control` is
 * passed on from `signal` at once and it ends; `ProducerFinished` is passed on once every waiting
 * message has been transformed. Other control messages are passed on from `signal`.
 * @inbox inbox - messages to transform
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - final results that are not `undefined`
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @see {@link PureTransformer} for a single function.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, SequentialTransformer } from "kamaelia";
 * await new Pipeline(
 *   new DataSource([1, 2]),
 *   new SequentialTransformer(String, (text: string) => `foo${text}`, (text: string) => `${text}bar!`),
 *   new ConsoleEchoer(),
 * ).run(); // foo1bar!, foo2bar!
 * ```
 */
export class SequentialTransformer extends PureTransformer {
  static override Inboxes = {
    inbox: "messages to transform",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "final results that are not undefined",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #functions: readonly ((message: never) => unknown)[];

  /** @param functions - applied in order, each to what the one before returned */
  constructor(...functions: ((message: never) => unknown)[]) {
    super();
    this.#functions = functions;
  }

  protected override processMessage(message: unknown): unknown {
    let result = message;
    for (const fn of this.#functions) result = (fn as (message: unknown) => unknown)(result);
    return result;
  }
}
