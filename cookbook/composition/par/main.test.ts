import { DataSource, PAR, ShutdownMicroprocess } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { system } from "./main.js";

function* endless(prefix: string): Generator<string> {
  for (let n = 1; ; n++) yield `${prefix}${String(n)}`;
}

describe("PAR: side by side", () => {
  it("interleaves the children's output, a1, b1, a2, b2, and finishes when both have finished", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(lines).toEqual(["a1", "b1", "a2", "b2"]);
    expect(harness.alive()).toEqual([]);
  });

  it("stops every child when sent shutdownMicroprocess, and passes it on", () => {
    const a = new DataSource(endless("a"));
    const b = new DataSource(endless("b"));
    const par = new PAR(a, b);
    const harness = new Harness(par);
    for (let cycle = 0; cycle < 5; cycle++) harness.scheduler.step();
    expect(harness.take()).toEqual(["a1", "b1", "a2", "b2", "a3", "b3"]);
    const shutdown = new ShutdownMicroprocess();
    harness.send("control", shutdown).settle();
    expect([a.finished, b.finished, par.finished]).toEqual([true, true, true]);
    expect(harness.take("signal")).toEqual([shutdown]);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
