import { describe, expect, it } from "vitest";
import { Component, Microprocess, Scheduler, VirtualClock, type MainResult } from "../index.js";
import { testScheduler } from "../test-support/harness.js";

/** Counts its steps; ends after `limit` of them (never, by default). Logs when its finally block runs. */
class Counter extends Microprocess {
  count = 0;
  readonly log: string[] = [];
  constructor(readonly limit = Infinity) {
    super();
  }
  override *main() {
    try {
      while (this.count < this.limit) {
        this.count++;
        yield;
      }
    } finally {
      this.log.push("finally");
    }
  }
}

describe("Microprocess ids and names", () => {
  it("gives every microprocess a unique id, increasing in creation order", () => {
    const ids = [new Microprocess(), new Counter(), new Component(), new Microprocess()].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it("names each microprocess after its class and its id", () => {
    const counter = new Counter();
    expect(counter.name).toBe(`Counter_${String(counter.id)}`);
    expect(String(counter)).toBe(counter.name);
    expect(new Microprocess().name.replace(/_\d+/g, "_N")).toMatchInlineSnapshot(`"Microprocess_N"`);
  });
});

describe("Microprocess.activate", () => {
  it("returns the microprocess itself, so activation can be chained", () => {
    const scheduler = testScheduler();
    const counter = new Counter();
    expect(counter.activate(scheduler)).toBe(counter);
    expect(new Counter().activate(scheduler).scheduler).toBe(scheduler);
  });

  it("adds the microprocess to the scheduler it is given", () => {
    const scheduler = testScheduler();
    const counter = new Counter();
    expect(counter.scheduler).toBeNull();
    counter.activate(scheduler);
    expect(counter.scheduler).toBe(scheduler);
    expect(scheduler.listAllThreads()).toEqual([counter]);
  });

  it("uses the default scheduler when given none outside a step", () => {
    const counter = new Counter().activate();
    expect(counter.scheduler).toBe(Scheduler.run);
    expect(Scheduler.run.listAllThreads()).toContain(counter);
    counter.stop();
    expect(Scheduler.run.listAllThreads()).not.toContain(counter);
  });

  it("runs nothing from main() at activation: main() is first called by the scheduler's step", () => {
    const log: string[] = [];
    class Lazy extends Microprocess {
      override main(): MainResult {
        log.push("main() called");
        return (function* () {
          log.push("first step");
          yield;
        })();
      }
    }
    const scheduler = testScheduler();
    new Lazy().activate(scheduler);
    expect(log).toEqual([]);
    scheduler.step();
    expect(log).toEqual([]);
    scheduler.step();
    expect(log).toEqual(["main() called", "first step"]);
  });

  it("does nothing when called again, on the same or another scheduler", () => {
    const first = testScheduler();
    const second = testScheduler();
    const counter = new Counter().activate(first).activate(first).activate(second);
    expect(counter.scheduler).toBe(first);
    expect(first.listAllThreads()).toEqual([counter]);
    expect(second.listAllThreads()).toEqual([]);
    first.step();
    first.step();
    expect(counter.count).toBe(1);
  });

  it("does not run a finished microprocess again when it is activated again", () => {
    const scheduler = testScheduler();
    const counter = new Counter(2).activate(scheduler);
    scheduler.runUntilIdle();
    expect([counter.finished, counter.count]).toEqual([true, 2]);
    counter.activate(scheduler);
    expect(scheduler.listAllThreads()).toEqual([]);
    expect(scheduler.runUntilIdle()).toBe(0);
    expect(counter.count).toBe(2);
  });
});

describe("Microprocess.main", () => {
  it("is stepped one yield per scheduler cycle until it returns", () => {
    const scheduler = testScheduler();
    const counter = new Counter(100).activate(scheduler);
    scheduler.step();
    for (let i = 1; i <= 100; i++) {
      expect(scheduler.step()).toBe(true);
      expect(counter.count).toBe(i);
    }
    expect(counter.finished).toBe(false);
    expect(scheduler.step()).toBe(false);
    expect([counter.finished, counter.count, counter.log]).toEqual([true, 100, ["finally"]]);
  });

  it("yields once and ends when not overridden", () => {
    const scheduler = testScheduler();
    const mp = new Microprocess().activate(scheduler);
    expect(scheduler.step()).toBe(true);
    expect(scheduler.step()).toBe(true);
    expect(mp.finished).toBe(false);
    expect(scheduler.step()).toBe(false);
    expect(mp.finished).toBe(true);
    expect(mp.exitError).toBeUndefined();
  });
});

describe("Microprocess.pause and unpause", () => {
  it("pause() does not cut the current step short: the step runs on to its yield", () => {
    const log: string[] = [];
    class Pauser extends Microprocess {
      override *main() {
        log.push("before pause()");
        this.pause();
        log.push("after pause()");
        yield;
        log.push("resumed");
      }
    }
    const scheduler = testScheduler();
    new Pauser().activate(scheduler);
    scheduler.runUntilIdle();
    expect(log).toEqual(["before pause()", "after pause()"]);
  });

  it("a paused microprocess reports itself paused, and runs again once unpaused", () => {
    const scheduler = testScheduler();
    const counter = new Counter().activate(scheduler);
    scheduler.step();
    scheduler.step();
    expect(scheduler.isThreadPaused(counter)).toBe(false);
    counter.pause();
    scheduler.step();
    expect(scheduler.isThreadPaused(counter)).toBe(true);
    const countWhenPaused = counter.count;
    for (let i = 0; i < 10; i++) scheduler.step();
    expect(counter.count).toBe(countWhenPaused);
    counter.unpause();
    expect(scheduler.isThreadPaused(counter)).toBe(true);
    scheduler.step();
    expect(scheduler.isThreadPaused(counter)).toBe(false);
    scheduler.step();
    expect(counter.count).toBe(countWhenPaused + 1);
  });

  it("unpause() in the same step as pause() cancels the pause", () => {
    const scheduler = testScheduler();
    let steps = 0;
    class ChangesItsMind extends Microprocess {
      override *main() {
        for (;;) {
          steps++;
          this.pause();
          this.unpause();
          yield;
        }
      }
    }
    const mp = new ChangesItsMind().activate(scheduler);
    for (let i = 0; i < 6; i++) scheduler.step();
    expect(steps).toBe(5);
    expect(scheduler.isThreadPaused(mp)).toBe(false);
  });

  it("pausing or unpausing a microprocess that was never activated does nothing", () => {
    const counter = new Counter();
    counter.pause();
    counter.unpause();
    expect([counter.scheduler, counter.finished, counter.count]).toEqual([null, false, 0]);
    const scheduler = testScheduler();
    counter.activate(scheduler);
    scheduler.step();
    scheduler.step();
    expect(counter.count).toBe(1);
  });
});

describe("Microprocess.stop", () => {
  it("called from its own main(), ends it after the current step and runs its finally blocks", () => {
    const log: string[] = [];
    class Quitter extends Microprocess {
      override *main() {
        try {
          for (let i = 1; ; i++) {
            log.push(`step ${String(i)}`);
            if (i === 2) {
              this.stop();
              log.push("still in step 2");
            }
            yield;
          }
        } finally {
          log.push("finally");
        }
      }
    }
    const scheduler = testScheduler();
    const quitter = new Quitter().activate(scheduler);
    scheduler.runUntilIdle();
    expect(log).toEqual(["step 1", "step 2", "still in step 2", "finally"]);
    expect(quitter.finished).toBe(true);
  });

  it("called from outside, ends a running microprocess at once: it is not stepped again", () => {
    const scheduler = testScheduler();
    const counter = new Counter().activate(scheduler);
    for (let i = 0; i < 4; i++) scheduler.step();
    counter.stop();
    expect([counter.finished, counter.log]).toEqual([true, ["finally"]]);
    expect(scheduler.listAllThreads()).toEqual([]);
    expect(scheduler.step()).toBe(false);
    expect(counter.count).toBe(3);
  });

  it("ends a sleeping microprocess and runs its finally blocks", async () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    class Sleeper extends Microprocess {
      override *main() {
        try {
          this.pause();
          yield;
          log.push("woken");
        } finally {
          log.push("finally");
        }
      }
    }
    const sleeper = new Sleeper().activate(scheduler);
    scheduler.runUntilIdle();
    expect(scheduler.isThreadPaused(sleeper)).toBe(true);
    sleeper.stop();
    expect(log).toEqual(["finally"]);
    expect(sleeper.finished).toBe(true);
    await scheduler.runThreads();
    expect(log).toEqual(["finally"]);
  });

  it("finishes a microprocess that was never activated, so that it can no longer be activated", () => {
    const scheduler = testScheduler();
    const counter = new Counter();
    counter.stop();
    expect(counter.finished).toBe(true);
    counter.activate(scheduler);
    expect(scheduler.listAllThreads()).toEqual([]);
    expect(counter.count).toBe(0);
  });

  it("cannot be undone: unpause() after stop() leaves it finished", () => {
    const scheduler = testScheduler();
    const counter = new Counter().activate(scheduler);
    scheduler.step();
    counter.stop();
    counter.unpause();
    expect(scheduler.step()).toBe(false);
    expect([counter.finished, counter.count]).toEqual([true, 0]);
  });
});

describe("Microprocess.wakeAfter and sleep", () => {
  it("wakeAfter(ms) wakes a paused microprocess after ms of its scheduler's clock", () => {
    const clock = new VirtualClock();
    const scheduler = new Scheduler({ clock });
    const wokenAt: number[] = [];
    class Napper extends Microprocess {
      override *main() {
        this.wakeAfter(500);
        this.pause();
        yield;
        wokenAt.push(clock.now());
      }
    }
    const napper = new Napper().activate(scheduler);
    scheduler.runUntilIdle();
    clock.advance(499);
    expect(scheduler.runUntilIdle()).toBe(0);
    clock.advance(1);
    scheduler.runUntilIdle();
    expect(wokenAt).toEqual([500]);
    expect(napper.finished).toBe(true);
  });

  it("the function wakeAfter() returns cancels the wake", () => {
    const clock = new VirtualClock();
    const scheduler = new Scheduler({ clock });
    const counter = new Counter().activate(scheduler);
    scheduler.step();
    scheduler.step();
    counter.pause();
    scheduler.runUntilIdle();
    const cancel = counter.wakeAfter(100);
    cancel();
    clock.advance(1000);
    expect(scheduler.runUntilIdle()).toBe(0);
    expect(scheduler.isThreadPaused(counter)).toBe(true);
  });

  it("sleep(ms) can be awaited too, and settles after ms of its scheduler's clock", async () => {
    const clock = new VirtualClock();
    const mp = new Microprocess().activate(new Scheduler({ clock }));
    const slept = Promise.resolve(mp.sleep(100).then(() => "slept"));
    expect(clock.pending()).toBe(1);
    clock.advance(99);
    expect(clock.pending()).toBe(1);
    clock.advance(1);
    expect(clock.pending()).toBe(0);
    await expect(slept).resolves.toBe("slept");
    mp.stop();
  });
});

describe("Microprocess.run", () => {
  it("activates it on the default scheduler and resolves when nothing is left there", async () => {
    const counter = new Counter(3);
    await counter.run();
    expect(counter.scheduler).toBe(Scheduler.run);
    expect([counter.finished, counter.count, counter.log]).toEqual([true, 3, ["finally"]]);
    expect(Scheduler.run.listAllThreads()).toEqual([]);
  });
});
