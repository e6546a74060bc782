/**
 * Time for the scheduler and every timer in the library: the real clock, or a virtual one for tests.
 * @module
 */

/** A timer created by a {@link TimeSource}, to cancel with `clock.clearTimeout`. */
export interface TimerHandle {
  /** When it fires: the clock's `now()` at which it is due, in milliseconds. */
  readonly at: number;
}

/**
 * Where the runtime reads the time and sets timers. Every timer in the library goes through its
 * scheduler's clock, so a {@link VirtualClock} makes timing deterministic.
 */
export interface TimeSource {
  /** Milliseconds since some fixed origin. */
  now(): number;
  /** Calls `callback` once, `ms` milliseconds from now. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer that has not fired yet; does nothing otherwise. */
  clearTimeout(handle: TimerHandle): void;
}

interface RealTimer extends TimerHandle {
  id: ReturnType<typeof setTimeout>;
}

/**
 * The host's clock: `performance.now()` and the host's `setTimeout`.
 * @remarks The default clock of every scheduler.
 * @example
 * ```ts
 * import { RealClock } from "kamaelia";
 * const clock = new RealClock();
 * await new Promise<void>((resolve) => {
 *   clock.setTimeout(() => {
 *     console.log("tick");
 *     resolve();
 *   }, 1);
 * }); // tick
 * ```
 */
export class RealClock implements TimeSource {
  /** Milliseconds since the page or process started. */
  now(): number {
    return performance.now();
  }
  /** Calls `callback` after `ms` milliseconds. */
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer: RealTimer = { at: this.now() + ms, id: setTimeout(callback, Math.max(0, ms)) };
    return timer;
  }
  /** Cancels a timer. */
  clearTimeout(handle: TimerHandle): void {
    clearTimeout((handle as RealTimer).id);
  }
}

interface VirtualTimer extends TimerHandle {
  readonly seq: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/**
 * A clock that only moves when told to, for deterministic tests.
 * @remarks Time starts at 0. `advance(ms)` moves it forward, firing due timers in time order (timers due
 * at the same moment fire in the order they were set). A scheduler running on a virtual clock
 * ({@link Scheduler} option `clock`) jumps the clock to the next timer whenever every component is
 * waiting, so timer-driven systems run instantly and always the same way.
 * @example
 * ```ts
 * import { VirtualClock } from "kamaelia";
 * const clock = new VirtualClock();
 * clock.setTimeout(() => console.log("at", clock.now()), 500);
 * clock.advance(1000); // at 500
 * console.log(clock.now()); // 1000
 * ```
 */
export class VirtualClock implements TimeSource {
  #now = 0;
  #seq = 0;
  #timers: VirtualTimer[] = [];

  /** The virtual time in milliseconds. */
  now(): number {
    return this.#now;
  }

  /** Calls `callback` when the clock reaches now + `ms`. */
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer: VirtualTimer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, callback, cancelled: false };
    // Keep timers sorted by (at, seq); inserting from the end is cheap for the common increasing case.
    let i = this.#timers.length;
    while (i > 0 && (this.#timers[i - 1]?.at ?? -Infinity) > timer.at) i--;
    this.#timers.splice(i, 0, timer);
    return timer;
  }

  /** Cancels a timer that has not fired. */
  clearTimeout(handle: TimerHandle): void {
    const timer = handle as VirtualTimer;
    timer.cancelled = true;
    const i = this.#timers.indexOf(timer);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  /** When the next timer is due, or `undefined` when none is set. */
  nextTimerAt(): number | undefined {
    return this.#timers[0]?.at;
  }

  /** How many timers are waiting. */
  pending(): number {
    return this.#timers.length;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due, in order; a timer set by a firing
   * timer fires too if it falls due within the same advance.
   */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`VirtualClock.advance(${String(ms)}): time only moves forward; pass a number of milliseconds >= 0.`);
    const end = this.#now + ms;
    for (;;) {
      const next = this.#timers[0];
      if (next === undefined || next.at > end) break;
      this.#timers.shift();
      this.#now = next.at;
      next.callback();
    }
    this.#now = end;
  }

  /** Moves time to the next timer and fires it (and any due at the same moment); returns false if none. */
  advanceToNext(): boolean {
    const at = this.nextTimerAt();
    if (at === undefined) return false;
    this.advance(at - this.#now);
    return true;
  }
}
