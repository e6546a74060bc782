import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess, Status } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { OneShot, TriggeredOneShot } from "./OneShot.js";

describe("OneShot", () => {
  it("sends its message in its first step, ProducerFinished in the next, and ends", () => {
    const shot = new OneShot("data to send");
    const harness = new Harness(shot);
    harness.scheduler.step(); // the activation takes effect at the end of this first cycle
    harness.scheduler.step();
    expect(harness.take()).toEqual(["data to send"]);
    expect(harness.take("signal")).toEqual([]);
    harness.scheduler.step();
    expect(harness.take("signal")).toEqual([new ProducerFinished(shot)]);
    expect(shot.finished).toBe(true);
  });

  it("sends undefined when given no message, as Kamaelia sent None", async () => {
    const out = await runComponent(new OneShot());
    expect(out["outbox"]).toEqual([undefined]);
  });
});

describe("TriggeredOneShot", () => {
  it("sleeps until something arrives, then sends its message once and ProducerFinished, and ends", async () => {
    const shot = new TriggeredOneShot(new ShutdownMicroprocess());
    const harness = new Harness(shot).settle();
    expect(harness.scheduler.isThreadPaused(shot)).toBe(true);
    expect(harness.take()).toEqual([]);
    harness.send("inbox", "reply", "another reply");
    await harness.finish();
    expect(harness.take()).toEqual([new ShutdownMicroprocess()]);
    expect(harness.take("signal")).toEqual([new ProducerFinished(shot)]);
    expect(shot.finished).toBe(true);
  });

  it("passes ProducerFinished on and ends without sending when no trigger came", async () => {
    const done = new ProducerFinished();
    const out = await runComponent(new TriggeredOneShot("never"), { control: [done] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([done]);
  });

  it("answers a trigger waiting beside a ProducerFinished, then passes that one on instead of its own", async () => {
    const done = new ProducerFinished("upstream");
    const out = await runComponent(new TriggeredOneShot("fired"), { control: [done], inbox: ["go"] });
    expect(out["outbox"]).toEqual(["fired"]);
    expect(out["signal"]).toEqual([done]);
  });

  it("passes ShutdownMicroprocess on at once, even with a trigger waiting", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new TriggeredOneShot("fired"), { inbox: ["go"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("passes other control messages on and keeps waiting", () => {
    const status = new Status("still here");
    const harness = new Harness(new TriggeredOneShot("fired")).send("control", status).settle();
    expect(harness.take("signal")).toEqual([status]);
    expect(harness.component.finished).toBe(false);
  });
});
