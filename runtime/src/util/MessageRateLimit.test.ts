import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, timeline } from "../test-support/harness.js";
import { BadArgument } from "./BadArgument.js";
import { MessageRateLimit } from "./MessageRateLimit.js";

describe("MessageRateLimit", () => {
  it("passes five messages on at 0, 500, 1000, 1500 and 2000 ms at 2 a second", () => {
    const harness = new Harness(new MessageRateLimit(2, 5)).send("inbox", 1, 2, 3, 4, 5);
    expect(timeline(harness)).toEqual([
      [0, 1],
      [500, 2],
      [1000, 3],
      [1500, 4],
      [2000, 5],
    ]);
  });

  it("waits until the buffer has filled before the first message leaves", () => {
    const harness = new Harness(new MessageRateLimit(10, 3)).send("inbox", "a", "b").settle();
    expect(harness.take()).toEqual([]);
    harness.advance(1000).send("inbox", "c");
    expect(timeline(harness)).toEqual([
      [1000, "a"],
      [1100, "b"],
      [1200, "c"],
    ]);
  });

  it("passes messages on as they come when they come slower than the rate", () => {
    const harness = new Harness(new MessageRateLimit(10, 0)).send("inbox", "a").settle();
    expect(harness.take()).toEqual(["a"]);
    harness.advance(250).send("inbox", "b").settle();
    expect(harness.take()).toEqual(["b"]);
    harness.advance(50).send("inbox", "c").settle();
    expect(harness.take()).toEqual([]);
    harness.advance(50);
    expect(harness.take()).toEqual(["c"]);
  });

  it("sleeps while it waits for the next message to be due", () => {
    const limiter = new MessageRateLimit(1, 0);
    const harness = new Harness(limiter).send("inbox", "a", "b").settle();
    expect(harness.scheduler.isThreadPaused(limiter)).toBe(true);
    expect(harness.clock.nextTimerAt()).toBe(1000);
  });

  it("on ProducerFinished starts at once, lets every queued message out at the rate, then passes it on", async () => {
    const done = new ProducerFinished();
    const harness = new Harness(new MessageRateLimit(4)).send("inbox", "a", "b").send("control", done);
    expect(timeline(harness)).toEqual([
      [0, "a"],
      [250, "b"],
    ]);
    await harness.finish();
    expect(harness.take("signal")).toEqual([done]);
    expect(harness.clock.pending()).toBe(0);
  });

  it("on ShutdownMicroprocess passes it on at once and ends, leaving no timer behind", async () => {
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new MessageRateLimit(1, 0)).send("inbox", "a", "b").settle();
    await harness.send("control", stop).finish();
    expect(harness.take()).toEqual(["a"]);
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.clock.now()).toBe(0);
    expect(harness.clock.pending()).toBe(0);
  });

  it("holds a message for a full destination until it has room, then keeps to the rate", () => {
    const harness = new Harness(new MessageRateLimit(10, 0)).limit("outbox", 1).send("inbox", "a", "b", "c").settle();
    harness.advance(500);
    expect(harness.take()).toEqual(["a"]);
    harness.settle();
    expect(harness.take()).toEqual(["b"]);
    harness.advance(99);
    expect(harness.take()).toEqual([]);
    harness.advance(1);
    expect(harness.take()).toEqual(["c"]);
  });

  it("refuses a rate or buffer it cannot work with", () => {
    expect(() => new MessageRateLimit(0)).toThrow(BadArgument);
    expect(() => new MessageRateLimit(5, -1)).toThrowErrorMatchingInlineSnapshot(
      `[BadArgument: new MessageRateLimit(): buffer must be a whole number of messages, 0 or more, not -1.]`,
    );
  });
});
