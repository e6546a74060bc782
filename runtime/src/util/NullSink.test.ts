import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { NullSink } from "./NullSink.js";

describe("NullSink", () => {
  it("takes every message and sends nothing on", async () => {
    const sink = new NullSink();
    const harness = new Harness(sink).send("inbox", 1, "two", [3]).settle();
    expect(sink.dataReady("inbox")).toBe(0);
    expect(harness.take()).toEqual([]);
    expect(harness.scheduler.isThreadPaused(sink)).toBe(true);
    harness.send("control", new ProducerFinished());
    await harness.finish();
    expect(sink.finished).toBe(true);
  });

  it("passes ProducerFinished or ShutdownMicroprocess on from signal and ends", async () => {
    const done = new ProducerFinished();
    expect((await runComponent(new NullSink(), { inbox: [1], control: [done] }))["signal"]).toEqual([done]);
    const stop = new ShutdownMicroprocess();
    expect((await runComponent(new NullSink(), { control: [stop] }))["signal"]).toEqual([stop]);
  });
});
