/**
 * The schedulable unit: a generator the scheduler steps.
 * @module
 */

import type { ComponentError } from "./AxonExceptions.js";
import { Scheduler } from "./Scheduler.js";

/** What a microprocess is doing, as the scheduler sees it. @internal */
export enum MpState {
  /** Constructed, not activated yet. */
  New = 0,
  /** In the run queue. */
  Active = 1,
  /** Paused: out of the run queue until woken. */
  Sleeping = 2,
  /** Waiting for a yielded promise or timer to settle. */
  Waiting = 3,
  /** An async main() is running between awaits. */
  Async = 4,
  /** Ended, normally, with an error, or stopped. */
  Finished = 5,
}

/**
 * What `main()` may return: a generator the scheduler steps, or (for async components) a promise.
 */
export type MainResult = Generator<unknown, void, unknown> | Promise<void>;

let lastId = 0;

/** Hands out the next process-wide unique, increasing id. */
export function nextId(): number {
  return ++lastId;
}

/**
 * A timer a microprocess can yield (or await): it resumes when the time has passed on its scheduler's
 * clock. Created by {@link Microprocess.sleep}.
 */
export class Sleep implements PromiseLike<undefined> {
  /** @internal */
  constructor(
    /** How long the sleep lasts, in milliseconds of the scheduler's clock. */
    readonly ms: number,
    /** @internal */ readonly owner: Microprocess,
  ) {}

  /** Lets `await` wait for the timer too, on the owner's scheduler's clock. */
  then<R1 = undefined, R2 = never>(
    onfulfilled?: ((value: undefined) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    const clock = (this.owner.scheduler ?? Scheduler.run).clock;
    return new Promise<undefined>((resolve) => clock.setTimeout(() => { resolve(undefined); }, this.ms)).then(onfulfilled, onrejected);
  }
}

/**
 * A generator-backed task that a {@link Scheduler} steps, one `yield` at a time.
 * @remarks Port of Axon.Microprocess.microprocess. Override `main()` as a generator; every `yield`
 * hands control back to the scheduler. `main()` may yield anything (ignored: "still running"), a
 * `NewComponent` (activate those on this scheduler), or a promise or `this.sleep(ms)` (sleep until it
 * settles and resume with its value, or have its rejection thrown in). Use `yield*` to run a
 * sub-generator. Most code extends {@link Component} rather than this class.
 * @example
 * ```ts
 * import { Microprocess } from "kamaelia";
 * class Counter extends Microprocess {
 *   override *main() {
 *     for (let i = 1; i <= 3; i++) {
 *       console.log("count", i);
 *       yield;
 *     }
 *   }
 * }
 * await new Counter().run(); // count 1, count 2, count 3
 * ```
 */
export class Microprocess {
  /** Unique and increasing across every microprocess of the process. */
  readonly id: number = nextId();
  /** @internal */ _state: MpState = MpState.New;
  /** @internal */ _scheduler: Scheduler | null = null;
  /** @internal */ _gen: Iterator<unknown, void, unknown> | null = null;
  /** @internal the cycle in which it was last woken while active (a wake beats a pause) */
  _wokenCycle = -1;
  /** @internal waiting in the scheduler's request list */
  _queued = false;
  /** @internal asked to pause in the current cycle */
  _pausing = false;
  /** @internal stop() was called */
  _stopped = false;
  /** @internal 0: resume with `_resumeValue`; 1: throw it in */
  _resumeThrow = false;
  /** @internal */ _resumeValue: unknown = undefined;
  /** @internal why it ended, when it ended with an error */
  _error: unknown = undefined;
  /** @internal callbacks run when it ends (parents waking) */
  _onEnd: (() => void)[] | null = null;

  /** `"<ClassName>_<id>"`, unique across the process. */
  get name(): string {
    return `${this.constructor.name}_${String(this.id)}`;
  }

  /** The scheduler it was activated on, or `null` before activation. */
  get scheduler(): Scheduler | null {
    return this._scheduler;
  }

