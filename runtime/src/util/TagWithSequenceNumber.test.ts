import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { TagWithSequenceNumber } from "./TagWithSequenceNumber.js";

describe("TagWithSequenceNumber", () => {
  it("tags each message with a number counting up from 0", async () => {
    const out = await runComponent(new TagWithSequenceNumber(), { inbox: ["a", "b", "c"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([
      [0, "a"],
      [1, "b"],
      [2, "c"],
    ]);
  });

  it("starts from the initial number given and keeps counting across cycles", () => {
    const harness = new Harness(new TagWithSequenceNumber(1)).send("inbox", "frame").settle();
    harness.send("inbox", "frame").settle();
    expect(harness.take()).toEqual([
      [1, "frame"],
      [2, "frame"],
    ]);
  });

  it("passes ProducerFinished on after the waiting messages, and ShutdownMicroprocess at once", async () => {
    const done = new ProducerFinished();
    const finished = await runComponent(new TagWithSequenceNumber(), { control: [done], inbox: ["x"] });
    expect(finished["outbox"]).toEqual([[0, "x"]]);
    expect(finished["signal"]).toEqual([done]);
    const stop = new ShutdownMicroprocess();
    const stopped = await runComponent(new TagWithSequenceNumber(), { inbox: ["x"], control: [stop] });
    expect(stopped["outbox"]).toEqual([]);
    expect(stopped["signal"]).toEqual([stop]);
  });
});
