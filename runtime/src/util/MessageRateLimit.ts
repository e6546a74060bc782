/**
 * MessageRateLimit: messages passed on no faster than a given rate.
 * @module
 */

import { Component } from "../axon/Component.js";
import { Scheduler } from "../axon/Scheduler.js";
import { ShutdownMicroprocess, type ProducerFinished } from "../axon/Ipc.js";
import { BadArgument, requirePositive } from "./BadArgument.js";
import { checkShutdown, laterEnd } from "./checkShutdown.js";
import { sendToEach } from "./sendToEach.js";

/**
 * Passes messages on at most `messages_per_second` times a second, after first letting `buffer` of
 * them queue up.
 * @remarks Port of Kamaelia.Util.RateFilter.MessageRateLimit. Messages wait in its inbox until `buffer`
 * of them have arrived (or `ProducerFinished` says no more will), then leave one at a time, each at
 * least 1000 / `messages_per_second` ms after the one before (on the scheduler's clock; Kamaelia ran 10%
 * fast). The rate is a ceiling: when the queue runs dry, messages leave as they arrive, never closer
 * together than the rate allows. It sleeps between messages. A full destination (a size-limited inbox)
 * holds the next message until it has room. `ProducerFinished` on `control` is passed on from `signal`
 * once every queued message has left (Kamaelia dropped the queue), `ShutdownMicroprocess` at once; then
 * it ends. Other control messages are passed straight on from `signal`.
 * @inbox inbox - messages to pass on
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the messages, no faster than the rate
 * @outbox signal - other control messages, and the shutdown message when it ends
 * @example
 * ```ts
 * import { Component, IterableSource, MessageRateLimit, Pipeline, Scheduler, VirtualClock } from "kamaelia";
 * class Stamp extends Component {
 *   override *main() {
 *     for (;;) {
 *       while (this.dataReady("inbox")) console.log(this.recv("inbox"), "at", this.scheduler?.clock.now());
 *       if (this.dataReady("control")) return;
 *       this.pause();
 *       yield;
 *     }
 *   }
 * }
 * const scheduler = new Scheduler({ clock: new VirtualClock() });
 * new Pipeline(new IterableSource(["f1", "f2", "f3"]), new MessageRateLimit(2, 1), new Stamp()).activate(scheduler);
 * await scheduler.runThreads(); // f1 at 0, f2 at 500, f3 at 1000
 * ```
 */
export class MessageRateLimit extends Component {
  static override Inboxes = {
    inbox: "messages to pass on",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the messages, no faster than the rate",
    signal: "other control messages, and the shutdown message when it ends",
  };

  readonly #gap: number;
  readonly #buffer: number;
  #end: ProducerFinished | ShutdownMicroprocess | undefined;

  /**
   * @param messages_per_second - the most messages to pass on in a second, more than 0
   * @param buffer - how many messages to queue up before the first leaves (0 or more)
   */
  constructor(messages_per_second: number, buffer = 60) {
    super();
    this.#gap = 1000 / requirePositive("MessageRateLimit", "messages_per_second", messages_per_second, "messages a second");
    if (!(Number.isInteger(buffer) && buffer >= 0)) throw new BadArgument("MessageRateLimit", "buffer", buffer, "a whole number of messages, 0 or more");
    this.#buffer = buffer;
  }

  override *main(): Generator<unknown, void, unknown> {
    const clock = (this.scheduler ?? Scheduler.run).clock;
    const keepWaiting = (): boolean => !this.#mustStop();
    let started = false;
    let last: number | undefined;
    let cancel = (): void => undefined;
    try {
      for (;;) {
        if (this.#mustStop()) break;
        started ||= this.#end !== undefined || this.dataReady("inbox") >= this.#buffer;
        if (started && this.dataReady("inbox") > 0) {
          const wait = last === undefined ? 0 : last + this.#gap - clock.now();
          if (wait <= 0) {
            if (!(yield* sendToEach(this, this.recv("inbox"), ["outbox"], keepWaiting))) break;
            last = clock.now();
            continue;
          }
          cancel();
          cancel = this.wakeAfter(wait);
        } else if (this.#end !== undefined) break;
        this.pause();
        yield;
      }
      this.send(this.#end, "signal");
    } finally {
      cancel();
    }
  }

  /** Reads `control`; true once `ShutdownMicroprocess` has arrived. */
  #mustStop(): boolean {
    this.#end = laterEnd(this.#end, checkShutdown(this));
    return this.#end instanceof ShutdownMicroprocess;
  }
}
