import { describe, expect, it } from "vitest";
import { ArgumentsClash } from "../axon/AxonExceptions.js";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, timeline } from "../test-support/harness.js";
import { BadArgument } from "./BadArgument.js";
import { ByteRate_RequestControl } from "./ByteRate_RequestControl.js";

describe("ByteRate_RequestControl", () => {
  it("asks for chunksize items at once and then every chunksize / rate seconds", () => {
    const harness = new Harness(new ByteRate_RequestControl({ rate: 1000, chunksize: 100 }));
    expect(timeline(harness, "outbox", 900)).toEqual(Array.from({ length: 10 }, (_, i) => [i * 100, 100]));
  });

  it("makes 10 requests a second by default", () => {
    const harness = new Harness(new ByteRate_RequestControl());
    expect(timeline(harness, "outbox", 999)).toEqual(Array.from({ length: 10 }, (_, i) => [i * 100, 10000]));
  });

  it("sleeps between requests", () => {
    const control = new ByteRate_RequestControl({ rate: 10, chunkrate: 1 });
    const harness = new Harness(control).settle();
    expect(harness.take()).toEqual([10]);
    expect(harness.scheduler.isThreadPaused(control)).toBe(true);
    expect(harness.clock.nextTimerAt()).toBe(1000);
  });

  it("carries fractions over, adding a small request for what is owed", () => {
    const harness = new Harness(new ByteRate_RequestControl({ rate: 100, chunkrate: 3 }));
    expect(timeline(harness, "outbox", 999).map(([, size]) => size)).toEqual([33, 33, 33, 1]);
  });

  it("carries fractions over into a bigger request when aggregation is allowed", () => {
    const harness = new Harness(new ByteRate_RequestControl({ rate: 100, chunkrate: 3, allowchunkaggregation: true }));
    expect(timeline(harness, "outbox", 999).map(([, size]) => size)).toEqual([33, 33, 34]);
  });

  it("catches up after being woken late in requests of at most chunksize", () => {
    const harness = new Harness(new ByteRate_RequestControl({ rate: 1000, chunksize: 100 })).settle();
    harness.take();
    harness.clock.advance(250);
    harness.settle();
    expect(harness.take()).toEqual([100, 100]);
    harness.advance(49);
    expect(harness.take()).toEqual([]);
    harness.advance(1);
    expect(harness.take()).toEqual([100]);
  });

  it("catches up after being woken late in one request when aggregation is allowed", () => {
    const harness = new Harness(new ByteRate_RequestControl({ rate: 1000, chunksize: 100, allowchunkaggregation: true })).settle();
    harness.take();
    harness.clock.advance(250);
    harness.settle();
    expect(harness.take()).toEqual([200]);
  });

  it("passes ProducerFinished or ShutdownMicroprocess on from signal and ends, leaving no timer behind", async () => {
    for (const end of [new ProducerFinished(), new ShutdownMicroprocess()]) {
      const harness = new Harness(new ByteRate_RequestControl({ rate: 10, chunksize: 5 })).settle();
      await harness.send("control", end).finish();
      expect(harness.take()).toEqual([5]);
      expect(harness.take("signal")).toEqual([end]);
      expect(harness.clock.pending()).toBe(0);
    }
  });

  it("reports anything sent to its inbox as ErrorInformation", () => {
    const control = new ByteRate_RequestControl({ rate: 10, chunksize: 5 });
    const harness = new Harness(control).settle().send("inbox", 20).settle();
    expect(harness.take("signal")).toEqual([
      new ErrorInformation(control, undefined, `${control.name} skipped the number 20 on its "inbox" inbox: it accepts nothing.`),
    ]);
  });

  it("refuses options it cannot work with", () => {
    expect(() => new ByteRate_RequestControl({ chunksize: 10, chunkrate: 10 })).toThrow(ArgumentsClash);
    expect(() => new ByteRate_RequestControl({ rate: 0 })).toThrow(BadArgument);
    expect(() => new ByteRate_RequestControl({ chunksize: 0.5 })).toThrowErrorMatchingInlineSnapshot(
      `[BadArgument: new ByteRate_RequestControl(): chunksize must be a number of items, 1 or more, not 0.5.]`,
    );
    expect(() => new ByteRate_RequestControl({ rate: 5, chunkrate: 10 })).toThrowErrorMatchingInlineSnapshot(
      `[BadArgument: new ByteRate_RequestControl(): chunkrate must be at most the rate (5), so that each request is for 1 item or more, not 10.]`,
    );
  });
});
