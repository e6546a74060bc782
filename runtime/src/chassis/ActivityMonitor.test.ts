import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness } from "../test-support/harness.js";
import { ActivityMonitor } from "./ActivityMonitor.js";

describe("ActivityMonitor", () => {
  it("passes each channel through unchanged and sends one RESET for the batch", () => {
    const harness = new Harness(new ActivityMonitor()).send("inbox", "a", "b").send("inbox2", "c").send("inbox3", "d").settle();
    expect(harness.take("outbox")).toEqual(["a", "b"]);
    expect(harness.take("outbox2")).toEqual(["c"]);
    expect(harness.take("outbox3")).toEqual(["d"]);
    expect(harness.take("observed")).toEqual(["RESET"]);
  });

  it("sends RESET again for each later batch, and nothing while idle", () => {
    const monitor = new ActivityMonitor({ message: "seen" });
    const harness = new Harness(monitor).settle();
    expect(harness.take("observed")).toEqual([]);
    expect(harness.scheduler.isThreadPaused(monitor)).toBe(true);
    harness.send("inbox2", 1).settle();
    harness.send("inbox", 2).settle();
    expect(harness.take("observed")).toEqual(["seen", "seen"]);
  });

  it("passes control messages on from signal, counting them as activity", () => {
    const monitor = new ActivityMonitor();
    const harness = new Harness(monitor).send("control", "note").settle();
    expect(harness.take("signal")).toEqual(["note"]);
    expect(harness.take("observed")).toEqual(["RESET"]);
    expect(monitor.finished).toBe(false);
  });

  it("ends after passing on everything waiting when ProducerFinished or ShutdownMicroprocess arrives", async () => {
    for (const end of [new ProducerFinished(), new ShutdownMicroprocess()]) {
      const monitor = new ActivityMonitor();
      const harness = new Harness(monitor).send("control", end, "after").send("inbox", "last");
      await harness.finish();
      expect(harness.take("outbox")).toEqual(["last"]);
      expect(harness.take("signal")).toEqual([end, "after"]);
      expect(monitor.finished).toBe(true);
    }
  });
});
