/**
 * OnDemandLimit: queued messages released one per "NEXT".
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess, type ProducerFinished } from "../axon/Ipc.js";
import { checkShutdown, laterEnd } from "./checkShutdown.js";
import { sendToEach } from "./sendToEach.js";
import { unhandled } from "./unhandled.js";

/**
 * Queues the messages that arrive on `inbox` and sends the oldest one each time `"NEXT"` arrives on
 * `slidecontrol`.
 * @remarks Port of Kamaelia.Util.RateFilter.OnDemandLimit, for stepping through data by hand (a
 * "next slide" button). A `"NEXT"` that finds nothing queued is used up and sends nothing; use
 * {@link PromptedTurnstile} to have early prompts count. Anything else on `slidecontrol` is reported as
 * an `ErrorInformation` on `signal` and skipped. A full destination (a size-limited inbox) holds the
 * message until it has room. `ProducerFinished` on `control` is passed on from `signal` once every
 * queued message has been released (Kamaelia ended at once, dropping them); `ShutdownMicroprocess` at
 * once; then it ends. Other control messages are passed straight on from `signal`.
 * @inbox inbox - messages to queue
 * @inbox slidecontrol - `"NEXT"`: send the oldest queued message
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the messages, one per `"NEXT"`
 * @outbox signal - `ErrorInformation` for a request it cannot handle, other control messages, and the shutdown message when it ends
 * @example
 * ```ts
 * import { OnDemandLimit, handle } from "kamaelia";
 * const slides = handle(new OnDemandLimit());
 * slides.put("slide 1");
 * slides.put("slide 2");
 * slides.put("NEXT", "slidecontrol");
 * console.log(await slides.get()); // slide 1
 * slides.put("NEXT", "slidecontrol");
 * console.log(await slides.get()); // slide 2
 * await slides.shutdown();
 * ```
 */
export class OnDemandLimit extends Component {
  static override Inboxes = {
    inbox: "messages to queue",
    slidecontrol: '"NEXT": send the oldest queued message',
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: 'the messages, one per "NEXT"',
    signal: "ErrorInformation for a request it cannot handle, other control messages, and the shutdown message when it ends",
  };

  #end: ProducerFinished | ShutdownMicroprocess | undefined;

  override *main(): Generator<unknown, void, unknown> {
    const keepWaiting = (): boolean => !this.#mustStop();
    for (;;) {
      if (this.#mustStop()) break;
      if (this.dataReady("slidecontrol") > 0) {
        const request = this.recv("slidecontrol");
        if (request !== "NEXT") this.send(unhandled(this, "slidecontrol", request, '"NEXT"'), "signal");
        else if (this.dataReady("inbox") > 0 && !(yield* sendToEach(this, this.recv("inbox"), ["outbox"], keepWaiting))) break;
        continue;
      }
      if (this.#end !== undefined && this.dataReady("inbox") === 0) break;
      this.pause();
      yield;
    }
    this.send(this.#end, "signal");
  }

  /** Reads `control`; true once `ShutdownMicroprocess` has arrived. */
  #mustStop(): boolean {
    this.#end = laterEnd(this.#end, checkShutdown(this));
    return this.#end instanceof ShutdownMicroprocess;
  }
}
