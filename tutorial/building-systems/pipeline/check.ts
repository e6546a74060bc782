import { Pipeline, Scheduler, VirtualClock, type Component, type ComponentError } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "system() made a pipeline that printed nothing";

/**
 * Runs `system` on a fresh scheduler with a virtual clock until nothing more can happen (a few
 * thousand cycles at most) and names the components still running.
 */
function runAlone(system: Component): string[] {
  const failures: ComponentError[] = [];
  const clock = new VirtualClock();
  const scheduler = new Scheduler({ clock, onError: (failure) => failures.push(failure) });
  system.activate(scheduler);
  for (let round = 0; round < 20; round += 1) {
    scheduler.runUntilIdle(1000);
    if (failures[0] !== undefined) throw failures[0];
    if (!clock.advanceToNext()) break;
  }
  return scheduler.listAllThreads().map((running) => running.name);
}

export default function check(t: CheckContext): void {
  const system = t.exported("system", "function") as (print: { sink: (line: string) => void }) => unknown;
  const lines: string[] = [];
  const made = system({ sink: (line) => lines.push(line) });
  if (!(made instanceof Pipeline)) t.fail("system() should return the pipeline it makes: return new Pipeline(...).");
  const running = runAlone(made);
  if (lines.length === 0) {
    t.fail(
      "system() made a pipeline that printed nothing: after the DataSource put new Shout(), then new ConsoleEchoer(print) " +
        "(passing print on, so that what it prints can be read).",
    );
  }
  if (lines.join() === "hello,world") t.fail('Your pipeline printed "hello" and "world" as they were: put new Shout() between the DataSource and the ConsoleEchoer.');
  if (lines.join() !== "HELLO!,WORLD!") t.fail(`Your pipeline printed ${lines.map((line) => JSON.stringify(line)).join(", ")}: it should print "HELLO!" and "WORLD!".`);
  if (running.length > 0) {
    t.fail(
      `Your pipeline printed everything but never ended: ${running.join(", ")} kept waiting for the end. ` +
        "Every component in the row must pass what arrives on its control on from its signal, as Shout does.",
    );
  }
  t.expectOutput(["HELLO!", "WORLD!", "done"]);
}
