/**
 * The cooperative scheduler: steps microprocesses round robin, sleeps them when they pause, and waits
 * (never spins) when nothing is runnable.
 * @module
 */

import { ComponentError } from "./AxonExceptions.js";
import { RealClock, type TimeSource } from "./Clock.js";
import { NewComponent } from "./Ipc.js";
import { cycles } from "./Box.js";
import { MpState, Sleep, type Microprocess } from "./Microprocess.js";
import { collectTopology, type Topology } from "./Topology.js";

/** Options for a new {@link Scheduler}. */
export interface SchedulerOptions {
  /** Where time comes from; a `VirtualClock` makes timers deterministic. Default: the real clock. */
  readonly clock?: TimeSource;
  /**
   * Keep running when a component fails (Axon's `immortalise`), reporting each failure here instead
   * of rejecting `runThreads()`.
   */
  readonly onError?: (error: ComponentError) => void;
}

/** Options for {@link Scheduler.runThreads}. */
export interface RunOptions {
  /** Aborting it stops the scheduler: every microprocess is stopped and closed down. */
  readonly signal?: AbortSignal;
}

const hasSetImmediate = typeof globalThis.setImmediate === "function";

/** Resolves after pending I/O and timers of the host have had a turn. */
function hostTurn(): Promise<void> {
  if (hasSetImmediate) return new Promise((resolve) => globalThis.setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** How long the scheduler may keep the host's event loop busy before giving I/O and timers a turn. */
const SLICE_MS = 8;

/**
 * Runs microprocesses round robin, in activation order, until none is left.
 * @remarks Port of Axon.Scheduler.scheduler, keeping its observable rules: each cycle steps every
 * runnable microprocess once, in order; a pause takes effect after the step that asked for it; a wake in
 * the same cycle beats a pause; woken and newly activated microprocesses join the end of the next cycle.
 * Unlike Axon it never busy-waits: with nothing runnable it awaits a wake (a delivery, a timer, I/O, a
 * settled promise), and while work remains it still gives the host's event loop a turn every few
 * milliseconds. A component that throws ends with that error: `runThreads()` rejects with a
 * `ComponentError` naming it, after stopping everything else, unless its parent handles it or the
 * scheduler has an `onError` callback. A Scheduler is an `EventTarget` that dispatches `"topology"`
 * events when components or linkages appear or go.
 * @example
 * ```ts
 * import { Microprocess, Scheduler, VirtualClock } from "kamaelia";
 * class Ticker extends Microprocess {
 *   override *main() {
 *     for (let i = 0; i < 3; i++) {
 *       yield this.sleep(1000);
 *       console.log("tick at", this.scheduler?.clock.now());
 *     }
 *   }
 * }
 * const scheduler = new Scheduler({ clock: new VirtualClock() });
 * new Ticker().activate(scheduler);
 * await scheduler.runThreads(); // tick at 1000, tick at 2000, tick at 3000
 * ```
 */
export class Scheduler extends EventTarget {
  /** The default scheduler, used when `activate()` is not given one. */
  static run: Scheduler;
  /** @internal The scheduler stepping a microprocess right now, if any. */
  static current: Scheduler | null = null;

  /** Where this scheduler and its components read the time and set timers. */
  readonly clock: TimeSource;
  /** @internal The number of the current cycle. */
  _cycle = 0;
  readonly #onError: ((error: ComponentError) => void) | undefined;
  #runqueue = new RunList();
  #nextqueue = new RunList();
  #requests = new RunList();
  #pauses = new RunList();
  readonly #threads = new Set<Microprocess>();
  #stepping: Microprocess | null = null;
  #inCycle = false;
  #running: Promise<void> | null = null;
  #stopRequested = false;
  #failure: ComponentError | null = null;
  #idle: (() => void) | null = null;
  #topologyListeners = 0;
  #topologyQueued = false;

  /** @param options - the clock, and whether to keep going when a component fails */
  constructor(options: SchedulerOptions = {}) {
    super();
    this.clock = options.clock ?? new RealClock();
    this.#onError = options.onError;
  }

  /** Every microprocess activated here that has not ended, in no particular order. */
  listAllThreads(): Microprocess[] {
    return [...this.#threads];
  }

  /** True when `mp` sleeps, waits for a promise, or is not known here (Axon's rule). */
  isThreadPaused(mp: Microprocess): boolean {
    if (!this.#threads.has(mp)) return true;
    return mp._state !== MpState.Active;
  }

  /** True while `runThreads()` is running. */
  get isRunning(): boolean {
    return this.#running !== null;
  }

  /**
   * Runs until no microprocess is left, then resolves. Rejects with a `ComponentError` when a
   * component fails and nothing handles it (everything else is stopped first). Called while already
   * running, returns the same promise.
   */
  runThreads(options: RunOptions = {}): Promise<void> {
    if (this.#running !== null) return this.#running;
    const { signal } = options;
    const onAbort = (): void => {
      this.stop();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted === true) this.stop();
    this.#running = this.#loop().finally(() => {
      signal?.removeEventListener("abort", onAbort);
      this.#running = null;
    });
    return this.#running;
  }

  /**
   * Stops every microprocess (their `finally` blocks run, their links go, parents are woken) and makes
   * `runThreads()` resolve. Called from a component, it takes effect at the end of the current cycle.
   * The scheduler can run again afterwards.
   */
  stop(): void {
    this.#stopRequested = true;
    if (!this.#inCycle) this.#stopAll();
    this.#kick();
  }

  /**
   * Runs one cycle by hand: steps each runnable microprocess once, then applies pauses, wakes and
   * activations. Returns true while any microprocess is left. For tests and tools; `runThreads()` calls it.
   */
  step(): boolean {
    this._cycle++;
    cycles.count++;
    const queue = this.#nextqueue;
    this.#nextqueue = this.#runqueue;
    this.#runqueue = queue;
    const next = this.#nextqueue;
    const previous = Scheduler.current;
    Scheduler.current = this;
    this.#inCycle = true;
    try {
      const items = queue.items;
      for (let i = 0; i < queue.length; i++) {
        const mp = items[i];
        if (mp?._state !== MpState.Active) continue;
        if (this.#stepOne(mp)) next.push(mp);
      }
    } finally {
      Scheduler.current = previous;
      this.#inCycle = false;
      queue.clear();
    }
    this.#endCycle();
    if (this.#stopRequested) this.#stopAll();
    this.#dispatchTopology();
    return this.#threads.size > 0;
  }

  /**
   * Runs cycles by hand until nothing is runnable (every microprocess sleeps or waits, or none is
   * left), at most `maxCycles` of them. Returns the number of cycles run.
   */
  runUntilIdle(maxCycles = 100_000): number {
    let cycles = 0;
    while (this.#runnable() && cycles < maxCycles) {
      this.step();
      cycles++;
    }
    return cycles;
  }

  /** A snapshot of the components on this scheduler and the linkages between them. */
  topology(): Topology {
    return collectTopology(this.#threads);
  }

  /** Counts `"topology"` listeners so that nothing is dispatched when nobody listens. */
  override addEventListener(
    type: string,
    callback: EventListenerOrEventListenerObject | null,
    options?: AddEventListenerOptions | boolean,
  ): void {
    if (type === "topology" && callback !== null) this.#topologyListeners++;
    super.addEventListener(type, callback, options);
  }

  /** Undoes {@link Scheduler.addEventListener}. */
  override removeEventListener(
    type: string,
    callback: EventListenerOrEventListenerObject | null,
    options?: EventListenerOptions | boolean,
  ): void {
    if (type === "topology" && callback !== null && this.#topologyListeners > 0) this.#topologyListeners--;
    super.removeEventListener(type, callback, options);
  }

  /** @internal Something changed the wiring: tell listeners once, after the current burst of changes. */
  _topologyChanged(): void {
    if (this.#topologyListeners === 0 || this.#topologyQueued) return;
    this.#topologyQueued = true;
    // Inside a cycle, listeners hear of it when the cycle ends, so that even a system that starts and
    // finishes without giving the event loop a turn is seen; outside one, after the current task.
    if (!this.#inCycle) queueMicrotask(() => { this.#dispatchTopology(); });
  }

  #dispatchTopology(): void {
    if (!this.#topologyQueued) return;
    this.#topologyQueued = false;
    this.dispatchEvent(new Event("topology"));
  }

  /** @internal Queue an activation: it joins the end of the next cycle. */
  _addThread(mp: Microprocess): void {
    this.#threads.add(mp);
    mp._state = MpState.Sleeping;
    this._wake(mp);
    this._topologyChanged();
  }

  /** @internal Queue a wake for a sleeping microprocess. */
  _wake(mp: Microprocess): void {
    const state = mp._state;
    if (state === MpState.Sleeping) {
      if (mp._queued) return;
      mp._queued = true;
      this.#requests.push(mp);
      if (this.#idle !== null) this.#kick();
    } else if (state === MpState.Async) {
      mp._asyncWake();
    }
  }

  /** @internal Queue a pause; applied at the end of the cycle unless a wake in this cycle beats it. */
  _pause(mp: Microprocess): void {
    if (mp._state !== MpState.Active || mp._pausing) return;
    mp._pausing = true;
    this.#pauses.push(mp);
  }

  /** @internal Stop `mp` now, or after its step if it is the one running. */
  _stopNow(mp: Microprocess): void {
    if (mp === this.#stepping) return;
    this.#finish(mp, undefined);
  }

  /** @internal An async main() has settled. */
  _asyncSettled(mp: Microprocess, error: unknown, failed: boolean): void {
    if (mp._state === MpState.Finished) return;
    this.#finish(mp, failed ? (error ?? new Error("async main() rejected with no reason")) : undefined);
    this.#kick();
  }

  #runnable(): boolean {
    return this.#nextqueue.length > 0 || this.#requests.length > 0;
  }

  /** Steps `mp` once; returns true if it stays in the run queue. */
  #stepOne(mp: Microprocess): boolean {
    let gen = mp._gen;
    this.#stepping = mp;
    let result: IteratorResult<unknown, void>;
    try {
      if (gen === null) {
        const made = mp.main();
        if (!isIterator(made)) {
          this.#startAsync(mp, made);
          return false;
        }
        gen = made;
        mp._gen = gen;
      }
      if (mp._resumeThrow) {
        const error = mp._resumeValue;
        mp._resumeThrow = false;
        mp._resumeValue = undefined;
        if (gen.throw === undefined) throw error;
        result = gen.throw(error);
      } else if (mp._resumeValue !== undefined) {
        const value = mp._resumeValue;
        mp._resumeValue = undefined;
        result = gen.next(value);
      } else {
        result = gen.next();
      }
    } catch (error) {
      this.#stepping = null;
      this.#finish(mp, error ?? new Error("main() threw undefined"));
      return false;
    }
    this.#stepping = null;
    if (result.done === true || mp._stopped) {
      this.#finish(mp, undefined);
      return false;
    }
    const value = result.value;
    if (typeof value === "object" && value !== null) return this.#yielded(mp, value);
    return true;
  }

  #startAsync(mp: Microprocess, made: unknown): void {
    this.#stepping = null;
    if (!isThenable(made)) {
      this.#finish(
        mp,
        new TypeError(
          `${mp.name}.main() returned ${made === undefined ? "undefined" : typeof made}, not a generator or a promise. ` +
            `Write it as a generator (*main() { ... }) or as async main() in an AsyncComponent.`,
        ),
      );
      return;
    }
    mp._state = MpState.Async;
    made.then(
      () => {
        this._asyncSettled(mp, undefined, false);
      },
      (error: unknown) => {
        this._asyncSettled(mp, error, true);
      },
    );
  }

  /** Acts on an object `main()` yielded; returns true if `mp` stays in the run queue. */
  #yielded(mp: Microprocess, value: object): boolean {
    if (value instanceof NewComponent) {
      for (const child of value.components()) child.activate(this);
      return true;
    }
    if (value instanceof Sleep) {
      mp._state = MpState.Waiting;
      this.clock.setTimeout(() => {
        this.#resume(mp, false, undefined);
      }, value.ms);
      return false;
    }
    if (isThenable(value)) {
      mp._state = MpState.Waiting;
      value.then(
        (result) => {
          this.#resume(mp, false, result);
        },
        (error: unknown) => {
          this.#resume(mp, true, error);
        },
      );
      return false;
    }
    if (isIterator(value) && Symbol.iterator in value) {
      this.#finish(
        mp,
        new TypeError(
          `${mp.name}.main() yielded a generator object. To run a sub-generator write yield* (with a star), not yield.`,
        ),
      );
      return false;
    }
    return true;
  }

  #resume(mp: Microprocess, isError: boolean, value: unknown): void {
    if (mp._state !== MpState.Waiting) return;
    mp._resumeThrow = isError;
    mp._resumeValue = value;
    mp._state = MpState.Sleeping;
    this._wake(mp);
  }

  /** Applies the cycle's pauses, then its wakes and activations, in the order they were asked for. */
  #endCycle(): void {
    const pauses = this.#pauses;
    if (pauses.length > 0) {
      const cycle = this._cycle;
      let slept = false;
      for (let i = 0; i < pauses.length; i++) {
        const mp = pauses.items[i];
        if (mp === undefined) continue;
        mp._pausing = false;
        if (mp._state === MpState.Active && mp._wokenCycle !== cycle) {
          mp._state = MpState.Sleeping;
          slept = true;
        }
      }
      pauses.clear();
      // Drop the sleepers from the next cycle now, rather than visiting them once more to drop them.
      if (slept) this.#nextqueue.keepActive();
    }
    const requests = this.#requests;
    if (requests.length > 0) {
      const next = this.#nextqueue;
      for (let i = 0; i < requests.length; i++) {
        const mp = requests.items[i];
        if (mp === undefined) continue;
        mp._queued = false;
        if (mp._state === MpState.Sleeping) {
          mp._state = MpState.Active;
          next.push(mp);
        }
      }
      requests.clear();
    }
  }

  /** Ends `mp`: runs its `finally` blocks if stopped early, closes it down, and deals with its error. */
  #finish(mp: Microprocess, error: unknown, report = true): void {
    if (mp._state === MpState.Finished) return;
    mp._state = MpState.Finished;
    mp._stopped = true;
    this.#threads.delete(mp);
    let failure = error;
    const gen = mp._gen;
    mp._gen = null;
    if (gen?.return !== undefined) {
      try {
        gen.return(undefined);
      } catch (thrown) {
        failure = thrown;
      }
    }
    if (failure !== undefined) mp._error = failure;
    try {
      mp._closeDown();
    } catch (thrown) {
      failure ??= thrown;
      mp._error = failure;
    }
    this._topologyChanged();
    if (failure !== undefined && report) this.#failed(mp, failure);
    if (this.#threads.size === 0) this.#kick();
  }

  #failed(mp: Microprocess, error: unknown): void {
    const failure = error instanceof ComponentError && error.component === mp ? error : new ComponentError(mp, error);
    let child = mp;
    for (let parent = mp._parentOf(); parent !== null; parent = parent._parentOf()) {
      if (parent._childFailed(child, failure)) return;
      if (parent._state === MpState.Finished) break;
      // Not contained: the container ends with the same error, taking its other children with it.
      this.#stopDescendants(parent);
      this.#finish(parent, failure, false);
      child = parent;
    }
    if (this.#onError !== undefined) {
      this.#onError(failure);
      return;
    }
    if (this.#failure === null) this.#failure = failure;
    this.stop();
  }

  #stopDescendants(container: Microprocess): void {
    for (const child of container._childrenOf()) {
      this.#stopDescendants(child);
      if (child._state !== MpState.Finished && child._state !== MpState.New) {
        child._stopped = true;
        if (child !== this.#stepping) this.#finish(child, undefined);
      }
    }
  }

  #stopAll(): void {
    this.#stopRequested = false;
    for (const mp of [...this.#threads]) {
      mp._stopped = true;
      this.#finish(mp, undefined);
    }
    for (const list of [this.#runqueue, this.#nextqueue, this.#requests, this.#pauses]) {
      for (let i = 0; i < list.length; i++) {
        const mp = list.items[i];
        if (mp !== undefined) {
          mp._queued = false;
          mp._pausing = false;
        }
      }
      list.clear();
    }
  }

  #kick(): void {
    const idle = this.#idle;
    if (idle !== null) {
      this.#idle = null;
      idle();
    }
  }

  async #loop(): Promise<void> {
    let sliceStart = performance.now();
    let steps = 0;
    for (;;) {
      if (this.#runnable()) {
        steps += this.#nextqueue.length + 1;
        this.step();
        if (steps > 256) {
          steps = 0;
          const now = performance.now();
          if (now - sliceStart > SLICE_MS) {
            await hostTurn();
            sliceStart = performance.now();
          }
        }
        continue;
      }
      if (this.#threads.size === 0) break;
      // Nothing runnable: let promises, I/O and timers settle, then sleep until something wakes us.
      await hostTurn();
      sliceStart = performance.now();
      if (this.#runnable() || this.#threads.size === 0) continue;
      const clock = this.clock as Partial<{ advanceToNext(): boolean }>;
      if (typeof clock.advanceToNext === "function" && clock.advanceToNext()) continue;
      await new Promise<void>((resolve) => {
        this.#idle = resolve;
        if (this.#runnable() || this.#threads.size === 0) this.#kick();
      });
      sliceStart = performance.now();
    }
    const failure = this.#failure;
    this.#failure = null;
    if (failure !== null) throw failure;
  }
}

/**
 * A list of microprocesses that keeps its array between cycles: emptying it is a fill, not a new
 * allocation, which matters when a cycle is two components handing a message back and forth.
 */
class RunList {
  readonly items: (Microprocess | undefined)[] = [];
  length = 0;

  push(mp: Microprocess): void {
    this.items[this.length++] = mp;
  }

  clear(): void {
    this.items.fill(undefined, 0, this.length);
    this.length = 0;
  }

  /** Keeps only the active ones, in order. */
  keepActive(): void {
    const items = this.items;
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const mp = items[i];
      if (mp?._state === MpState.Active) items[kept++] = mp;
    }
    items.fill(undefined, kept, this.length);
    this.length = kept;
  }
}

function isIterator(value: unknown): value is Iterator<unknown, void, unknown> {
  return typeof (value as { next?: unknown } | null)?.next === "function";
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

Scheduler.run = new Scheduler();
