import { describe, expect, it, vi } from "vitest";
import {
  Component,
  ComponentError,
  Microprocess,
  NewComponent,
  Scheduler,
  VirtualClock,
  type Linkage,
  type MainResult,
} from "../index.js";
import { testScheduler } from "../test-support/harness.js";

/**
 * Logs its label at every step and calls `onStep(n)` during its n-th step; ends after `limit` steps
 * (never, by default). Notes when its finally block has run.
 */
class Stepper extends Microprocess {
  finallyRan = false;
  constructor(
    readonly label: string,
    readonly log: string[],
    readonly onStep: (step: number) => void = () => undefined,
    readonly limit = Infinity,
  ) {
    super();
  }
  override *main() {
    try {
      for (let step = 1; step <= this.limit; step++) {
        this.log.push(this.label);
        this.onStep(step);
        yield;
      }
    } finally {
      this.finallyRan = true;
    }
  }
}

/** Steppers labelled `labels`, activated on `scheduler` in that order, logging into `log`. */
function steppers<const Labels extends readonly string[]>(
  scheduler: Scheduler,
  log: string[],
  labels: Labels,
): { -readonly [K in keyof Labels]: Stepper } {
  return labels.map((label) => new Stepper(label, log).activate(scheduler)) as { -readonly [K in keyof Labels]: Stepper };
}

/** Runs one cycle and returns the labels logged during it, in order. */
function cycle(scheduler: Scheduler, log: string[]): string[] {
  log.length = 0;
  scheduler.step();
  return [...log];
}

/** Throws `error` in its `atStep`-th step. */
class Thrower extends Microprocess {
  constructor(
    readonly error: unknown,
    readonly atStep = 1,
  ) {
    super();
  }
  override *main() {
    for (let step = 1; step < this.atStep; step++) yield;
    throw this.error;
  }
}

/** A promise with its resolve and reject functions, settled by the test. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets the host's event loop run `turns` times (no real-time waiting: each turn is a setImmediate). */
async function hostTurns(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** How `runThreads()` rejected, or `undefined` if it resolved. */
async function failureOf(scheduler: Scheduler): Promise<unknown> {
  return scheduler.runThreads().then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** An error message with ids replaced by `N`, so that it can be pinned. */
function pinned(error: unknown): string {
  return (error as Error).message.replace(/_\d+/g, "_N");
}

describe("Scheduler", () => {
  it("has a default scheduler, Scheduler.run", () => {
    expect(Scheduler.run).toBeInstanceOf(Scheduler);
  });

  it("with no microprocess, step() reports nothing left and runThreads() resolves at once", async () => {
    const scheduler = testScheduler();
    expect(scheduler.step()).toBe(false);
    expect(scheduler.runUntilIdle()).toBe(0);
    await expect(scheduler.runThreads()).resolves.toBeUndefined();
  });

  it("runs a single microprocess to completion, then runThreads() resolves", async () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const only = new Stepper("only", log, undefined, 10).activate(scheduler);
    await scheduler.runThreads();
    expect(log).toHaveLength(10);
    expect([only.finished, only.finallyRan]).toEqual([true, true]);
    expect(scheduler.listAllThreads()).toEqual([]);
  });

  it("resolves runThreads() only when every microprocess has run to completion", async () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const all = [10, 20, 30, 40].map((limit) => new Stepper(String(limit), log, undefined, limit).activate(scheduler));
    await scheduler.runThreads();
    for (const stepper of all) {
      expect(log.filter((label) => label === stepper.label)).toHaveLength(stepper.limit);
      expect(stepper.finished).toBe(true);
    }
  });

  it("ends a microprocess that asks to pause and returns in the same step", async () => {
    class PausesThenReturns extends Microprocess {
      override *main() {
        yield;
        this.pause();
      }
    }
    const scheduler = testScheduler();
    const mp = new PausesThenReturns().activate(scheduler);
    await scheduler.runThreads();
    expect(mp.finished).toBe(true);
    expect(mp.exitError).toBeUndefined();
  });
});

