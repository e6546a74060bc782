/**
 * Clock: `true`, every so many milliseconds.
 * @module
 */

import { Component } from "../axon/Component.js";
import { Scheduler } from "../axon/Scheduler.js";
import { requirePositive } from "./BadArgument.js";
import { checkShutdown } from "./checkShutdown.js";
import { unhandled } from "./unhandled.js";

/**
 * Sends `true` from `outbox` at once and then every `interval` milliseconds, to wake components that
 * sleep between jobs.
 * @remarks Port of Kamaelia.Util.Clock.CheapAndCheerfulClock (which used a thread of its own and
 * seconds). It keeps time on its scheduler's clock, so under a `VirtualClock` it ticks deterministically,
 * and sleeps between ticks. Ticks are due at start + n × interval, so they do not drift; if it is woken
 * late it sends one tick and carries on from the next one due. Kamaelia's clock never stopped: this one
 * passes `ProducerFinished` or `ShutdownMicroprocess` on from `signal` and ends. Other control messages
 * are passed straight on from `signal`; anything sent to `inbox` is reported as an `ErrorInformation`.
 * @inbox inbox - not used
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - `true`, at once and then every interval
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for anything sent to `inbox`
 * @example
 * ```ts
 * import { Clock, handle } from "kamaelia";
 * const clock = handle(new Clock(10));
 * for (let i = 0; i < 3; i++) console.log("tick", await clock.get()); // tick true, tick true, tick true
 * await clock.shutdown();
 * ```
 */
export class Clock extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "true, at once and then every interval",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for anything sent to inbox",
  };

  readonly #interval: number;

  /** @param interval - milliseconds between ticks, more than 0 */
  constructor(interval: number) {
    super();
    this.#interval = requirePositive("Clock", "interval", interval, "milliseconds");
  }

  override *main(): Generator<unknown, void, unknown> {
    const clock = (this.scheduler ?? Scheduler.run).clock;
    const interval = this.#interval;
    let due = clock.now();
    let cancel = (): void => undefined;
    try {
      for (;;) {
        const end = checkShutdown(this);
        if (end !== undefined) {
          this.send(end, "signal");
          return;
        }
        while (this.dataReady("inbox") > 0) this.send(unhandled(this, "inbox", this.recv("inbox"), "nothing"), "signal");
        const now = clock.now();
        if (now >= due) {
          this.send(true);
          due += interval * (Math.floor((now - due) / interval) + 1);
        }
        // Re-armed on every wake, so a timer firing a rounding error early only delays the tick by as much.
        cancel();
        cancel = this.wakeAfter(due - now);
        this.pause();
        yield;
      }
    } finally {
      cancel();
    }
  }
}
