/**
 * TwoWaySplitter: data and control, each sent on to two destinations.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { sendToEach } from "./sendToEach.js";

const DATA = ["outbox", "outbox2"] as const;
const SIGNALS = ["signal", "signal2"] as const;

/**
 * Sends everything from `inbox` out of `outbox` and `outbox2`, and everything from `control` out of
 * `signal` and `signal2`, so one source can feed two destinations, shutdown included.
 * @remarks Port of Kamaelia.Util.TwoWaySplitter. It honours size-limited destinations: when one is
 * full it holds the message and waits (paused) until that destination has room, taking nothing new
 * meanwhile, so no message is lost and both destinations see the same order. Control messages are
 * passed on to both signal outboxes; `ProducerFinished` is passed on once every waiting message has
 * been sent on, `ShutdownMicroprocess` at once (abandoning any held message), and then it ends.
 * @inbox inbox - messages for `outbox` and `outbox2`
 * @inbox control - messages for `signal` and `signal2`; `ProducerFinished` or `ShutdownMicroprocess` end it
 * @outbox outbox - every message from `inbox`
 * @outbox outbox2 - every message from `inbox`
 * @outbox signal - every message from `control`
 * @outbox signal2 - every message from `control`
 * @example
 * ```ts
 * import { TwoWaySplitter, handle } from "kamaelia";
 * const split = handle(new TwoWaySplitter());
 * split.put("frame 1");
 * console.log(await split.get("outbox"), await split.get("outbox2")); // frame 1 frame 1
 * await split.shutdown();
 * ```
 */
export class TwoWaySplitter extends Component {
  static override Inboxes = {
    inbox: "messages for outbox and outbox2",
    control: "messages for signal and signal2; ProducerFinished or ShutdownMicroprocess end it",
  };
  static override Outboxes = {
    outbox: "every message from inbox",
    outbox2: "every message from inbox",
    signal: "every message from control",
    signal2: "every message from control",
  };

  /** Control messages read but not yet passed on, oldest first. */
  readonly #controls: unknown[] = [];
  #finished: ProducerFinished | undefined;
  #shutdown: ShutdownMicroprocess | undefined;

  override *main(): Generator<unknown, void, unknown> {
    const keepWaiting = (): boolean => this.#readControl();
    for (;;) {
      if (!this.#readControl()) break;
      if (this.#controls.length > 0) {
        if (!(yield* sendToEach(this, this.#controls.shift(), SIGNALS, keepWaiting))) break;
        continue;
      }
      if (this.dataReady("inbox") > 0) {
        if (!(yield* sendToEach(this, this.recv("inbox"), DATA, keepWaiting))) break;
        continue;
      }
      if (this.#finished !== undefined) break;
      this.pause();
      yield;
    }
    yield* sendToEach(this, this.#shutdown ?? this.#finished, SIGNALS, () => true);
  }

  /** Takes every control message; false once `ShutdownMicroprocess` has arrived. */
  #readControl(): boolean {
    while (this.dataReady("control") > 0) {
      const message = this.recv("control");
      if (message instanceof ShutdownMicroprocess) this.#shutdown = message;
      else if (message instanceof ProducerFinished) this.#finished = message;
      else this.#controls.push(message);
    }
    return this.#shutdown === undefined;
  }
}