describe("Scheduler: round robin", () => {
  it("steps every runnable microprocess once per cycle, in activation order", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    steppers(scheduler, log, ["a", "b", "c"]);
    expect(cycle(scheduler, log)).toEqual([]);
    expect(cycle(scheduler, log)).toEqual(["a", "b", "c"]);
    expect(cycle(scheduler, log)).toEqual(["a", "b", "c"]);
  });

  it("processes an activation at the end of the cycle: until then the newcomer counts as paused", () => {
    const scheduler = testScheduler();
    const newcomer = new Microprocess().activate(scheduler);
    expect(scheduler.isThreadPaused(newcomer)).toBe(true);
    scheduler.step();
    expect(scheduler.isThreadPaused(newcomer)).toBe(false);
  });

  it("runs a microprocess activated during a cycle from the next cycle on, after the others", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    new Stepper("parent", log, (step) => {
      if (step === 1) new Stepper("newcomer", log).activate(scheduler);
    }).activate(scheduler);
    new Stepper("sibling", log).activate(scheduler);
    scheduler.step();
    expect(cycle(scheduler, log)).toEqual(["parent", "sibling"]);
    expect(cycle(scheduler, log)).toEqual(["parent", "sibling", "newcomer"]);
  });

  it("never blocks in step(), even when every microprocess sleeps", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const all = steppers(scheduler, log, ["a", "b", "c", "d", "e"]);
    scheduler.runUntilIdle(5);
    for (const stepper of all) stepper.pause();
    scheduler.runUntilIdle();
    for (let i = 0; i < 100; i++) expect(cycle(scheduler, log)).toEqual([]);
    expect(scheduler.runUntilIdle()).toBe(0);
  });
});

