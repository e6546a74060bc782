import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { PromptedTurnstile } from "./PromptedTurnstile.js";

describe("PromptedTurnstile", () => {
  it("lets one queued message through per prompt, oldest first", () => {
    const gate = new PromptedTurnstile();
    const harness = new Harness(gate).send("inbox", "a", "b", "c").settle();
    expect(harness.take()).toEqual([]);
    expect(harness.scheduler.isThreadPaused(gate)).toBe(true);
    harness.send("next", "go").settle();
    expect(harness.take()).toEqual(["a"]);
    harness.send("next", 1, 2).settle();
    expect(harness.take()).toEqual(["b", "c"]);
  });

  it("remembers prompts that arrive before the messages", () => {
    const harness = new Harness(new PromptedTurnstile()).send("next", "go", "go").settle();
    harness.send("inbox", "a").settle();
    expect(harness.take()).toEqual(["a"]);
    harness.send("inbox", "b", "c").settle();
    expect(harness.take()).toEqual(["b"]);
  });

  it("passes ProducerFinished on once every queued message has been let through, then ends", async () => {
    const done = new ProducerFinished();
    const gate = new PromptedTurnstile();
    const harness = new Harness(gate).send("inbox", "a", "b").send("control", done).send("next", "go").settle();
    expect(harness.take()).toEqual(["a"]);
    expect(harness.take("signal")).toEqual([]);
    await harness.send("next", "go").finish();
    expect(harness.take()).toEqual(["b"]);
    expect(harness.take("signal")).toEqual([done]);
    expect(gate.finished).toBe(true);
  });

  it("passes ProducerFinished on at once when nothing is queued", async () => {
    const done = new ProducerFinished();
    const out = await runComponent(new PromptedTurnstile(), { control: [done], next: ["go"] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([done]);
  });

  it("passes ShutdownMicroprocess on at once, whatever is queued", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new PromptedTurnstile(), { inbox: ["a"], next: ["go"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("holds a message for a full destination and takes nothing more until it has room", () => {
    const harness = new Harness(new PromptedTurnstile()).limit("outbox", 1);
    harness.send("inbox", "a", "b", "c").send("next", 1, 2, 3).settle();
    expect([harness.component.dataReady("inbox"), harness.component.dataReady("next")]).toEqual([1, 1]);
    expect(harness.take()).toEqual(["a"]);
    harness.settle();
    expect(harness.take()).toEqual(["b"]);
    harness.settle();
    expect(harness.take()).toEqual(["c"]);
  });
});
