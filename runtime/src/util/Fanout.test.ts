import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { Fanout } from "./Fanout.js";

describe("Fanout", () => {
  it("sends every message out of each named outbox, in order, and nothing from outbox", async () => {
    const out = await runComponent(new Fanout(["a", "b"]), { inbox: [1, 2, 3], control: [new ProducerFinished()] });
    expect(out["a"]).toEqual([1, 2, 3]);
    expect(out["b"]).toEqual([1, 2, 3]);
    expect(out["outbox"]).toEqual([]);
  });

  it("sends the same message object to every destination", async () => {
    const message = { n: 1 };
    const out = await runComponent(new Fanout(["a", "b"]), { inbox: [message], control: [new ProducerFinished()] });
    expect(out["a"]?.[0]).toBe(message);
    expect(out["b"]?.[0]).toBe(message);
  });

  it("passes ProducerFinished on from signal after fanning out what was waiting, then ends", async () => {
    const done = new ProducerFinished("source");
    const fanout = new Fanout(["a"]);
    const out = await runComponent(fanout, { control: [done], inbox: ["x", "y"] });
    expect(out["a"]).toEqual(["x", "y"]);
    expect(out["signal"]).toEqual([done]);
    expect(fanout.finished).toBe(true);
  });

  it("passes ShutdownMicroprocess on at once without fanning out what was waiting", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new Fanout(["a"]), { inbox: ["x"], control: [stop] });
    expect(out["a"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("sleeps while nothing arrives and wakes for the next message", () => {
    const fanout = new Fanout(["a"]);
    const harness = new Harness(fanout).settle();
    expect(harness.scheduler.isThreadPaused(fanout)).toBe(true);
    harness.send("inbox", "late").settle();
    expect(harness.take("a")).toEqual(["late"]);
    expect(harness.scheduler.isThreadPaused(fanout)).toBe(true);
  });

  it("holds a message for a full destination until it has room, losing nothing and keeping order", async () => {
    const harness = new Harness(new Fanout(["a", "b"])).limit("b", 1);
    harness.send("inbox", 1, 2, 3).settle();
    expect(harness.take("a")).toEqual([1, 2]);
    expect(harness.take("b")).toEqual([1]);
    harness.settle();
    expect(harness.take("a")).toEqual([3]);
    expect(harness.take("b")).toEqual([2]);
    harness.send("control", new ProducerFinished()).settle();
    expect(harness.take("b")).toEqual([3]);
    await harness.finish();
    expect(harness.take("signal")).toEqual([new ProducerFinished()]);
    expect(harness.component.finished).toBe(true);
  });

  it("stops waiting for a full destination when told to shut down", async () => {
    const harness = new Harness(new Fanout(["a"])).limit("a", 1);
    harness.send("inbox", 1, 2).settle();
    const stop = new ShutdownMicroprocess();
    harness.send("control", stop);
    await harness.finish();
    expect(harness.take("a")).toEqual([1]);
    expect(harness.take("signal")).toEqual([stop]);
  });

  it("passes other control messages straight on from signal and carries on", async () => {
    const report = new ErrorInformation("upstream", new Error("bad line"));
    const out = await runComponent(new Fanout(["a"]), { control: [report, new ProducerFinished()], inbox: ["x"] });
    expect(out["a"]).toEqual(["x"]);
    expect(out["signal"]).toEqual([report, new ProducerFinished()]);
  });
});
