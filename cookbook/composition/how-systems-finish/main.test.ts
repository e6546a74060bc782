import { ProducerFinished, ShutdownMicroprocess } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { misWiredWaiters, system, waiters } from "./main.js";

const stopped = ["waiter 1 stopped", "waiter 2 stopped", "waiter 3 stopped"];

describe("How systems finish", () => {
  it("stops the waiters one after another as producerFinished is passed along, and the system ends", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(lines).toEqual(stopped);
    expect(harness.alive()).toEqual([]);
  });

  it("passes shutdownMicroprocess along the same chain and out of the Graphline's signal", async () => {
    const shutdown = new ShutdownMicroprocess();
    const harness = new Harness(waiters()).send("control", shutdown);
    await harness.finish();
    expect(harness.take("outbox")).toEqual(stopped);
    expect(harness.take("signal")).toEqual([shutdown]);
  });

  it("leaves exactly the three waiters (and their Graphline) alive when mis-wired", () => {
    const graphline = misWiredWaiters();
    const harness = new Harness(graphline).send("control", new ProducerFinished()).settle();
    const names = graphline.childComponents().map((child) => child.name);
    expect(harness.alive()).toEqual([...names, graphline.name]);
    expect(names).toHaveLength(3);
    expect(harness.take("outbox")).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
