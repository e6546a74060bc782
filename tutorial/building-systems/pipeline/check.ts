import { Pipeline } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "system() made a pipeline that printed nothing";

export default async function check(t: CheckContext): Promise<void> {
  const system = t.exported("system", "function") as (print: { sink: (line: string) => void }) => unknown;
  const lines: string[] = [];
  const made = system({ sink: (line) => lines.push(line) });
  if (!(made instanceof Pipeline)) t.fail("system() should return the pipeline it makes: return new Pipeline(...).");
  // Run it to its end, from timer to timer (20 at most). With nothing left running, finish() returns at
  // once, or throws the error of a component that failed.
  const harness = new Harness(made);
  for (let round = 0; round < 20; round += 1) if (!harness.settle().clock.advanceToNext()) break;
  if (harness.alive().length === 0) await harness.finish();
  const running = harness.alive();
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
