import type { CheckContext } from "../../check-kit.js";

export const startFails = "The first next() did not run main() at all";

/** What the checks need of the learner's Microprocess. */
interface MicroprocessLike {
  done: unknown;
  main(): Iterator<unknown>;
  next(): unknown;
}

/** Whether a microprocess says it has ended (a function, so that TypeScript does not assume it unchanged). */
function isDone(mp: MicroprocessLike): boolean {
  return mp.done === true;
}

export default function check(t: CheckContext): void {
  const Microprocess = t.exported("Microprocess", "class") as new () => MicroprocessLike;

  // A microprocess whose main() says how far it got: "start", then "middle", then "end".
  const trace: string[] = [];
  class Probe extends Microprocess {
    override *main(): Generator<unknown, void, undefined> {
      trace.push("start");
      yield;
      trace.push("middle");
      yield;
      trace.push("end");
    }
  }

  const probe = new Probe();
  if (trace.length > 0) t.fail("Making a microprocess already ran its main(): only next() should run it.");
  if (probe.done !== false) t.fail(`A new microprocess has done = ${String(probe.done)}: it should start as false.`);

  probe.next();
  if (trace.length === 0) {
    t.fail("The first next() did not run main() at all: the first time, keep the generator this.main() returns, then call its next() once.");
  }
  if (trace.length > 1) {
    t.fail(`The first next() ran main() past its first yield (it got to "${trace.join('", "')}"): call the generator's next() once per step, so main() stops at each yield.`);
  }
  if (isDone(probe)) {
    t.fail("Done became true after the first next(), though main() had only reached its first yield: set done only when the generator's next() returns { done: true }.");
  }

  probe.next();
  if (trace.join() === "start,start") {
    t.fail("The second next() started main() again from the top: make the generator once, keep it in a field, and step that same generator each time.");
  }
  if (trace.join() !== "start,middle") t.fail(`After two next() calls, main() had got to "${trace.join('", "')}": it should have run "start", then "middle".`);
  if (isDone(probe)) t.fail("Done became true at main()'s second yield, before main() had ended: set done only when the generator's next() returns { done: true }.");

  probe.next();
  if (trace.join() !== "start,middle,end") t.fail(`After three next() calls, main() had got to "${trace.join('", "')}": it should have run to its end.`);
  if (!isDone(probe)) t.fail("main() has ended, but done is still false: when the generator's next() returns { done: true }, set this.done = true.");

  probe.next();
  if (trace.length !== 3 || !isDone(probe)) t.fail("A next() after the end ran main() again: once done, the same generator just stays done.");

  // A main() that ends without yielding is done after its first step.
  class Quick extends Microprocess {
    override *main(): Generator<unknown, void, undefined> {
      // Yields nothing: `yield*` over an empty list, so main() ends on its first step.
      yield* [];
    }
  }
  const quick = new Quick();
  quick.next();
  if (!isDone(quick)) t.fail("A microprocess whose main() ends without yielding should be done after one next(), but done is still false.");

  t.expectOutput(["tick 1", "tock 1", "tick 2", "tock 2", "done: true, true"]);
}
