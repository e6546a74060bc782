import { Clock, Pipeline } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { Stamp, rateLimited, slideshow, system } from "./main.js";

describe("Time: clocks and rate limits on a virtual clock", () => {
  it("lets five messages through a 2-per-second limit at 0, 500, 1000, 1500 and 2000 virtual ms", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(rateLimited({ sink })).finish();
    expect(lines).toEqual(["m1 at 0 ms", "m2 at 500 ms", "m3 at 1000 ms", "m4 at 1500 ms", "m5 at 2000 ms"]);
    expect(harness.clock.now()).toBe(2000);
  });

  it("ticks a 100 ms clock exactly 10 times in the first 1000 virtual ms, at 0, 100, ... 900", () => {
    const harness = new Harness(new Pipeline(new Clock(100), new Stamp())).advance(999);
    expect(harness.take()).toEqual(Array.from({ length: 10 }, (_, n) => `true at ${String(n * 100)} ms`));
    harness.advance(1);
    expect(harness.take()).toEqual(["true at 1000 ms"]);
  });

  it("shows one slide per tick, then stops the clock so that the slideshow ends", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(slideshow({ sink }, 1000)).finish();
    expect(lines).toEqual(["slide 1 at 0 ms", "slide 2 at 1000 ms", "slide 3 at 2000 ms"]);
    expect(harness.alive()).toEqual([]);
  });

  it("takes no real time: the whole program runs on virtual time in one go", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(lines).toHaveLength(8);
    expect(harness.clock.now()).toBeGreaterThanOrEqual(4000);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
