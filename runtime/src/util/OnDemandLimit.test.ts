import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { OnDemandLimit } from "./OnDemandLimit.js";

describe("OnDemandLimit", () => {
  it("sends the oldest queued message for each NEXT on slidecontrol", () => {
    const limit = new OnDemandLimit();
    const harness = new Harness(limit).send("inbox", "a", "b", "c").settle();
    expect(harness.take()).toEqual([]);
    expect(harness.scheduler.isThreadPaused(limit)).toBe(true);
    harness.send("slidecontrol", "NEXT").settle();
    expect(harness.take()).toEqual(["a"]);
    harness.send("slidecontrol", "NEXT", "NEXT").settle();
    expect(harness.take()).toEqual(["b", "c"]);
  });

  it("uses up a NEXT that finds nothing queued", () => {
    const harness = new Harness(new OnDemandLimit()).send("slidecontrol", "NEXT").settle();
    harness.send("inbox", "a").settle();
    expect(harness.take()).toEqual([]);
    harness.send("slidecontrol", "NEXT").settle();
    expect(harness.take()).toEqual(["a"]);
  });

  it("reports anything but NEXT on slidecontrol as ErrorInformation and sends nothing for it", () => {
    const limit = new OnDemandLimit();
    const harness = new Harness(limit).send("inbox", "a").send("slidecontrol", "PREV").settle();
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([
      new ErrorInformation(limit, undefined, `${limit.name} skipped the string "PREV" on its "slidecontrol" inbox: it accepts "NEXT".`),
    ]);
  });

  it("passes ProducerFinished on once every queued message has been released, then ends", async () => {
    const done = new ProducerFinished();
    const limit = new OnDemandLimit();
    const harness = new Harness(limit).send("inbox", "a", "b").send("control", done).send("slidecontrol", "NEXT").settle();
    expect(harness.take()).toEqual(["a"]);
    expect(limit.finished).toBe(false);
    await harness.send("slidecontrol", "NEXT").finish();
    expect(harness.take()).toEqual(["b"]);
    expect(harness.take("signal")).toEqual([done]);
  });

  it("passes ShutdownMicroprocess on at once, whatever is queued", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new OnDemandLimit(), { inbox: ["a"], slidecontrol: ["NEXT"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("holds a message for a full destination until it has room", () => {
    const harness = new Harness(new OnDemandLimit()).limit("outbox", 1).send("inbox", "a", "b").send("slidecontrol", "NEXT", "NEXT").settle();
    expect(harness.take()).toEqual(["a"]);
    harness.settle();
    expect(harness.take()).toEqual(["b"]);
  });
});