describe("Scheduler: pausing and waking", () => {
  it("a paused microprocess is not resumed until woken", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const [paused] = steppers(scheduler, log, ["paused"]);
    scheduler.step();
    for (let i = 0; i < 10; i++) expect(cycle(scheduler, log)).toEqual(["paused"]);
    paused.pause();
    expect(cycle(scheduler, log)).toEqual(["paused"]);
    for (let i = 0; i < 10; i++) expect(cycle(scheduler, log)).toEqual([]);
    paused.unpause();
    expect(cycle(scheduler, log)).toEqual([]);
    expect(cycle(scheduler, log)).toEqual(["paused"]);
  });

  it("pausing one microprocess does not stop the others", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const [a, b, c, d, e, paused] = steppers(scheduler, log, ["a", "b", "c", "d", "e", "paused"]);
    scheduler.step();
    expect(cycle(scheduler, log)).toEqual(["a", "b", "c", "d", "e", "paused"]);
    paused.pause();
    scheduler.step();
    for (let i = 0; i < 10; i++) expect(cycle(scheduler, log)).toEqual(["a", "b", "c", "d", "e"]);
    expect([a, b, c, d, e].map((stepper) => scheduler.isThreadPaused(stepper))).toEqual([false, false, false, false, false]);
  });

  it("waking one paused microprocess does not wake the others", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const all = steppers(scheduler, log, ["a", "b", "c", "d", "e", "woken"]);
    scheduler.runUntilIdle(3);
    for (const stepper of all) stepper.pause();
    scheduler.runUntilIdle();
    all[5].unpause();
    scheduler.step();
    for (let i = 0; i < 10; i++) expect(cycle(scheduler, log)).toEqual(["woken"]);
  });

  it("a woken microprocess joins the end of the next cycle", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const [, b] = steppers(scheduler, log, ["a", "b", "c"]);
    scheduler.step();
    b.pause();
    expect(cycle(scheduler, log)).toEqual(["a", "b", "c"]);
    expect(cycle(scheduler, log)).toEqual(["a", "c"]);
    b.unpause();
    expect(cycle(scheduler, log)).toEqual(["a", "c"]);
    expect(cycle(scheduler, log)).toEqual(["a", "c", "b"]);
    expect(cycle(scheduler, log)).toEqual(["a", "c", "b"]);
  });

  it("waking a microprocess that is awake changes nothing: it still runs once per cycle, in its place", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const all = steppers(scheduler, log, ["a", "b", "c"]);
    scheduler.step();
    all[1].unpause();
    for (let i = 0; i < 3; i++) expect(cycle(scheduler, log)).toEqual(["a", "b", "c"]);
    expect(scheduler.listAllThreads()).toHaveLength(3);
  });

  it("a wake beats a pause asked for in the same cycle, and the woken one keeps its place", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const early: Stepper = new Stepper("early", log, (step) => {
      if (step === 2) early.pause();
    });
    const late: Stepper = new Stepper("late", log, (step) => {
      if (step === 2) late.pause();
    });
    new Stepper("waker", log, (step) => {
      if (step === 2) early.unpause();
    }).activate(scheduler);
    early.activate(scheduler);
    late.activate(scheduler);
    new Stepper("late waker", log, (step) => {
      if (step === 2) late.unpause();
    }).activate(scheduler);
    scheduler.step();
    scheduler.step();
    expect(cycle(scheduler, log)).toEqual(["waker", "early", "late", "late waker"]);
    expect(cycle(scheduler, log)).toEqual(["waker", "early", "late", "late waker"]);
    expect([scheduler.isThreadPaused(early), scheduler.isThreadPaused(late)]).toEqual([false, false]);
  });

  it("pausing a sleeping microprocess is a no-op, so a later wake is never lost", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const [sleeper] = steppers(scheduler, log, ["sleeper"]);
    scheduler.step();
    sleeper.pause();
    scheduler.runUntilIdle();
    sleeper.pause();
    sleeper.unpause();
    scheduler.step();
    expect(cycle(scheduler, log)).toEqual(["sleeper"]);
    expect(scheduler.isThreadPaused(sleeper)).toBe(false);
  });

  it("waking or pausing a microprocess that was never activated here has no effect", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const others = steppers(scheduler, log, ["a", "b", "c"]);
    const stranger = new Stepper("stranger", log);
    const elsewhere = new Stepper("elsewhere", log).activate(testScheduler());
    scheduler.step();
    for (const outsider of [stranger, elsewhere]) {
      outsider.unpause();
      expect(cycle(scheduler, log)).toEqual(["a", "b", "c"]);
      outsider.pause();
      expect(cycle(scheduler, log)).toEqual(["a", "b", "c"]);
    }
    expect(new Set(scheduler.listAllThreads())).toEqual(new Set(others));
  });
});

describe("Scheduler.listAllThreads", () => {
  it("lists every activated microprocess, asleep or awake, until it ends", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const all = steppers(scheduler, log, ["a", "b", "c", "d", "e"]);
    scheduler.runUntilIdle(5);
    expect(new Set(scheduler.listAllThreads())).toEqual(new Set(all));
    all[1].pause();
    all[4].pause();
    scheduler.runUntilIdle(5);
    expect(new Set(scheduler.listAllThreads())).toEqual(new Set(all));
    all[0].stop();
    expect(new Set(scheduler.listAllThreads())).toEqual(new Set(all.slice(1)));
  });
});

