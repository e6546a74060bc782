import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { LossyConnector } from "./LossyConnector.js";

describe("LossyConnector", () => {
  it("passes every message on, in order, while the destination has room", async () => {
    const lossy = new LossyConnector();
    const out = await runComponent(lossy, { inbox: [1, 2, 3], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([1, 2, 3]);
    expect(lossy.dropped).toBe(0);
  });

  it("drops the messages that find the destination full and counts them", () => {
    const lossy = new LossyConnector();
    const harness = new Harness(lossy).limit("outbox", 2).send("inbox", 1, 2, 3, 4, 5).settle();
    expect(harness.take()).toEqual([1, 2]);
    expect(lossy.dropped).toBe(3);
    harness.send("inbox", 6).settle();
    expect(harness.take()).toEqual([6]);
    expect(lossy.dropped).toBe(3);
  });

  it("accounts for every message: what a stalled consumer receives plus what was dropped", () => {
    const lossy = new LossyConnector();
    const harness = new Harness(lossy).limit("outbox", 2);
    let received = 0;
    for (let i = 0; i < 100; i++) {
      harness.send("inbox", i).settle();
      // The consumer looks only every tenth step.
      if (i % 10 === 9) received += harness.take().length;
    }
    expect(received).toBe(20);
    expect(received + lossy.dropped).toBe(100);
  });

  it("passes ProducerFinished on after handling the waiting messages, then ends", async () => {
    const done = new ProducerFinished();
    const lossy = new LossyConnector();
    const out = await runComponent(lossy, { control: [done], inbox: ["a"] });
    expect(out["outbox"]).toEqual(["a"]);
    expect(out["signal"]).toEqual([done]);
    expect(lossy.finished).toBe(true);
  });

  it("passes ShutdownMicroprocess on at once without passing on or counting the waiting messages", async () => {
    const stop = new ShutdownMicroprocess();
    const lossy = new LossyConnector();
    const out = await runComponent(lossy, { inbox: ["a"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
    expect(lossy.dropped).toBe(0);
  });

  it("passes other control messages straight on from signal", () => {
    const harness = new Harness(new LossyConnector()).send("control", "status?").settle();
    expect(harness.take("signal")).toEqual(["status?"]);
    expect(harness.component.finished).toBe(false);
  });
});
