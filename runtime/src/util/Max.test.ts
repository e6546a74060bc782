import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { Max } from "./Max.js";
import { describeMessage } from "./unhandled.js";

describe("Max", () => {
  it("sends the largest value of each array it receives", async () => {
    const out = await runComponent(new Max(), { inbox: [[1, 4, 2, 3], ["d", "a", "b", "c"], ["xx", "xxx"], [-5], [1n, 3, 2n]], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([4, "d", "xxx", -5, 3]);
  });

  it("skips what is not a non-empty array of numbers or of strings, reporting each on signal, and carries on", async () => {
    const max = new Max();
    const done = new ProducerFinished();
    const bad = ["abc", [], [1, "2"], [null]];
    const out = await runComponent(max, { inbox: [...bad, [7, 8]], control: [done] });
    expect(out["outbox"]).toEqual([8]);
    const reports = out["signal"]?.slice(0, -1) ?? [];
    expect(reports.every((report) => report instanceof ErrorInformation && report.caller === max)).toBe(true);
    expect(reports.map((report) => (report as ErrorInformation).message)).toEqual(
      bad.map((message) => `${max.name} skipped ${describeMessage(message)} on its "inbox" inbox: it accepts non-empty arrays of numbers, or of strings.`),
    );
    expect(out["signal"]?.at(-1)).toBe(done);
  });

  it("passes ShutdownMicroprocess on at once", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new Max(), { inbox: [[1, 2]], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });
});
