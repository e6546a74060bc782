import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { UnseenOnly } from "./UnseenOnly.js";

describe("UnseenOnly", () => {
  it("sends each distinct message the first time it arrives and drops repeats", async () => {
    const out = await runComponent(new UnseenOnly(), { inbox: ["a", "b", "a", 1, "c", "b", 1, "1"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", "b", 1, "c", "1"]);
  });

  it("remembers what it saw across cycles", () => {
    const harness = new Harness(new UnseenOnly()).send("inbox", "x").settle();
    harness.send("inbox", "x", "y").settle();
    expect(harness.take()).toEqual(["x", "y"]);
  });

  it("tells objects apart by identity, as a Set does", async () => {
    const same = [1, 2];
    const out = await runComponent(new UnseenOnly(), { inbox: [same, same, [1, 2]], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([same, [1, 2]]);
    expect(out["outbox"]?.[0]).toBe(same);
  });

  it("passes ProducerFinished on after the waiting messages, and ShutdownMicroprocess at once", async () => {
    const done = new ProducerFinished();
    const finished = await runComponent(new UnseenOnly(), { control: [done], inbox: ["a", "a"] });
    expect(finished["outbox"]).toEqual(["a"]);
    expect(finished["signal"]).toEqual([done]);
    const stop = new ShutdownMicroprocess();
    const stopped = await runComponent(new UnseenOnly(), { inbox: ["a"], control: [stop] });
    expect(stopped["outbox"]).toEqual([]);
    expect(stopped["signal"]).toEqual([stop]);
  });
});
