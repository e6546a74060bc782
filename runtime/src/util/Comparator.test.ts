import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { testInterface } from "../axon/testInterface.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { Comparator } from "./Comparator.js";

describe("Comparator", () => {
  it("has the inboxes inA, inB and control and the outboxes outbox and signal", () => {
    expect(testInterface(new Comparator(), [["inA", "inB", "control"], ["outbox", "signal"]])).toBe(true);
  });

  it("sends true for each pair of equal items and false for each unequal pair, in order", async () => {
    const out = await runComponent(new Comparator(), { inA: ["blah", 1, 2], inB: ["blah", 1, 3], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([true, true, false]);
  });

  it("waits until both inboxes hold an item, however far one stream runs ahead", () => {
    const harness = new Harness(new Comparator());
    harness.send("inA", ...Array.from({ length: 100 }, (_, i) => i)).settle();
    expect(harness.take()).toEqual([]);
    for (let i = 0; i < 100; i++) harness.send("inB", i % 2 === 0 ? i : i + 1);
    harness.settle();
    expect(harness.take()).toEqual(Array.from({ length: 100 }, (_, i) => i % 2 === 0));
  });

  it("compares arrays, byte chunks and plain objects by value, and anything else by identity", async () => {
    const same = new Date(0);
    const out = await runComponent(new Comparator(), {
      inA: [[1, [2]], new Uint8Array([1, 2]), { a: 1, b: [1] }, [1, 2], new Uint8Array([1]), same, new Date(0), NaN],
      inB: [[1, [2]], new Uint8Array([1, 2]), { b: [1], a: 1 }, [1, 2, 3], new Int8Array([1]), same, new Date(0), NaN],
      control: [new ProducerFinished()],
    });
    expect(out["outbox"]).toEqual([true, true, true, false, false, true, false, false]);
  });

  it("sends what a subclass's combine returns for each pair", async () => {
    class Adder extends Comparator {
      protected override combine(valA: unknown, valB: unknown): unknown {
        return Number(valA) + Number(valB);
      }
    }
    const out = await runComponent(new Adder(), { inA: [1, 2], inB: [10, 20], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([11, 22]);
  });

  it("passes ProducerFinished on after comparing every complete pair, leaving an unpaired item unread", async () => {
    const done = new ProducerFinished();
    const comparator = new Comparator();
    const out = await runComponent(comparator, { control: [done], inA: ["x", "extra"], inB: ["x"] });
    expect(out["outbox"]).toEqual([true]);
    expect(out["signal"]).toEqual([done]);
    expect(comparator.dataReady("inA")).toBe(1);
    expect(comparator.finished).toBe(true);
  });

  it("passes ShutdownMicroprocess on at once, comparing nothing more", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new Comparator(), { inA: [1], inB: [1], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });
});
