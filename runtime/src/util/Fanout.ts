/**
 * Fanout: a copy of every message to each of a fixed set of outboxes.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown, laterEnd } from "./checkShutdown.js";
import { sendToEach } from "./sendToEach.js";

/**
 * Sends each message that arrives on `inbox` out of every outbox named when it was made.
 * @remarks Port of Kamaelia.Util.Fanout. The outboxes are fixed at construction; `outbox` is not used
 * unless named (Kamaelia's code sent to it despite its docs). The same message object goes to every
 * destination, not a copy, so take care with mutable data. A full destination (a size-limited inbox)
 * is retried when it has room, before the next message is taken, so nothing is lost and order is kept
 * for every destination. `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it
 * ends; `ProducerFinished` is passed on once every waiting message has been fanned out. Any other
 * control message is passed straight on from `signal` (so reports travel on); none is fanned out.
 * @inbox inbox - messages to copy to every named outbox
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - not used (unless named)
 * @outbox signal - other control messages as they come, then the shutdown message when it ends
 * @example
 * ```ts
 * import { Fanout, handle } from "kamaelia";
 * const split = handle(new Fanout(["toConsole", "toFile"]));
 * split.put("hello");
 * console.log(await split.get("toConsole"), await split.get("toFile")); // hello hello
 * await split.shutdown();
 * ```
 */
export class Fanout extends Component {
  static override Inboxes = {
    inbox: "messages to copy to every named outbox",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "not used (unless named)",
    signal: "other control messages as they come, then the shutdown message when it ends",
  };

  readonly #boxnames: readonly string[];
  #end: ProducerFinished | ShutdownMicroprocess | undefined;

  /** @param boxnames - the outboxes every message is sent from (added to `outbox` and `signal`) */
  constructor(boxnames: readonly string[]) {
    super();
    this.#boxnames = [...new Set(boxnames)];
    for (const name of this.#boxnames) if (!Object.hasOwn(this.outboxes, name)) this._createOutbox(name);
  }

  override *main(): Generator<unknown, void, unknown> {
    const keepWaiting = (): boolean => !this.#mustStop();
    for (;;) {
      if (this.#mustStop()) break;
      if (this.dataReady("inbox") > 0) {
        if (!(yield* sendToEach(this, this.recv("inbox"), this.#boxnames, keepWaiting))) break;
        continue;
      }
      if (this.#end !== undefined) break;
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
