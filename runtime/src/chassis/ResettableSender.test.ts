import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, timeline } from "../test-support/harness.js";
import { BadArgument } from "../util/BadArgument.js";
import { ResettableSender } from "./ResettableSender.js";

describe("ResettableSender", () => {
  it("sends NEXT after 5000 ms of silence by default, then ProducerFinished, and ends", async () => {
    const sender = new ResettableSender();
    const harness = new Harness(sender);
    expect(timeline(harness)).toEqual([[5000, "NEXT"]]);
    await harness.finish();
    expect(harness.take("signal")).toEqual([new ProducerFinished(sender)]);
    expect(sender.finished).toBe(true);
  });

  it("restarts the countdown whenever anything arrives", () => {
    const harness = new Harness(new ResettableSender({ timeout: 100, message: "timeout" })).settle();
    harness.advance(50).send("inbox", "x").settle();
    expect(timeline(harness)).toEqual([[150, "timeout"]]);
  });

  it("is restarted by a message arriving at the very moment it would fire", () => {
    const harness = new Harness(new ResettableSender({ timeout: 100 })).settle();
    harness.clock.advance(100);
    harness.send("inbox", "just in time");
    expect(timeline(harness)).toEqual([[200, "NEXT"]]);
  });

  it("fires only once", async () => {
    const harness = new Harness(new ResettableSender({ timeout: 10 }));
    expect(timeline(harness)).toEqual([[10, "NEXT"]]);
    await harness.finish();
    expect(harness.clock.pending()).toBe(0);
  });

  it("sleeps while it counts down", () => {
    const sender = new ResettableSender({ timeout: 100 });
    const harness = new Harness(sender).settle();
    expect(harness.scheduler.isThreadPaused(sender)).toBe(true);
    expect(harness.clock.pending()).toBe(1);
  });

  it("is cancelled by ProducerFinished or ShutdownMicroprocess, which it passes on, and never fires", async () => {
    for (const end of [new ProducerFinished(), new ShutdownMicroprocess()]) {
      const harness = new Harness(new ResettableSender({ timeout: 100 })).settle().advance(60);
      await harness.send("control", end).finish();
      expect(harness.take()).toEqual([]);
      expect(harness.take("signal")).toEqual([end]);
      expect(harness.clock.now()).toBe(60);
      expect(harness.clock.pending()).toBe(0);
    }
  });

  it("passes other control messages straight on from signal and keeps counting", () => {
    const harness = new Harness(new ResettableSender({ timeout: 100 })).send("control", "hello").settle();
    expect(harness.take("signal")).toEqual(["hello"]);
    expect(timeline(harness)).toEqual([[100, "NEXT"]]);
  });

  it("refuses a timeout that is not a positive number of milliseconds", () => {
    expect(() => new ResettableSender({ timeout: 0 })).toThrow(BadArgument);
  });
});
