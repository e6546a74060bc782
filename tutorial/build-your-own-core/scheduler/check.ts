import type { CheckContext } from "../../check-kit.js";

export const startFails = "run() did not step any microprocess";

/** What the checks need of the learner's classes. */
interface MicroprocessLike {
  done: boolean;
  main(): Iterator<unknown>;
  next(): unknown;
}
interface SchedulerLike {
  activate(mp: MicroprocessLike): unknown;
  run(limit?: number): unknown;
}

/** How many times a microprocess that never ends may be stepped before the checks call it a runaway. */
const RUNAWAY = 100;

function quoted(lines: readonly string[]): string {
  return lines.length === 0 ? "nothing" : lines.map((line) => `"${line}"`).join(", ");
}

export default function check(t: CheckContext): void {
  const Microprocess = t.exported("Microprocess", "class") as new () => MicroprocessLike;
  const Scheduler = t.exported("Scheduler", "class") as new () => SchedulerLike;

  // Every step any probe takes, in order: "A 1" is A's first step, "A ends" the step that ends it.
  const trace: string[] = [];
  // What to say if a probe is stepped more often than any correct scheduler would.
  let runaway = "";

  /** A microprocess that yields `yields` times (Infinity: never ends), noting each step in the trace. */
  class Probe extends Microprocess {
    steps = 0;

    constructor(readonly label: string, readonly yields: number) {
      super();
    }

    override *main(): Generator<unknown, void, undefined> {
      for (let i = 1; i <= this.yields; i += 1) {
        trace.push(`${this.label} ${String(i)}`);
        yield;
      }
      trace.push(`${this.label} ends`);
    }

    override next(): unknown {
      if (this.done) {
        t.fail(`Your scheduler kept stepping ${this.label} after it ended: drop a microprocess from the queue as soon as its done flag is true.`);
      }
      this.steps += 1;
      if (this.steps > RUNAWAY) t.fail(runaway);
      return super.next();
    }
  }

  // Round robin: A yields three times, B once. Each takes one step per turn, in activation order.
  const a = new Probe("A", 3);
  const b = new Probe("B", 1);
  const scheduler = new Scheduler();
  scheduler.activate(a);
  scheduler.activate(b);
  scheduler.run();
  const expected = ["A 1", "B 1", "A 2", "B ends", "A 3", "A ends"];
  if (trace.length === 0) {
    t.fail("run() did not step any microprocess: A and B were activated, but neither was stepped. Keep activated microprocesses in a queue, and in run() call next() on each in turn.");
  }
  if (trace[0]?.startsWith("B") === true) t.fail(`Your scheduler stepped B first (${quoted(trace)}), though A was activated first: take turns in the order of activation.`);
  if (trace[1] === "A 2") t.fail(`Your scheduler stepped A twice in a row (${quoted(trace)}) before B had a turn: step each microprocess once, then move on to the next.`);
  for (const probe of [a, b]) {
    if (probe.done) continue;
    if (probe.steps === 1) {
      t.fail(`Your scheduler dropped ${probe.label} after its first yield: it was stepped once and never again. Keep a microprocess in the queue until its done flag says it has ended.`);
    }
    t.fail(`run() returned while ${probe.label} had not ended (it was stepped ${String(probe.steps)} times): keep going round until no microprocess is left.`);
  }
  if (trace.join() !== expected.join()) t.fail(`Your scheduler stepped A and B in this order: ${quoted(trace)}. Round robin gives ${quoted(expected)}.`);

  // Nothing to run: run() returns at once.
  try {
    new Scheduler().run();
  } catch (error) {
    t.fail(`run() on a scheduler with nothing activated threw ${String(error)}: with an empty queue it should just return.`);
  }

  // A limit: C and D never end, so run(5) must stop after exactly five steps.
  trace.length = 0;
  runaway = "run(5) kept going long past 5 steps: count the steps you take, and return when the count reaches limit.";
  const limited = new Scheduler();
  limited.activate(new Probe("C", Infinity));
  limited.activate(new Probe("D", Infinity));
  limited.run(5);
  if (trace.length > 5) t.fail(`run(5) took ${String(trace.length)} steps: the limit counts steps (calls to next()), so it should stop after 5 of them.`);
  if (trace.length < 5) t.fail(`run(5) took only ${String(trace.length)} steps, though C and D never end: it should stop after exactly 5.`);
  const limitedExpected = ["C 1", "D 1", "C 2", "D 2", "C 3"];
  if (trace.join() !== limitedExpected.join()) t.fail(`run(5) stepped ${quoted(trace)}: it should step ${quoted(limitedExpected)}.`);

  t.expectOutput(["tick 1", "tock 1", "tick 2", "tock 2", "tick 3", "all done"]);
}
