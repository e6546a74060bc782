/**
 * The inactivity chassis: a component told to finish when it has been quiet for too long.
 * @module
 */

import { BadComponent, NoSuchBox } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { BadArgument } from "../util/BadArgument.js";
import { ActivityMonitor } from "./ActivityMonitor.js";
import { Container } from "./Container.js";
import { ResettableSender } from "./ResettableSender.js";

/** Options for an {@link InactivityChassis}. */
export interface InactivityChassisOptions {
  /** Milliseconds of silence before the component is sent `ProducerFinished`. Default 2000. */
  readonly timeout?: number;
  /**
   * The component's boxes whose traffic counts as activity (at most three): an outbox (messages it
   * sends) or an inbox (messages it is sent). Default `["outbox"]`; `control` and `signal` cannot be
   * watched.
   */
  readonly watch?: readonly string[];
}

const MONITOR_CHANNELS = [
  ["inbox", "outbox"],
  ["inbox2", "outbox2"],
  ["inbox3", "outbox3"],
] as const;

/**
 * Wraps a component so that it is sent `ProducerFinished` on `control` once it has been quiet for
 * `timeout` milliseconds: the way servers close idle connections.
 * @remarks Port of Kamaelia.Internet.TimeOutCSA.InactivityChassis, with its ActivityMonitor feeding its
 * ResettableSender. The chassis has the component's boxes: what arrives on its inboxes goes to the
 * component's, what the component sends leaves from its outboxes. Traffic on the watched boxes (default
 * the component's `outbox`) passes through an {@link ActivityMonitor} whose every sign of activity
 * restarts a {@link ResettableSender}; when that runs out it sends `ProducerFinished` to the component's
 * `control`. The component's `signal` also passes through the monitor, so its shutdown message leaves
 * after its last data. The chassis ends when the component has ended and everything it sent has left;
 * if the component ends without a shutdown message, the chassis sends `ProducerFinished` from `signal`.
 * `control` feeds the component's, so `ShutdownMicroprocess` still stops it at once. A component that
 * fails ends the chassis with that error unless `containErrors()` was called. See
 * {@link NoActivityTimeout} to wrap every component a factory makes.
 * @inbox inbox - data for the component (every inbox of the component is mirrored)
 * @inbox control - shutdown messages for the component
 * @outbox outbox - data from the component (every outbox of the component is mirrored)
 * @outbox signal - the component's shutdown message, after its last data
 * @example
 * ```ts
 * import { Component, InactivityChassis, Scheduler, VirtualClock } from "kamaelia";
 * class Connection extends Component {
 *   override *main() {
 *     yield this.sleep(50);
 *     this.send("x");
 *     while (!this.dataReady("control")) {
 *       this.pause();
 *       yield;
 *     }
 *     console.log("closed at", this.scheduler?.clock.now(), "ms");
 *   }
 * }
 * const scheduler = new Scheduler({ clock: new VirtualClock() });
 * new InactivityChassis(new Connection(), { timeout: 100 }).activate(scheduler);
 * await scheduler.runThreads(); // closed at 150 ms
 * ```
 */
export class InactivityChassis extends Container {
  static override Outboxes = {
    outbox: "data from the component (every outbox of the component is mirrored)",
    signal: "the component's shutdown message, after its last data",
    _timer: "ShutdownMicroprocess for the ResettableSender when the component ends, wired internally",
    _monitor: "ProducerFinished for the ActivityMonitor when the component ends silently, wired internally",
  };

  readonly #component: Component;
  readonly #watch: readonly string[];
  readonly #monitor = new ActivityMonitor();
  readonly #sender: ResettableSender;

