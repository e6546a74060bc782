import { describe, expect, it } from "vitest";
import {
  AsyncComponent,
  Component,
  Microprocess,
  Scheduler,
  ShutdownMicroprocess,
  VirtualClock,
} from "../src/index.js";
import { Collector } from "../src/test-support/harness.js";

/** Sends a tick every 100 ms; any control message is passed on from signal and ends it at once. */
class Ticker extends Component {
  ticks = 0;
  override *main() {
    let cancel = this.wakeAfter(100);
    try {
      for (;;) {
        if (this.dataReady("control")) {
          this.send(this.recv("control"), "signal");
          return;
        }
        const now = this.scheduler?.clock.now() ?? 0;
        if (now >= (this.ticks + 1) * 100) {
          this.send(`tick ${String(++this.ticks)} at ${String(now)}`);
          cancel = this.wakeAfter(100);
        }
        this.pause();
        yield;
      }
    } finally {
      cancel();
    }
  }
}

/** A Ticker feeding a Collector on a fresh scheduler with a virtual clock. */
function tickerSystem(clock = new VirtualClock(), scheduler = new Scheduler({ clock })) {
  const ticker = new Ticker();
  const sink = new Collector();
  const wiring = new Component();
  wiring.link([ticker, "outbox"], [sink, "inbox"]);
  wiring.link([ticker, "signal"], [sink, "control"]);
  sink.activate(scheduler);
  ticker.activate(scheduler);
  return { clock, scheduler, ticker, sink };
}

/** Logs "started" on its first step and "finally" when it ends, however it ends; in between it runs as told. */
class Logged extends Microprocess {
  constructor(
    readonly log: string[],
    readonly body: (self: Logged) => Generator<unknown, void, unknown>,
  ) {
    super();
  }
  override *main() {
    this.log.push(`${this.name} started`);
    try {
      yield* this.body(this);
    } finally {
      this.log.push(`${this.name} finally`);
    }
  }
}

describe("component.run({ signal })", () => {
  it("sends ShutdownMicroprocess to control when the signal aborts, and resolves once everything has ended", async () => {
    const { clock, ticker, sink } = tickerSystem();
    const controller = new AbortController();
    clock.setTimeout(() => {
      controller.abort();
    }, 350);
    await ticker.run({ signal: controller.signal });
    expect(sink.received).toEqual(["tick 1 at 100", "tick 2 at 200", "tick 3 at 300"]);
    expect(sink.control).toEqual([expect.any(ShutdownMicroprocess)]);
    expect([ticker.finished, sink.finished]).toEqual([true, true]);
    expect(clock.now()).toBe(350);
  });

  it("shuts the component down before its first tick when the signal is already aborted", async () => {
    const { scheduler, ticker, sink } = tickerSystem();
    await ticker.run({ signal: AbortSignal.abort() });
    expect(sink.received).toEqual([]);
    expect(sink.control).toEqual([expect.any(ShutdownMicroprocess)]);
    expect(scheduler.clock.now()).toBe(0);
  });

  it("sends nothing when the signal aborts after the run has ended", async () => {
    const clock = new VirtualClock();
    const scheduler = new Scheduler({ clock });
    const quick = new Component().activate(scheduler);
    const controller = new AbortController();
    await quick.run({ signal: controller.signal });
    controller.abort();
    expect(quick.dataReady("control")).toBe(0);
  });
});

describe("scheduler.runThreads({ signal })", () => {
  it("stops every microprocess, running their finally blocks, and resolves", async () => {
    const clock = new VirtualClock();
    const scheduler = new Scheduler({ clock });
    const log: string[] = [];
    const sleeper = new Logged(log, function* (self) {
      for (;;) yield self.sleep(1000);
    });
    const pauser = new Logged(log, function* (self) {
      for (;;) {
        self.pause();
        yield;
      }
    });
    class Waiter extends AsyncComponent {
      override async main() {
        try {
          await this.receive();
        } finally {
          log.push("Waiter finally");
        }
      }
    }
    const waiter = new Waiter();
    const { ticker, sink } = tickerSystem(clock, scheduler);
    for (const mp of [sleeper, pauser, waiter]) mp.activate(scheduler);
    const controller = new AbortController();
    clock.setTimeout(() => {
      controller.abort();
    }, 250);
    await scheduler.runThreads({ signal: controller.signal });
    // Waiter's finally runs when its main() resumes from the rejected receive(): let that happen.
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual([
      `${sleeper.name} started`,
      `${pauser.name} started`,
      `${sleeper.name} finally`,
      `${pauser.name} finally`,
      "Waiter finally",
    ]);
    expect(waiter.finished).toBe(true);
    expect(sink.received).toEqual(["tick 1 at 100", "tick 2 at 200"]);
    expect(sink.control).toEqual([]);
    expect([ticker.finished, sink.finished]).toEqual([true, true]);
    expect(scheduler.listAllThreads()).toEqual([]);
    expect(clock.now()).toBe(250);
  });

  it("stops a system that never pauses, at the end of the cycle in which the signal aborts", async () => {
    const scheduler = new Scheduler({ clock: new VirtualClock() });
    const controller = new AbortController();
    const log: string[] = [];
    const steps = new Map<Microprocess, number>();
    const busy = (abortAt: number) =>
      new Logged(log, function* (self) {
        for (let step = 1; ; step++) {
          steps.set(self, step);
          if (step === abortAt) controller.abort();
          yield;
        }
      });
    const spinners = [busy(Infinity), busy(10), busy(Infinity)];
    for (const spinner of spinners) spinner.activate(scheduler);
    await scheduler.runThreads({ signal: controller.signal });
    expect(spinners.map((spinner) => steps.get(spinner))).toEqual([10, 10, 10]);
    expect(log.filter((line) => line.endsWith("finally"))).toHaveLength(3);
    expect(scheduler.listAllThreads()).toEqual([]);
  });

  it("resolves without running anything when the signal is already aborted", async () => {
    const scheduler = new Scheduler({ clock: new VirtualClock() });
    const log: string[] = [];
    const idle = new Logged(log, function* () {
      yield;
    }).activate(scheduler);
    await scheduler.runThreads({ signal: AbortSignal.abort() });
    expect(log).toEqual([]);
    expect(idle.finished).toBe(true);
    expect(scheduler.listAllThreads()).toEqual([]);
  });

  it("leaves the scheduler ready to run again", async () => {
    const { scheduler, ticker } = tickerSystem();
    await scheduler.runThreads({ signal: AbortSignal.abort() });
    expect(ticker.finished).toBe(true);
    const log: string[] = [];
    new Logged(log, function* () {
      yield;
    }).activate(scheduler);
    await scheduler.runThreads();
    expect(log).toHaveLength(2);
  });

  it("forgets the signal once the run has ended", async () => {
    const scheduler = new Scheduler({ clock: new VirtualClock() });
    const controller = new AbortController();
    new Component().activate(scheduler);
    await scheduler.runThreads({ signal: controller.signal });
    const later = new Component().activate(scheduler);
    controller.abort();
    expect(later.finished).toBe(false);
    await scheduler.runThreads();
    expect(later.finished).toBe(true);
  });
});
