import { Component } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "the RowReader was made before the header arrived";

type System = (print: { sink: (line: string) => void }, table: readonly string[]) => unknown;

export default async function check(t: CheckContext): Promise<void> {
  const system = t.exported("system", "function") as System;
  const lines: string[] = [];
  const made = system({ sink: (line) => lines.push(line) }, ["town,river", "York,Ouse", "Bath,Avon"]);
  if (!(made instanceof Component)) t.fail("system() should return the Graphline it makes.");
  // Run the system to its end, timer after timer (20 at most); once nothing runs, finish() returns at
  // once, or throws the error of a component that failed.
  const harness = new Harness(made);
  for (let round = 0; round < 20; round += 1) if (!harness.settle().clock.advanceToNext()) break;
  if (harness.alive().length === 0) await harness.finish();
  const running = harness.alive();
  const expected = ['{ town: "York", river: "Ouse" }', '{ town: "Bath", river: "Avon" }'];
  if (lines.length === 0) {
    t.fail(
      'Nothing was printed for the table "town,river", "York,Ouse", "Bath,Avon": link "HEAD.header" to "READ.next", ' +
        "so that the Carousel gets the header and makes its RowReader from it.",
    );
  }
  if (lines.every((line) => line === "{}")) {
    t.fail(
      "Every row came out as {}: the RowReader was made before the header arrived, so it has no columns. " +
        'Make READ a Carousel that makes it from the header, new Carousel((header) => new RowReader(String(header).split(","))), ' +
        'and link "HEAD.header" to "READ.next".',
    );
  }
  if (lines.join("\n") !== expected.join("\n")) {
    t.fail(
      `For the table "town,river", "York,Ouse", "Bath,Avon" your system printed ${lines.join(" and ")}, where ${expected.join(" and ")} was expected: ` +
        "make each RowReader from the header the Carousel is given, not from columns written in the program.",
    );
  }
  if (running.length > 0) t.fail(`Your system printed the rows but never ended: ${running.join(", ")} kept waiting. Keep "HEAD.signal" linked to "READ.control".`);
  t.expectOutput(['{ name: "alice", town: "Leeds" }', '{ name: "bob", town: "York" }']);
}
