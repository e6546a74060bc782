/**
 * DataSource and TriggeredSource: preset messages, all at once or one per trigger.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "./checkShutdown.js";
import { PureTransformer } from "./PureTransformer.js";

/**
 * Sends the messages it was given, one per scheduler cycle, then `ProducerFinished`.
 * @remarks Port of Kamaelia.Util.DataSource.DataSource. Any iterable works, read lazily: an array, a
 * `Set`, a generator (even an endless one). It takes nothing on `inbox`. When the messages run out it
 * sends `ProducerFinished` from `signal` and ends. `ShutdownMicroprocess` on `control` is passed on from
 * `signal` at once and it ends without sending the rest; a `ProducerFinished` there lets it send the
 * rest and is then passed on instead of its own. Other control messages are passed on from `signal`.
 * @inbox inbox - not used
 * @inbox control - `ShutdownMicroprocess` to stop early
 * @outbox outbox - the messages, in order
 * @outbox signal - `ProducerFinished` when every message has been sent
 * @see {@link OneShot} for a single message.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource(["hello", "world"]), new ConsoleEchoer()).run(); // hello, world
 * ```
 */
export class DataSource extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "ShutdownMicroprocess to stop early",
  };
  static override Outboxes = {
    outbox: "the messages, in order",
    signal: "ProducerFinished when every message has been sent",
  };

  readonly #messages: Iterable<unknown>;

  /** @param messages - what to send, in order */
  constructor(messages: Iterable<unknown>) {
    super();
    this.#messages = messages;
  }

  override *main(): Generator<unknown, void, unknown> {
    let finished: ProducerFinished | undefined;
    for (const message of this.#messages) {
      const shutdown = checkShutdown(this);
      if (shutdown instanceof ShutdownMicroprocess) {
        this.send(shutdown, "signal");
        return;
      }
      finished ??= shutdown;
      this.send(message, "outbox");
      yield;
    }
    const shutdown = checkShutdown(this);
    this.send(shutdown ?? finished ?? new ProducerFinished(this), "signal");
  }
}

/**
 * Sends the same preset message each time anything arrives on its `inbox`.
 * @remarks Port of Kamaelia.Util.DataSource.TriggeredSource (a prefab there: a PureTransformer whose
 * function ignores its argument). What arrives is only a trigger and is not sent on. Shutdown is as for
 * {@link PureTransformer}: `ShutdownMicroprocess` is passed on from `signal` at once, `ProducerFinished`
 * once every waiting trigger has been answered, and it ends.
 * @inbox inbox - triggers: anything
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the preset message, once per trigger
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, TriggeredSource } from "kamaelia";
 * await new Pipeline(new DataSource([1, 2, 3]), new TriggeredSource("wibble"), new ConsoleEchoer()).run(); // wibble, wibble, wibble
 * ```
 */
export class TriggeredSource extends PureTransformer {
  static override Inboxes = {
    inbox: "triggers: anything",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the preset message, once per trigger",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #message: unknown;

  /** @param message - what to send for each trigger */
  constructor(message: unknown) {
    super();
    this.#message = message;
  }

  protected override processMessage(): unknown {
    return this.#message;
  }
}
