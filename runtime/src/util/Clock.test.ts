import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness } from "../test-support/harness.js";
import { BadArgument } from "./BadArgument.js";
import { Clock } from "./Clock.js";

describe("Clock", () => {
  it("sends true at once and then every interval of virtual time", () => {
    const harness = new Harness(new Clock(100)).settle();
    expect(harness.take()).toEqual([true]);
    harness.advance(99);
    expect(harness.take()).toEqual([]);
    harness.advance(1);
    expect(harness.take()).toEqual([true]);
    harness.advance(100);
    expect(harness.take()).toEqual([true]);
  });

  it("ticks exactly 10 times in the first 1000 virtual ms with a 100 ms interval", () => {
    const harness = new Harness(new Clock(100)).settle();
    for (let i = 0; i < 9; i++) harness.advance(100);
    harness.advance(99);
    expect(harness.clock.now()).toBe(999);
    expect(harness.take()).toHaveLength(10);
  });

  it("sleeps between ticks", () => {
    const clock = new Clock(100);
    const harness = new Harness(clock).settle();
    expect(harness.scheduler.isThreadPaused(clock)).toBe(true);
    expect(harness.clock.pending()).toBe(1);
  });

  it("after waking late sends one tick and keeps to its schedule without drifting", () => {
    const harness = new Harness(new Clock(100)).settle();
    harness.take();
    harness.clock.advance(250);
    harness.settle();
    expect(harness.take()).toEqual([true]);
    harness.advance(49);
    expect(harness.take()).toEqual([]);
    harness.advance(1);
    expect(harness.take()).toEqual([true]);
  });

  it("passes ShutdownMicroprocess on from signal, ends, and leaves no timer behind", async () => {
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new Clock(100)).settle().advance(100);
    await harness.send("control", stop).finish();
    expect(harness.take()).toEqual([true, true]);
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.clock.pending()).toBe(0);
    expect(harness.clock.now()).toBe(100);
  });

  it("passes ProducerFinished on from signal and ends", async () => {
    const done = new ProducerFinished();
    const harness = new Harness(new Clock(100)).settle();
    await harness.send("control", done).finish();
    expect(harness.take("signal")).toEqual([done]);
    expect(harness.component.finished).toBe(true);
  });

  it("reports anything sent to its inbox as ErrorInformation and keeps ticking", () => {
    const clock = new Clock(100);
    const harness = new Harness(clock).settle().send("inbox", "faster").settle();
    expect(harness.take("signal")).toEqual([
      new ErrorInformation(clock, undefined, `${clock.name} skipped the string "faster" on its "inbox" inbox: it accepts nothing.`),
    ]);
    harness.advance(100);
    expect(harness.take()).toEqual([true, true]);
  });

  it("refuses an interval that is not a positive number of milliseconds", () => {
    expect(() => new Clock(0)).toThrow(BadArgument);
    expect(() => new Clock(Number.NaN)).toThrow(BadArgument);
    expect(() => new Clock(-5)).toThrowErrorMatchingInlineSnapshot(
      `[BadArgument: new Clock(): interval must be a number of milliseconds greater than 0, not -5.]`,
    );
  });
});
