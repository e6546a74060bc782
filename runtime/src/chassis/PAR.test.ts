import { describe, expect, it } from "vitest";
import { ComponentError } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, MockChild, Thrower, drain, rejection, testScheduler, thrown } from "../test-support/harness.js";
import { PAR } from "./PAR.js";

/** Sends its texts and ProducerFinished, then ends. */
class Say extends Component {
  readonly texts: string[];

  constructor(...texts: string[]) {
    super();
    this.texts = texts;
  }

  override *main(): Generator<unknown, void, unknown> {
    for (const text of this.texts) {
      this.send(text);
      yield;
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

describe("PAR", () => {
  it("activates its children together when it runs, on its own scheduler", () => {
    const scheduler = testScheduler();
    const children = [new MockChild(), new MockChild()];
    const par = new PAR(...children).activate(scheduler);
    expect(children.some((child) => child.wasActivated)).toBe(false);
    scheduler.runUntilIdle();
    expect(children.map((child) => [child.wasActivated, child.scheduler === scheduler, child.parent === par])).toEqual([
      [true, true, true],
      [true, true, true],
    ]);
  });

  it("merges what its children send into its own outbox, as they send it", async () => {
    const harness = new Harness(new PAR(new Say("left 1", "left 2"), new Say("right 1", "right 2")));
    await harness.finish();
    expect(harness.take("outbox")).toEqual(["left 1", "right 1", "left 2", "right 2"]);
  });

  it("copies each message on its inbox to every child's inbox", () => {
    const children = [new MockChild(), new MockChild(), new MockChild()];
    const harness = new Harness(new PAR(...children)).settle();
    harness.send("inbox", "a", "b").settle();
    expect(children.map((child) => drain(child))).toEqual([["a", "b"], ["a", "b"], ["a", "b"]]);
    expect(children.map((child) => drain(child, "control"))).toEqual([[], [], []]);
  });

  it("copies each message on its control to every child's control", () => {
    const children = [new MockChild(), new MockChild()];
    const harness = new Harness(new PAR(...children)).settle();
    const message = new ProducerFinished();
    harness.send("control", message).settle();
    expect(children.map((child) => drain(child, "control"))).toEqual([[message], [message]]);
    expect(children.map((child) => drain(child))).toEqual([[], []]);
  });

  it("copies only to children that have not ended", () => {
    const [ended, running] = [new MockChild(), new MockChild()];
    const harness = new Harness(new PAR(ended, running)).settle();
    ended.stopNow();
    harness.settle().send("inbox", "late").settle();
    expect([drain(ended), drain(running)]).toEqual([[], ["late"]]);
  });

  it("ends when all its children have ended, and only then sends ProducerFinished from signal", () => {
    const children = [new MockChild(), new MockChild()];
    const harness = new Harness(new PAR(...children)).settle();
    for (const child of children) {
      expect([harness.component.finished, harness.take("signal")]).toEqual([false, []]);
      child.stopNow();
      harness.settle();
    }
    expect([harness.component.finished, harness.take("signal")]).toEqual([true, [expect.any(ProducerFinished)]]);
  });

  it("does not pass on its children's signals", async () => {
    const harness = new Harness(new PAR(new Say("x"), new Say("y")));
    await harness.finish();
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("sends on the ShutdownMicroprocess it was given once all its children have ended", () => {
    const children = [new MockChild(), new MockChild()];
    const harness = new Harness(new PAR(...children)).settle();
    const stop = new ShutdownMicroprocess();
    harness.send("control", stop).settle();
    for (const child of children) child.stopNow();
    harness.settle();
    expect(harness.take("signal")).toEqual([stop]);
  });

  it("refuses an argument that is not a component instance", () => {
    expect(thrown(() => new PAR(new Component(), null as unknown as Component))).toMatchInlineSnapshot(`"BadComponent: null is not a component. PAR argument 2 must be a component instance."`);
  });

  it("ends with the error of a child that throws, stopping the others", async () => {
    const broken = new Thrower(new Error("jammed"), 1);
    const other = new MockChild();
    const harness = new Harness(new PAR(other, broken));
    const error = await rejection(harness.finish());
    expect((error as ComponentError).component).toBe(broken);
    expect([harness.component.exitError, other.finished]).toEqual([error, true]);
  });
});
