import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { system } from "./main.js";

describe("Hello, Pipeline", () => {
  it("prints each word upper-cased, in order", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(["HELLO", "WORLD"]);
  });

  it("finishes by itself once producerFinished has flowed to the end, leaving nothing alive", async () => {
    const harness = new Harness(system({ sink: () => undefined }));
    await harness.finish();
    expect(harness.component.finished).toBe(true);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
