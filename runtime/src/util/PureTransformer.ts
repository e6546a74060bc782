/**
 * PureTransformer: a function applied to every message.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "./checkShutdown.js";

/**
 * Applies a function to each message and sends the result on, unless it is `undefined`.
 * @remarks Port of Kamaelia.Util.PureTransformer. Each message on `inbox` goes through the function
 * given (or through `processMessage`, which a subclass may override instead); a result other than
 * `undefined` leaves from `outbox`, so returning `undefined` drops a message. Without a function every
 * message is dropped, as in Kamaelia. An error thrown by the function ends the component with that
 * error. `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends;
 * `ProducerFinished` is passed on once every waiting message has been transformed (Kamaelia sent a new
 * `ProducerFinished` instead). Other control messages are passed on from `signal`.
 * @inbox inbox - messages to transform
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - results that are not `undefined`
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @see {@link SequentialTransformer} for a chain of functions, {@link Filter} for a filter object.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, PureTransformer } from "kamaelia";
 * await new Pipeline(
 *   new DataSource(["hello", "world"]),
 *   new PureTransformer((word: string) => word.toUpperCase()),
 *   new ConsoleEchoer(),
 * ).run(); // HELLO, WORLD
 * ```
 */
export class PureTransformer<In = unknown> extends Component {
  static override Inboxes = {
    inbox: "messages to transform",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "results that are not undefined",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #function: ((message: In) => unknown) | undefined;

  /** @param fn - applied to each message; an `undefined` result sends nothing */
  constructor(fn?: (message: In) => unknown) {
    super();
    this.#function = fn;
  }

  /** Transforms one message: the result is sent on unless it is `undefined`. Override it in a subclass. */
  protected processMessage(message: In): unknown {
    return this.#function?.(message);
  }

  /**
   * Called when `ProducerFinished` has arrived and every waiting message has been transformed, just
   * before it is passed on: a subclass holding data back sends it here. Does nothing by default.
   */
  protected flush(): void {
    // Nothing is held back by default.
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      if (shutdown instanceof ShutdownMicroprocess) {
        this.send(shutdown, "signal");
        return;
      }
      while (this.dataReady("inbox") > 0) {
        const result = this.processMessage(this.recv("inbox") as In);
        if (result !== undefined) this.send(result, "outbox");
      }
      if (shutdown !== undefined) {
        this.flush();
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}