  /** True once it has ended: normally, with an error, or stopped. */
  get finished(): boolean {
    return this._state === MpState.Finished;
  }

  /** The error that ended it, if it ended with one. */
  get exitError(): unknown {
    return this._error;
  }

  /**
   * The body of the microprocess: override with a generator that yields regularly. The default
   * yields once and ends.
   */
  main(): MainResult {
    return (function* () {
      yield 1;
    })();
  }

  /**
   * Schedules it on `scheduler`: the scheduler running the current step when called from a component,
   * else {@link Scheduler.run}. It first runs in the scheduler's next cycle. Activating does not start a
   * scheduler: `runThreads()` or `run()` does. Activating twice does nothing.
   */
  activate(scheduler?: Scheduler): this {
    if (this._state !== MpState.New || this._stopped) return this;
    const target = scheduler ?? Scheduler.current ?? Scheduler.run;
    this._scheduler = target;
    target._addThread(this);
    return this;
  }

  /**
   * Asks to sleep: after the current step it is not resumed until woken (a message arriving, a message
   * it sent being collected, a child ending, or `unpause()`). A wake in the same cycle wins. Pausing a
   * sleeping microprocess does nothing.
   */
  pause(): void {
    this._scheduler?._pause(this);
  }

  /** Wakes it if it sleeps; it runs again from the next cycle. Does nothing otherwise. */
  unpause(): void {
    const s = this._scheduler;
    if (s === null) return;
    if (this._state === MpState.Active) this._wokenCycle = s._cycle;
    else s._wake(this);
  }

  /**
   * Ends it, even while it sleeps: its generator's `finally` blocks run, its links are removed and its
   * parent is woken. Called from its own `main()`, it ends after the current step.
   */
  stop(): void {
    if (this._stopped || this._state === MpState.Finished) return;
    this._stopped = true;
    if (this._state === MpState.New) {
      this._state = MpState.Finished;
      this._closeDown();
      return;
    }
    this._scheduler?._stopNow(this);
  }

  /** A timer to `yield` (or `await`): resumes after `ms` milliseconds of its scheduler's clock. */
  sleep(ms: number): Sleep {
    return new Sleep(ms, this);
  }

  /**
   * Wakes it after `ms` milliseconds of its scheduler's clock, so it can `pause()` and still be woken by
   * messages meanwhile. Returns a function that cancels the timer.
   */
  wakeAfter(ms: number): () => void {
    const clock = (this._scheduler ?? Scheduler.run).clock;
    const handle = clock.setTimeout(() => {
      this.unpause();
    }, ms);
    return () => {
      clock.clearTimeout(handle);
    };
  }

  /**
   * Activates it (on the scheduler running the current step, else the default one), runs that
   * scheduler, and resolves when no microprocess is left on it. Rejects with a `ComponentError` if a
   * component fails and nothing handles it.
   */
  run(): Promise<void> {
    this.activate();
    const scheduler = this._scheduler ?? Scheduler.run;
    return scheduler.runThreads();
  }

  /** @internal Called once when it ends, before the scheduler forgets it. */
  _closeDown(): void {
    const callbacks = this._onEnd;
    if (callbacks !== null) for (const callback of callbacks) callback();
  }

  /**
   * @internal Called when a child (see `Component.addChildren`) ends with an error. Return true when
   * contained; false ends this container with the same error, and asks its own container in turn.
   */
  _childFailed(_child: Microprocess, _failure: ComponentError): boolean {
    return false;
  }

  /** @internal The container of this microprocess, if any. */
  _parentOf(): Microprocess | null {
    return null;
  }

  /** @internal The children of this microprocess. */
  _childrenOf(): readonly Microprocess[] {
    return [];
  }

  /** @internal Called instead of stepping when an async main() is running and something wakes it. */
  _asyncWake(): void {
    // Only AsyncComponent has anything to do here.
  }

  /** `"<name>"`, for logs. */
  toString(): string {
    return this.name;
  }
}
