import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { BadArgument } from "./BadArgument.js";
import { Sync } from "./Sync.js";

describe("Sync", () => {
  it("sends the first message of every batch of two by default", async () => {
    const out = await runComponent(new Sync(), { inbox: ["a", "b", "c", "d"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", "c"]);
  });

  it("waits for n messages, counting those that arrive in later cycles", () => {
    const harness = new Harness(new Sync(3)).send("inbox", 1, 2).settle();
    expect(harness.take()).toEqual([]);
    harness.send("inbox", 3, 4).settle();
    expect(harness.take()).toEqual([1]);
    harness.send("inbox", 5, 6, 7).settle();
    expect(harness.take()).toEqual([4]);
  });

  it("sends nothing for an unfinished batch when it ends", async () => {
    const done = new ProducerFinished();
    const out = await runComponent(new Sync(2), { inbox: ["a", "b", "c"], control: [done] });
    expect(out["outbox"]).toEqual(["a"]);
    expect(out["signal"]).toEqual([done]);
  });

  it("passes ShutdownMicroprocess on at once", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new Sync(1), { inbox: ["a"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("refuses a batch size that is not a whole number of at least 1", () => {
    expect(() => new Sync(0)).toThrow(BadArgument);
    expect(() => new Sync(1.5)).toThrowErrorMatchingInlineSnapshot(`[BadArgument: new Sync(): n must be a whole number of messages, at least 1, not 1.5.]`);
  });
});