describe("Scheduler.isThreadPaused", () => {
  it("is false while a microprocess runs and true once it is paused", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const all = steppers(scheduler, log, ["a", "b", "c", "d", "e"]);
    scheduler.runUntilIdle(5);
    expect(all.map((stepper) => scheduler.isThreadPaused(stepper))).toEqual([false, false, false, false, false]);
    for (const paused of all) {
      paused.pause();
      scheduler.runUntilIdle(5);
      expect(all.map((stepper) => scheduler.isThreadPaused(stepper))).toEqual(all.map((stepper) => stepper === paused));
      paused.unpause();
      scheduler.runUntilIdle(5);
    }
  });

  it("is true for a microprocess this scheduler does not know", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const all = steppers(scheduler, log, ["a", "b"]);
    const finished = new Stepper("finished", log, undefined, 1).activate(scheduler);
    scheduler.runUntilIdle(5);
    expect(all.map((stepper) => scheduler.isThreadPaused(stepper))).toEqual([false, false]);
    expect(scheduler.isThreadPaused(new Microprocess())).toBe(true);
    expect(scheduler.isThreadPaused(new Microprocess().activate(testScheduler()))).toBe(true);
    expect(scheduler.isThreadPaused(finished)).toBe(true);
  });
});

describe("Scheduler: a component that throws", () => {
  it("is never taken for a normal end: runThreads() rejects with a ComponentError naming it, after stopping the others", async () => {
    // Axon's Python 3 port took NotImplementedError and RecursionError for a normal end.
    class NotImplementedError extends Error {
      override name = "NotImplementedError";
    }
    const scheduler = testScheduler();
    const log: string[] = [];
    const [running, sleeping] = steppers(scheduler, log, ["running", "sleeping"]);
    sleeping.pause();
    const thrown = new NotImplementedError("not written yet");
    const thrower = new Thrower(thrown, 3).activate(scheduler);
    const error = await failureOf(scheduler);
    expect(error).toBeInstanceOf(ComponentError);
    const failure = error as ComponentError;
    expect(failure.component).toBe(thrower);
    expect(failure.cause).toBe(thrown);
    expect(pinned(failure)).toMatchInlineSnapshot(`"Thrower_N failed: NotImplementedError: not written yet"`);
    expect([thrower.finished, thrower.exitError]).toEqual([true, thrown]);
    expect([running.finished, running.finallyRan, sleeping.finished, sleeping.finallyRan]).toEqual([true, true, true, true]);
    expect(scheduler.listAllThreads()).toEqual([]);
  });

  it("with onError, leaves the others running and reports each error to the callback", async () => {
    const errors: ComponentError[] = [];
    const scheduler = new Scheduler({ clock: new VirtualClock(), onError: (error) => errors.push(error) });
    const log: string[] = [];
    const worker = new Stepper("worker", log, undefined, 6).activate(scheduler);
    const first = new Thrower(new RangeError("too far"), 2).activate(scheduler);
    const second = new Thrower("a string", 4).activate(scheduler);
    await scheduler.runThreads();
    expect(errors.map((error) => error.component)).toEqual([first, second]);
    expect(errors.map((error) => error.cause)).toEqual([new RangeError("too far"), "a string"]);
    expect(errors.map(pinned)).toMatchInlineSnapshot(`
      [
        "Thrower_N failed: RangeError: too far",
        "Thrower_N failed: a string",
      ]
    `);
    expect(log).toHaveLength(6);
    expect([worker.finished, worker.exitError]).toEqual([true, undefined]);
  });
});

