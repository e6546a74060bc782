import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { FirstOnly } from "./FirstOnly.js";

describe("FirstOnly", () => {
  it("sends on the first message only", async () => {
    const out = await runComponent(new FirstOnly(), { inbox: ["first", "second", "third"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["first"]);
  });

  it("keeps taking and discarding later messages, across cycles, until it is shut down", () => {
    const first = new FirstOnly();
    const harness = new Harness(first).send("inbox", 1).settle();
    harness.send("inbox", 2, 3).settle();
    expect(harness.take()).toEqual([1]);
    expect(first.dataReady("inbox")).toBe(0);
    expect(harness.scheduler.isThreadPaused(first)).toBe(true);
  });

  it("passes ProducerFinished on after taking what waits, and ShutdownMicroprocess at once", async () => {
    const done = new ProducerFinished();
    const finished = await runComponent(new FirstOnly(), { control: [done], inbox: ["only"] });
    expect(finished["outbox"]).toEqual(["only"]);
    expect(finished["signal"]).toEqual([done]);
    const stop = new ShutdownMicroprocess();
    const stopped = await runComponent(new FirstOnly(), { inbox: ["never"], control: [stop] });
    expect(stopped["outbox"]).toEqual([]);
    expect(stopped["signal"]).toEqual([stop]);
  });
});
