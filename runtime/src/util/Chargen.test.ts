import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness } from "../test-support/harness.js";
import { Chargen } from "./Chargen.js";

describe("Chargen", () => {
  it('sends "Hello World" once per scheduler cycle, for as long as it runs', () => {
    const harness = new Harness(new Chargen());
    harness.scheduler.step(); // the activation takes effect at the end of this first cycle
    for (let cycle = 0; cycle < 5; cycle++) harness.scheduler.step();
    expect(harness.take()).toEqual(Array<string>(5).fill("Hello World"));
    expect(harness.component.finished).toBe(false);
  });

  it("passes ShutdownMicroprocess on from signal and ends", async () => {
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new Chargen());
    harness.scheduler.step(); // the activation takes effect at the end of this first cycle
    harness.scheduler.step();
    harness.send("control", stop);
    await harness.finish();
    expect(harness.take()).toEqual(["Hello World"]);
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.component.finished).toBe(true);
  });

  it("ends on ProducerFinished too, passing it on", async () => {
    const done = new ProducerFinished();
    const harness = new Harness(new Chargen()).send("control", done);
    await harness.finish();
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([done]);
  });

  it("sleeps while the inbox it feeds is full and carries on when the consumer makes room", () => {
    const chargen = new Chargen();
    const harness = new Harness(chargen).limit("outbox", 2).settle();
    expect(harness.scheduler.isThreadPaused(chargen)).toBe(true);
    expect(harness.take()).toEqual(["Hello World", "Hello World"]);
    harness.settle();
    expect(harness.take()).toEqual(["Hello World", "Hello World"]);
    expect(harness.scheduler.isThreadPaused(chargen)).toBe(true);
  });
});
