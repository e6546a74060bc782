import { LossyConnector } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { Consumer, system } from "./main.js";

const oneTo100 = Array.from({ length: 100 }, (_, i) => i + 1);

describe("Back-pressure and lossy links", () => {
  it("delivers all 100 items in order into an inbox capped at 2, which never holds more than 2", async () => {
    const { lines, sink } = printed();
    const consumer = new Consumer();
    const harness = await new Harness(system({ sink }, consumer)).finish();
    expect(consumer.received).toEqual(oneTo100);
    expect(consumer.mostWaiting).toBe(2);
    expect(lines).toEqual(["received 100, never more than 2 waiting"]);
    expect(harness.alive()).toEqual([]);
  });

  it("through a LossyConnector to a consumer stalled for 10 steps, what arrives plus what was dropped is 100", async () => {
    const consumer = new Consumer(10);
    const lossy = new LossyConnector();
    const harness = await new Harness(system({ sink: () => undefined }, consumer, lossy)).finish();
    expect(consumer.received.length + lossy.dropped).toBe(100);
    expect(lossy.dropped).toBeGreaterThan(0);
    expect(consumer.received).toEqual(oneTo100.filter((n) => consumer.received.includes(n))); // in order, no duplicates
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    const lossy = new LossyConnector();
    await new Harness(system({ sink }, new Consumer(10), lossy)).finish();
    lines.push(`the LossyConnector dropped ${String(lossy.dropped)}`);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
