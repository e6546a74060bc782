import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { TwoWaySplitter } from "./TwoWaySplitter.js";

describe("TwoWaySplitter", () => {
  it("sends every inbox message out of outbox and outbox2, in order", async () => {
    const out = await runComponent(new TwoWaySplitter(), { inbox: ["a", "b", "c"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", "b", "c"]);
    expect(out["outbox2"]).toEqual(["a", "b", "c"]);
  });

  it("passes ProducerFinished to signal and signal2 after the waiting data, then ends", async () => {
    const done = new ProducerFinished("source");
    const splitter = new TwoWaySplitter();
    const out = await runComponent(splitter, { control: [done], inbox: [1, 2] });
    expect(out["outbox"]).toEqual([1, 2]);
    expect(out["signal"]).toEqual([done]);
    expect(out["signal2"]).toEqual([done]);
    expect(splitter.finished).toBe(true);
  });

  it("passes other control messages on to both signal outboxes and keeps running", () => {
    const splitter = new TwoWaySplitter();
    const harness = new Harness(splitter).send("control", "pause video").settle();
    expect(harness.take("signal")).toEqual(["pause video"]);
    expect(harness.take("signal2")).toEqual(["pause video"]);
    expect(splitter.finished).toBe(false);
    expect(harness.scheduler.isThreadPaused(splitter)).toBe(true);
  });

  it("ends at once on ShutdownMicroprocess, passing it to both signal outboxes", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new TwoWaySplitter(), { inbox: [1], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
    expect(out["signal2"]).toEqual([stop]);
  });

  it("waits for room at a size-limited destination and loses nothing", async () => {
    const harness = new Harness(new TwoWaySplitter()).limit("outbox2", 2);
    harness.send("inbox", 1, 2, 3, 4, 5).send("control", new ProducerFinished()).settle();
    expect(harness.take("outbox")).toEqual([1, 2, 3]);
    expect(harness.take("outbox2")).toEqual([1, 2]);
    expect(harness.take("signal")).toEqual([]);
    harness.settle();
    expect(harness.take("outbox")).toEqual([4, 5]);
    expect(harness.take("outbox2")).toEqual([3, 4]);
    harness.settle();
    expect(harness.take("outbox2")).toEqual([5]);
    await harness.finish();
    expect(harness.take("signal")).toEqual([new ProducerFinished()]);
    expect(harness.take("signal2")).toEqual([new ProducerFinished()]);
  });

  it("gives up a held message when told to shut down while waiting for room", async () => {
    const harness = new Harness(new TwoWaySplitter()).limit("outbox", 1);
    harness.send("inbox", "kept", "held").settle();
    const stop = new ShutdownMicroprocess();
    await harness.send("control", stop).finish();
    expect(harness.take("outbox")).toEqual(["kept"]);
    expect(harness.take("outbox2")).toEqual(["kept", "held"]);
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.take("signal2")).toEqual([stop]);
  });
});
