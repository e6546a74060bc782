import { ProducerFinished } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { Doubler, system } from "./main.js";

describe("Writing your own component", () => {
  it("a Doubler fed 1, 2, 3 emits 2, 4, 6 and passes one producerFinished on from signal", async () => {
    const doubler = new Doubler();
    const harness = new Harness(doubler);
    const finished = new ProducerFinished();
    harness.send("inbox", 1, 2, 3).send("control", finished);
    await harness.finish();
    expect(harness.take("outbox")).toEqual([2, 4, 6]);
    const signal = harness.take("signal");
    expect(signal).toHaveLength(1);
    expect(signal[0]).toBe(finished);
    expect(doubler.finished).toBe(true);
  });

  it("sleeps while nothing waits for it and wakes when a message arrives", () => {
    const doubler = new Doubler();
    const harness = new Harness(doubler).settle();
    expect(harness.scheduler.isThreadPaused(doubler)).toBe(true);
    harness.send("inbox", 21).settle();
    expect(harness.take("outbox")).toEqual([42]);
    expect(harness.scheduler.isThreadPaused(doubler)).toBe(true);
    expect(doubler.finished).toBe(false);
  });

  it("doubles what a DataSource sends and the whole Pipeline finishes", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(lines).toEqual(["2", "4", "6"]);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