describe("Scheduler: stopping", () => {
  it("stop() of one microprocess does not end the run of the others", async () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const victim = new Stepper("victim", log).activate(scheduler);
    new Stepper(
      "stopper",
      log,
      (step) => {
        if (step === 1) victim.stop();
      },
      5,
    ).activate(scheduler);
    new Stepper("worker", log, undefined, 10).activate(scheduler);
    await scheduler.runThreads();
    expect(log.filter((label) => label === "stopper")).toHaveLength(5);
    expect(log.filter((label) => label === "worker")).toHaveLength(10);
    expect([victim.finished, victim.finallyRan]).toEqual([true, true]);
  });

  it("scheduler.stop() closes every component down (links removed, parents woken) and the scheduler can run again", async () => {
    const scheduler = testScheduler();
    const elsewhere = testScheduler();
    const observer = new Component();
    let linkage: Linkage | undefined;
    class Producer extends Component {
      override *main() {
        linkage = this.link([this, "outbox"], [observer, "inbox"]);
        this.send("tick");
        this.pause();
        yield;
      }
    }
    const producer = new Producer();
    const parentLog: string[] = [];
    class Parent extends Component {
      override *main() {
        for (;;) {
          this.pause();
          yield;
          parentLog.push(`woken; child finished: ${String(producer.finished)}`);
        }
      }
    }
    const parent = new Parent();
    parent.addChildren(producer);
    parent.activate(elsewhere);
    elsewhere.runUntilIdle();
    producer.activate(scheduler);
    const log: string[] = [];
    const stopper = new Stepper("stopper", log, (step) => {
      if (step === 2) {
        scheduler.stop();
        log.push("still in the step that called stop()");
      }
    }).activate(scheduler);
    const bystander = new Stepper("bystander", log).activate(scheduler);
    await scheduler.runThreads();
    expect(log).toEqual(["stopper", "bystander", "stopper", "still in the step that called stop()", "bystander"]);
    expect([producer.finished, stopper.finallyRan, bystander.finallyRan]).toEqual([true, true, true]);
    producer.send("after the stop");
    expect(observer.dataReady("inbox")).toBe(1);
    expect(linkage?.delivered).toBe(1);
    elsewhere.runUntilIdle();
    expect(parentLog).toEqual(["woken; child finished: true"]);
    const again = new Stepper("again", log, undefined, 3).activate(scheduler);
    await scheduler.runThreads();
    expect(again.finished).toBe(true);
    expect(log.filter((label) => label === "again")).toHaveLength(3);
    parent.stop();
  });

  it("aborting the signal given to runThreads() stops the scheduler", async () => {
    const scheduler = testScheduler();
    const controller = new AbortController();
    const log: string[] = [];
    const aborter = new Stepper("aborter", log, (step) => {
      if (step === 3) controller.abort();
    }).activate(scheduler);
    const sleeper = new Stepper("sleeper", log).activate(scheduler);
    sleeper.pause();
    await scheduler.runThreads({ signal: controller.signal });
    expect([aborter.finallyRan, sleeper.finallyRan]).toEqual([true, true]);
    expect(log.filter((label) => label === "aborter")).toHaveLength(3);
  });

  it("returns the same promise from runThreads() while it runs", async () => {
    const scheduler = testScheduler();
    new Stepper("a", [], undefined, 3).activate(scheduler);
    const running = scheduler.runThreads();
    expect(scheduler.runThreads()).toBe(running);
    expect(scheduler.isRunning).toBe(true);
    await running;
    expect(scheduler.isRunning).toBe(false);
  });
});

describe("Scheduler: activating from a step", () => {
  it("NewComponent activates the components on the yielder's scheduler, not the default one", () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const children = [new Stepper("child 1", log), new Stepper("child 2", log)];
    class Spawner extends Microprocess {
      override *main() {
        log.push("spawner");
        yield new NewComponent(...children);
        for (;;) {
          log.push("spawner");
          yield;
        }
      }
    }
    new Spawner().activate(scheduler);
    scheduler.step();
    expect(cycle(scheduler, log)).toEqual(["spawner"]);
    expect(cycle(scheduler, log)).toEqual(["spawner", "child 1", "child 2"]);
    expect(children.map((child) => child.scheduler)).toEqual([scheduler, scheduler]);
    expect(Scheduler.run.listAllThreads()).toEqual([]);
  });

  it("activate() called during a step defaults to the scheduler running that step", () => {
    const scheduler = testScheduler();
    const child = new Stepper("child", []);
    new Stepper("parent", [], (step) => {
      if (step === 1) child.activate();
    }).activate(scheduler);
    scheduler.runUntilIdle(3);
    expect(child.scheduler).toBe(scheduler);
    expect(Scheduler.run.listAllThreads()).toEqual([]);
  });
});

