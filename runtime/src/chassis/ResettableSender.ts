/**
 * ResettableSender: a countdown that sends a message when it runs out, restarted by anything arriving.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ProducerFinished } from "../axon/Ipc.js";
import { Scheduler } from "../axon/Scheduler.js";
import { requirePositive } from "../util/BadArgument.js";
import { checkShutdown } from "../util/checkShutdown.js";

/** Options for a {@link ResettableSender}. */
export interface ResettableSenderOptions {
  /** Milliseconds of silence before it fires. Default 5000. */
  readonly timeout?: number;
  /** What it sends when it fires. Default `"NEXT"`. */
  readonly message?: unknown;
}

/**
 * Sends a message once `timeout` milliseconds pass with nothing arriving on its `inbox`; anything that
 * arrives restarts the countdown.
 * @remarks Port of Kamaelia.Internet.TimeOutCSA.ResettableSender (which polled once a second, in
 * seconds, on a thread of its own). The countdown starts when it starts and runs on its scheduler's
 * clock; it sleeps meanwhile. A message arriving at the very moment the time runs out still restarts
 * it. It fires once: it sends `message` from `outbox`, then `ProducerFinished` from `signal`, and ends
 * (Kamaelia ended silently). `ProducerFinished` or `ShutdownMicroprocess` on `control` cancels the
 * countdown: it is passed on from `signal` and it ends without firing (Kamaelia ignored `control`).
 * Other control messages are passed straight on from `signal`. The {@link InactivityChassis} uses it,
 * fed by an {@link ActivityMonitor}, to close idle connections.
 * @inbox inbox - anything: restarts the countdown
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: cancels it, passed on from `signal`
 * @outbox outbox - the message, when the time runs out
 * @outbox signal - `ProducerFinished` after it fired, or the shutdown message that cancelled it; other control messages
 * @example
 * ```ts
 * import { ResettableSender, handle } from "kamaelia";
 * const alarm = handle(new ResettableSender({ timeout: 20, message: "wake up!" }));
 * alarm.put("still here");
 * console.log(await alarm.get()); // wake up!
 * await alarm.done;
 * ```
 */
export class ResettableSender extends Component {
  static override Inboxes = {
    inbox: "anything: restarts the countdown",
    control: "ProducerFinished or ShutdownMicroprocess: cancels it, passed on from signal",
  };
  static override Outboxes = {
    outbox: "the message, when the time runs out",
    signal: "ProducerFinished after it fired, or the shutdown message that cancelled it; other control messages",
  };

  readonly #timeout: number;
  readonly #message: unknown;

  /** @param options - how long to wait and what to send */
  constructor(options: ResettableSenderOptions = {}) {
    super();
    this.#timeout = requirePositive("ResettableSender", "timeout", options.timeout ?? 5000, "milliseconds");
    this.#message = "message" in options ? options.message : "NEXT";
  }

  override *main(): Generator<unknown, void, unknown> {
    const clock = (this.scheduler ?? Scheduler.run).clock;
    let deadline = clock.now() + this.#timeout;
    let cancel = (): void => undefined;
    try {
      for (;;) {
        const end = checkShutdown(this);
        if (end !== undefined) {
          this.send(end, "signal");
          return;
        }
        const now = clock.now();
        if (this.dataReady("inbox") > 0) {
          while (this.dataReady("inbox") > 0) this.recv("inbox");
          deadline = now + this.#timeout;
        }
        if (now >= deadline) {
          this.send(this.#message);
          this.send(new ProducerFinished(this), "signal");
          return;
        }
        cancel();
        cancel = this.wakeAfter(deadline - now);
        this.pause();
        yield;
      }
    } finally {
      cancel();
    }
  }
}
