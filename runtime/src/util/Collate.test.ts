import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess, Status } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { Collate } from "./Collate.js";

describe("Collate", () => {
  it("sends everything it received as one array, in order, when ProducerFinished arrives, then passes it on", async () => {
    const done = new ProducerFinished();
    const harness = new Harness(new Collate()).send("inbox", "a", "b").settle();
    expect(harness.take()).toEqual([]);
    harness.send("inbox", "c").send("control", done);
    await harness.finish();
    expect(harness.take()).toEqual([["a", "b", "c"]]);
    expect(harness.take("signal")).toEqual([done]);
    expect(harness.component.finished).toBe(true);
  });

  it("sends what it has on ShutdownMicroprocess too, messages already waiting included", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new Collate(), { inbox: [1, 2], control: [stop] });
    expect(out["outbox"]).toEqual([[1, 2]]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("sends an empty array when nothing came", async () => {
    const out = await runComponent(new Collate(), { control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([[]]);
  });

  it("passes other control messages on and keeps collecting", () => {
    const status = new Status("halfway");
    const harness = new Harness(new Collate()).send("inbox", 1).send("control", status).settle();
    expect(harness.take("signal")).toEqual([status]);
    expect(harness.take()).toEqual([]);
    expect(harness.component.finished).toBe(false);
  });
});