describe("Scheduler: yielded values", () => {
  it("resumes a generator that yielded a promise with the promise's value", async () => {
    const scheduler = testScheduler();
    const answer = deferred<number>();
    const log: unknown[] = [];
    class Waiter extends Microprocess {
      override *main() {
        log.push("waiting");
        log.push(yield answer.promise);
      }
    }
    const waiter = new Waiter().activate(scheduler);
    scheduler.runUntilIdle();
    expect(scheduler.isThreadPaused(waiter)).toBe(true);
    expect(scheduler.runUntilIdle()).toBe(0);
    answer.resolve(42);
    await answer.promise;
    scheduler.runUntilIdle();
    expect(log).toEqual(["waiting", 42]);
    expect(waiter.finished).toBe(true);
  });

  it("throws a yielded promise's rejection into the generator at the yield", async () => {
    const scheduler = testScheduler();
    const answer = deferred<number>();
    const log: unknown[] = [];
    class Waiter extends Microprocess {
      override *main() {
        try {
          yield answer.promise;
          log.push("not reached");
        } catch (error) {
          log.push(`caught ${(error as Error).message}`);
        }
      }
    }
    const waiter = new Waiter().activate(scheduler);
    scheduler.runUntilIdle();
    answer.reject(new Error("no answer"));
    await answer.promise.catch(() => undefined);
    scheduler.runUntilIdle();
    expect(log).toEqual(["caught no answer"]);
    expect([waiter.finished, waiter.exitError]).toEqual([true, undefined]);
  });

  it("keeps messages that arrive while a component waits on a promise in its inbox until it resumes", async () => {
    const scheduler = testScheduler();
    const ready = deferred<undefined>();
    const received: unknown[] = [];
    let steps = 0;
    class Reader extends Component {
      override *main() {
        steps++;
        yield ready.promise;
        steps++;
        while (this.dataReady("inbox")) received.push(this.recv("inbox"));
      }
    }
    const reader = new Reader().activate(scheduler);
    const wiring = new Component();
    wiring.link([wiring, "outbox"], [reader, "inbox"]);
    scheduler.runUntilIdle();
    for (const message of ["one", "two", "three"]) wiring.send(message);
    expect(scheduler.runUntilIdle()).toBe(0);
    expect([steps, reader.dataReady("inbox")]).toEqual([1, 3]);
    ready.resolve(undefined);
    await ready.promise;
    scheduler.runUntilIdle();
    expect(received).toEqual(["one", "two", "three"]);
    expect(steps).toBe(2);
  });

  it("fails a microprocess that yields a generator object (a forgotten star) with a message that says to write yield*", async () => {
    function* inner(): Generator<undefined, void, unknown> {
      yield;
    }
    class ForgotTheStar extends Microprocess {
      override *main() {
        yield inner();
      }
    }
    const scheduler = testScheduler();
    new ForgotTheStar().activate(scheduler);
    const error = await failureOf(scheduler);
    expect(error).toBeInstanceOf(ComponentError);
    expect(pinned(error)).toMatchInlineSnapshot(`"ForgotTheStar_N failed: TypeError: ForgotTheStar_N.main() yielded a generator object. To run a sub-generator write yield* (with a star), not yield."`);
  });

  it("fails a microprocess whose main() returns neither a generator nor a promise with a message that says how to write it", async () => {
    class NotAGenerator extends Microprocess {
      override main(): MainResult {
        return undefined as unknown as MainResult;
      }
    }
    const scheduler = testScheduler();
    new NotAGenerator().activate(scheduler);
    const error = await failureOf(scheduler);
    expect(error).toBeInstanceOf(ComponentError);
    expect(pinned(error)).toMatchInlineSnapshot(`"NotAGenerator_N failed: TypeError: NotAGenerator_N.main() returned undefined, not a generator or a promise. Write it as a generator (*main() { ... }) or as async main() in an AsyncComponent."`);
  });
});

