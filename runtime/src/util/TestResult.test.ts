import { describe, expect, it } from "vitest";
import { ComponentError } from "../axon/AxonExceptions.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { testInterface } from "../axon/testInterface.js";
import { Harness, WakeCounter } from "../test-support/harness.js";
import { StopSystem, TestResult, TestResultFailed } from "./TestResult.js";

/** Runs the harness to its end and returns the error it rejected with. */
async function failureOf(harness: Harness): Promise<unknown> {
  return harness.finish().then(
    () => {
      throw new Error("expected the system to fail");
    },
    (error: unknown) => error,
  );
}

describe("TestResult", () => {
  it("has the inboxes inbox and control", () => {
    expect(testInterface(new TestResult(), [["inbox", "control"], []])).toBe(true);
  });

  it("keeps running while every message is truthy, sending nothing", () => {
    const result = new TestResult();
    const harness = new Harness(result).send("inbox", ...Array.from({ length: 99 }, (_, i) => i + 1), "yes", [], {}).settle();
    expect(result.finished).toBe(false);
    expect(harness.scheduler.isThreadPaused(result)).toBe(true);
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([]);
  });

  it("fails with TestResultFailed when a falsy message arrives after truthy ones", async () => {
    const result = new TestResult();
    const harness = new Harness(result).send("inbox", 1, 2, 0, 3);
    const failure = await failureOf(harness);
    expect(failure).toBeInstanceOf(ComponentError);
    expect((failure as ComponentError).component).toBe(result);
    const cause = (failure as ComponentError).cause;
    expect(cause).toBeInstanceOf(TestResultFailed);
    expect((cause as TestResultFailed).received).toBe(0);
    expect((cause as TestResultFailed).component).toBe(result);
  });

  it("fails for each JavaScript falsy value", async () => {
    for (const falsy of [false, 0, "", null, undefined, NaN, 0n]) {
      const failure = await failureOf(new Harness(new TestResult()).send("inbox", falsy));
      expect(((failure as ComponentError).cause as TestResultFailed).received).toBe(falsy);
    }
  });

  it("says which component failed, on what, and where to look", () => {
    expect(new TestResultFailed({ name: "TestResult_7" }, "")).toMatchInlineSnapshot(
      `[TestResultFailed: TestResult_7 received "", which is falsy: every message sent to a TestResult must be truthy. Look at what feeds its inbox.]`,
    );
  });

  it("stops the whole system when StopSystem arrives on control", async () => {
    const result = new TestResult();
    const harness = new Harness(result);
    const bystander = new WakeCounter().activate(harness.scheduler);
    harness.settle().send("control", new StopSystem());
    await harness.finish();
    expect(result.finished).toBe(true);
    expect(bystander.finished).toBe(true);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("passes ProducerFinished on after checking every waiting message, and ShutdownMicroprocess at once", async () => {
    const done = new ProducerFinished();
    const finishing = new Harness(new TestResult()).send("control", done).send("inbox", true);
    await finishing.finish();
    expect(finishing.take("signal")).toEqual([done]);
    const failing = new Harness(new TestResult()).send("control", new ProducerFinished()).send("inbox", false);
    expect(await failureOf(failing)).toBeInstanceOf(ComponentError);
    const stop = new ShutdownMicroprocess();
    const stopping = new Harness(new TestResult()).send("control", stop);
    await stopping.finish();
    expect(stopping.take("signal")).toEqual([stop]);
  });
});
