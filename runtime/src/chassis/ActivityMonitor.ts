/**
 * ActivityMonitor: a transparent relay that says when traffic passes.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";

const CHANNELS = [
  ["inbox", "outbox"],
  ["inbox2", "outbox2"],
  ["inbox3", "outbox3"],
] as const;

/** Options for an {@link ActivityMonitor}. */
export interface ActivityMonitorOptions {
  /** What it sends from `observed` when traffic passes. Default `"RESET"`. */
  readonly message?: unknown;
}

/**
 * Passes messages through unchanged on three channels and its control path, and sends `"RESET"` from
 * `observed` whenever any pass, so another component can tell that something is happening.
 * @remarks Port of Kamaelia.Internet.TimeOutCSA.ActivityMonitor. Messages on `inbox`, `inbox2`, `inbox3`
 * and `control` leave from `outbox`, `outbox2`, `outbox3` and `signal`. Each time it wakes to find
 * messages it sends one `"RESET"` (or the `message` it was given) from `observed` first, however many
 * passed: a sign of activity, not a count. `ProducerFinished` or `ShutdownMicroprocess` on `control` is
 * passed on like any control message, after everything already waiting, and then it ends. The
 * {@link InactivityChassis} uses it to feed a {@link ResettableSender}.
 * @inbox inbox - messages for `outbox`
 * @inbox inbox2 - messages for `outbox2`
 * @inbox inbox3 - messages for `outbox3`
 * @inbox control - messages for `signal`; `ProducerFinished` or `ShutdownMicroprocess` also end it
 * @outbox outbox - what arrived on `inbox`
 * @outbox outbox2 - what arrived on `inbox2`
 * @outbox outbox3 - what arrived on `inbox3`
 * @outbox signal - what arrived on `control`
 * @outbox observed - `"RESET"` each time messages pass
 * @example
 * ```ts
 * import { ActivityMonitor, handle } from "kamaelia";
 * const monitor = handle(new ActivityMonitor());
 * monitor.put("hello");
 * console.log(await monitor.get("observed"), await monitor.get("outbox")); // RESET hello
 * await monitor.shutdown();
 * ```
 */
export class ActivityMonitor extends Component {
  static override Inboxes = {
    inbox: "messages for outbox",
    inbox2: "messages for outbox2",
    inbox3: "messages for outbox3",
    control: "messages for signal; ProducerFinished or ShutdownMicroprocess also end it",
  };
  static override Outboxes = {
    outbox: "what arrived on inbox",
    outbox2: "what arrived on inbox2",
    outbox3: "what arrived on inbox3",
    signal: "what arrived on control",
    observed: '"RESET" each time messages pass',
  };

  readonly #message: unknown;

  /** @param options - what to send from `observed` */
  constructor(options: ActivityMonitorOptions = {}) {
    super();
    this.#message = "message" in options ? options.message : "RESET";
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      if (this.anyReady()) {
        this.send(this.#message, "observed");
        for (const [inbox, outbox] of CHANNELS) while (this.dataReady(inbox) > 0) this.send(this.recv(inbox), outbox);
        let ending = false;
        while (this.dataReady("control") > 0) {
          const message = this.recv("control");
          ending ||= message instanceof ProducerFinished || message instanceof ShutdownMicroprocess;
          this.send(message, "signal");
        }
        if (ending) return;
      }
      this.pause();
      yield;
    }
  }
}