describe("Scheduler: waiting without busy-waiting", () => {
  it("never busy-waits: with everything asleep, runThreads() runs no cycle until something wakes a microprocess", async () => {
    const scheduler = testScheduler();
    const step = vi.spyOn(scheduler, "step");
    const wake = deferred<string>();
    const log: unknown[] = [];
    class Waiter extends Microprocess {
      override *main() {
        log.push(yield wake.promise);
      }
    }
    const waiter = new Waiter().activate(scheduler);
    let resolved = false;
    const running = scheduler.runThreads().then(() => {
      resolved = true;
    });
    await hostTurns(3);
    const cyclesWhileAsleep = step.mock.calls.length;
    await hostTurns(20);
    expect(step.mock.calls.length).toBe(cyclesWhileAsleep);
    expect(resolved).toBe(false);
    wake.resolve("woken from outside");
    await running;
    expect(log).toEqual(["woken from outside"]);
    expect(waiter.finished).toBe(true);
    expect(step.mock.calls.length - cyclesWhileAsleep).toBeLessThanOrEqual(3);
  });

  it("gives the host's event loop a turn while components stay runnable", async () => {
    const scheduler = testScheduler();
    const limit = 1_000_000;
    class NeverPauses extends Microprocess {
      override *main() {
        for (let i = 0; i < limit; i++) yield;
        throw new Error("the host's timer never ran");
      }
    }
    const spinner = new NeverPauses().activate(scheduler);
    setTimeout(() => {
      spinner.stop();
    }, 0);
    await scheduler.runThreads();
    expect([spinner.finished, spinner.exitError]).toEqual([true, undefined]);
  });
});

describe("Scheduler on a VirtualClock", () => {
  it("resumes yield this.sleep(ms) at exactly that virtual time", async () => {
    const clock = new VirtualClock();
    const scheduler = new Scheduler({ clock });
    const times: number[] = [];
    class Sleeper extends Microprocess {
      override *main() {
        for (const ms of [100, 250, 0, 1]) {
          yield this.sleep(ms);
          times.push(clock.now());
        }
      }
    }
    new Sleeper().activate(scheduler);
    await scheduler.runThreads();
    expect(times).toEqual([100, 350, 350, 351]);
  });

  it("fires timers due at the same moment in the order they were set", async () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push("first at 50"), 50);
    clock.setTimeout(() => fired.push("second at 50"), 50);
    clock.setTimeout(() => fired.push("at 10"), 10);
    clock.setTimeout(() => fired.push("third at 50"), 50);
    clock.advance(50);
    expect(fired).toEqual(["at 10", "first at 50", "second at 50", "third at 50"]);

    const scheduler = new Scheduler({ clock });
    const log: string[] = [];
    class Sleeper extends Microprocess {
      constructor(readonly label: string) {
        super();
      }
      override *main() {
        yield this.sleep(100);
        log.push(this.label);
      }
    }
    for (const label of ["a", "b", "c"]) new Sleeper(label).activate(scheduler);
    await scheduler.runThreads();
    expect(log).toEqual(["a", "b", "c"]);
  });

  it("jumps virtual time to the next timer whenever everything waits in runThreads()", async () => {
    const clock = new VirtualClock();
    const scheduler = new Scheduler({ clock });
    const log: string[] = [];
    class Ticker extends Microprocess {
      constructor(
        readonly label: string,
        readonly every: number,
      ) {
        super();
      }
      override *main() {
        for (let i = 0; i < 3; i++) {
          yield this.sleep(this.every);
          log.push(`${this.label} at ${String(clock.now())}`);
        }
      }
    }
    new Ticker("hourly", 3_600_000).activate(scheduler);
    new Ticker("half-hourly", 1_800_000).activate(scheduler);
    await scheduler.runThreads();
    expect(log).toEqual([
      "half-hourly at 1800000",
      "hourly at 3600000",
      "half-hourly at 3600000",
      "half-hourly at 5400000",
      "hourly at 7200000",
      "hourly at 10800000",
    ]);
    expect(clock.now()).toBe(10_800_000);
  });
});
