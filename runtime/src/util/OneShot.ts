/**
 * OneShot and TriggeredOneShot: a single preset message, at once or when triggered.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "./checkShutdown.js";

/**
 * Sends one preset message as soon as it runs, then `ProducerFinished`, and ends.
 * @remarks Port of Kamaelia.Util.OneShot.OneShot. The message leaves from `outbox` in its first step;
 * `ProducerFinished` follows from `signal` in the next, and it ends. It reads neither inbox.
 * @inbox inbox - not used
 * @inbox control - not used
 * @outbox outbox - the message
 * @outbox signal - `ProducerFinished` after the message
 * @see {@link TriggeredOneShot} to wait for a trigger first, {@link DataSource} for several messages.
 * @example
 * ```ts
 * import { ConsoleEchoer, OneShot, Pipeline } from "kamaelia";
 * await new Pipeline(new OneShot("just once"), new ConsoleEchoer()).run(); // just once
 * ```
 */
export class OneShot extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "not used",
  };
  static override Outboxes = {
    outbox: "the message",
    signal: "ProducerFinished after the message",
  };

  readonly #message: unknown;

  /** @param message - what to send */
  constructor(message?: unknown) {
    super();
    this.#message = message;
  }

  override *main(): Generator<unknown, void, unknown> {
    this.send(this.#message, "outbox");
    yield;
    this.send(new ProducerFinished(this), "signal");
  }
}

/**
 * Waits for anything to arrive on its `inbox`, then sends one preset message and `ProducerFinished`, and
 * ends.
 * @remarks Port of Kamaelia.Util.OneShot.TriggeredOneShot. The trigger itself is not sent on. Before a
 * trigger, `ShutdownMicroprocess` or `ProducerFinished` on `control` is passed on from `signal` and it
 * ends without sending; a trigger already waiting beside a `ProducerFinished` is answered first, and the
 * `ProducerFinished` then leaves instead of its own. Other control messages are passed on from
 * `signal`. Handy for stopping something when a first reply comes: wire its `outbox` to a `control`
 * inbox with a `ShutdownMicroprocess` as the message.
 * @inbox inbox - the trigger: anything
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the message, once
 * @outbox signal - `ProducerFinished` after the message, or the shutdown message if it ends first
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, TriggeredOneShot } from "kamaelia";
 * await new Pipeline(new DataSource(["go", "go again"]), new TriggeredOneShot("fired"), new ConsoleEchoer()).run(); // fired
 * ```
 */
export class TriggeredOneShot extends Component {
  static override Inboxes = {
    inbox: "the trigger: anything",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the message, once",
    signal: "ProducerFinished after the message, or the shutdown message if it ends first",
  };

  readonly #message: unknown;

  /** @param message - what to send when triggered */
  constructor(message?: unknown) {
    super();
    this.#message = message;
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      if (shutdown instanceof ShutdownMicroprocess) {
        this.send(shutdown, "signal");
        return;
      }
      if (this.dataReady("inbox") > 0) {
        this.recv("inbox");
        this.send(this.#message, "outbox");
        yield;
        this.send(shutdown ?? new ProducerFinished(this), "signal");
        return;
      }
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}