  /**
   * @param component - the component to wrap (a child: do not activate it yourself)
   * @param options - how long it may be quiet and which boxes to watch
   */
  constructor(component: Component, options: InactivityChassisOptions = {}) {
    super();
    if (!(component instanceof Component)) throw new BadComponent(component, "InactivityChassis wraps a component instance: new InactivityChassis(new Handler(), { timeout }).");
    const watch = [...new Set(options.watch ?? ["outbox"])];
    if (watch.length > MONITOR_CHANNELS.length || watch.includes("control") || watch.includes("signal")) {
      throw new BadArgument("InactivityChassis", "watch", JSON.stringify(watch), "at most three data boxes of the component (not control or signal)");
    }
    for (const name of watch) {
      if (!Object.hasOwn(component.outboxes, name) && !Object.hasOwn(component.inboxes, name)) {
        throw new NoSuchBox(component, "outbox", name, [...Object.keys(component.outboxes), ...Object.keys(component.inboxes)]);
      }
    }
    this.#component = component;
    this.#watch = watch;
    this.#sender = new ResettableSender({ timeout: options.timeout ?? 2000, message: new ProducerFinished(this) });
    for (const name of Object.keys(component.inboxes)) if (!Object.hasOwn(this.inboxes, name)) this._createInbox(name);
    for (const name of Object.keys(component.outboxes)) if (!Object.hasOwn(this.outboxes, name)) this._createOutbox(name);
  }

  override *main(): Generator<unknown, void, unknown> {
    const component = this.#component;
    const monitor = this.#monitor;
    const sender = this.#sender;
    MONITOR_CHANNELS.forEach(([monitorIn, monitorOut], channel) => {
      const name = this.#watch[channel];
      if (name === undefined) return;
      if (Object.hasOwn(component.outboxes, name)) {
        this.link([component, name], [monitor, monitorIn]);
        this.link([monitor, monitorOut], [this, name], { passthrough: 2 });
      } else {
        this.link([this, name], [monitor, monitorIn], { passthrough: 1 });
        this.link([monitor, monitorOut], [component, name]);
      }
    });
    for (const name of Object.keys(component.inboxes)) {
      if (!this.#watch.includes(name)) this.link([this, name], [component, name], { passthrough: 1 });
    }
    for (const name of Object.keys(component.outboxes)) {
      if (!this.#watch.includes(name) && name !== "signal") this.link([component, name], [this, name], { passthrough: 2 });
    }
    this.link([component, "signal"], [monitor, "control"]);
    this.link([this, "_monitor"], [monitor, "control"]);
    this.link([monitor, "signal"], [this, "signal"], { passthrough: 2 });
    this.link([monitor, "observed"], [sender, "inbox"]);
    this.link([sender, "outbox"], [component, "control"]);
    this.link([this, "_timer"], [sender, "control"]);
    yield* this.runChildren(component, monitor, sender);
  }

  /** Once the component has ended: stops the countdown, and ends the monitor once it has passed everything on. */
  protected override onWake(): void {
    if (!this.#component.finished) return;
    if (!this.#sender.finished) this.send(new ShutdownMicroprocess(), "_timer");
    const monitor = this.#monitor;
    if (monitor.finished) return;
    // Still passing on what the component sent (perhaps its shutdown message): look again next cycle.
    if (monitor.anyReady()) this.unpause();
    else this.send(new ProducerFinished(this), "_monitor");
  }
}

/**
 * Makes a factory that wraps everything `make` makes in an {@link InactivityChassis}, for server
 * protocols and connection handlers that should be closed when idle.
 * @remarks Port of Kamaelia.Internet.TimeOutCSA.NoActivityTimeout, which took a class; pass a function
 * instead (`(...args) => new Handler(...args)`). The arguments given to the new factory are passed on.
 * @example
 * ```ts
 * import { Component, NoActivityTimeout } from "kamaelia";
 * class Handler extends Component {}
 * const makeHandler = NoActivityTimeout(() => new Handler(), { timeout: 30000 });
 * console.log(makeHandler().constructor.name); // InactivityChassis
 * ```
 */
export function NoActivityTimeout<A extends unknown[]>(
  make: (...args: A) => Component,
  options: InactivityChassisOptions = {},
): (...args: A) => InactivityChassis {
  return (...args: A) => new InactivityChassis(make(...args), options);
}
