import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { SequentialTransformer } from "./SequentialTransformer.js";

describe("SequentialTransformer", () => {
  it("applies its functions in order, each to what the one before returned", async () => {
    const transformer = new SequentialTransformer(
      String,
      (text: string) => text.toUpperCase(),
      (text: string) => `foo${text}`,
      (text: string) => `${text}bar!`,
    );
    const out = await runComponent(transformer, { inbox: ["a", 1], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["fooAbar!", "foo1bar!"]);
  });

  it("drops a message when the last function returns undefined", async () => {
    const evenHalves = new SequentialTransformer(
      (n: number) => n / 2,
      (half: number) => (Number.isInteger(half) ? half : undefined),
    );
    const out = await runComponent(evenHalves, { inbox: [4, 3, 10], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([2, 5]);
  });

  it("hands an undefined in the middle of the chain to the next function, as Kamaelia did", async () => {
    const transformer = new SequentialTransformer(
      () => undefined,
      (value: unknown) => (value === undefined ? "was undefined" : value),
    );
    const out = await runComponent(transformer, { inbox: [1], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["was undefined"]);
  });

  it("sends every message on unchanged when given no functions", async () => {
    const out = await runComponent(new SequentialTransformer(), { inbox: ["a", 2], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", 2]);
  });

  it("passes ProducerFinished on after the waiting messages, and ShutdownMicroprocess at once", async () => {
    const done = new ProducerFinished();
    const finished = await runComponent(new SequentialTransformer((n: number) => n + 1), { control: [done], inbox: [1] });
    expect(finished["outbox"]).toEqual([2]);
    expect(finished["signal"]).toEqual([done]);
    const stop = new ShutdownMicroprocess();
    const stopped = await runComponent(new SequentialTransformer((n: number) => n + 1), { inbox: [1], control: [stop] });
    expect(stopped["outbox"]).toEqual([]);
    expect(stopped["signal"]).toEqual([stop]);
  });
});
