import { afterEach, describe, expect, it, vi } from "vitest";
import { ComponentError } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, MockChild, Thrower, drain, rejection, thrown } from "../test-support/harness.js";
import { Seq } from "./Seq.js";

/** Sends its text, then ProducerFinished from signal, and ends. */
class Say extends Component {
  constructor(readonly text: string) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    this.send(this.text);
    yield;
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Echoes its inbox until a control message arrives, then ends. */
class Echo extends Component {
  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) this.send(this.recv("inbox"));
      if (this.dataReady("control") > 0) return;
      this.pause();
      yield;
    }
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Seq", () => {
  it("runs its components one after another, each starting when the one before has ended", () => {
    const [first, second] = [new MockChild(), new MockChild()];
    const harness = new Harness(new Seq(first, second)).settle();
    expect([first.wasActivated, second.wasActivated]).toEqual([true, false]);
    first.stopNow();
    harness.settle();
    expect([second.wasActivated, second.scheduler === harness.scheduler, second.parent === harness.component]).toEqual([true, true, true]);
    expect(harness.component.childComponents()).toEqual([second]);
  });

  it("wires the running component to its own inbox and outbox", () => {
    const [first, second] = [new Echo(), new Echo()];
    const harness = new Harness(new Seq(first, second)).settle();
    harness.send("inbox", "a").settle();
    expect(harness.take("outbox")).toEqual(["a"]);
    const wiring = new Component();
    wiring.link([wiring, "outbox"], [first, "control"]);
    wiring.send("next, please");
    harness.settle().send("inbox", "b").settle();
    expect(harness.take("outbox")).toEqual(["b"]);
    expect(drain(first)).toEqual([]);
  });

  it("sends ProducerFinished from signal after the last component has ended, and ends", async () => {
    const harness = new Harness(new Seq(new Say("one"), new Say("two")));
    await harness.finish();
    expect(harness.take("outbox")).toEqual(["one", "two"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component.finished).toBe(true);
  });

  it("does not pass its components' signals on, so what follows it is not shut down between them", () => {
    const [say, waiting] = [new Say("first"), new MockChild()];
    const harness = new Harness(new Seq(say, waiting)).settle();
    expect([harness.take("outbox"), harness.take("signal")]).toEqual([["first"], []]);
    expect(drain(waiting, "control")).toEqual([]);
  });

  it("writes the strings in the sequence to the console when it reaches them", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const first = new MockChild();
    const harness = new Harness(new Seq("BEGIN", first, "END")).settle();
    expect(log.mock.calls).toEqual([["BEGIN"]]);
    first.stopNow();
    harness.settle();
    expect(log.mock.calls).toEqual([["BEGIN"], ["END"]]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("with nothing to run, sends ProducerFinished and ends", async () => {
    const harness = new Harness(new Seq());
    await harness.finish();
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("on ShutdownMicroprocess, shuts the running component down, passes the message on and runs nothing more", async () => {
    const [running, never] = [new Echo(), new MockChild()];
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new Seq(running, never)).settle();
    harness.send("control", stop);
    await harness.finish();
    expect([running.finished, never.wasActivated]).toEqual([true, false]);
    expect(harness.take("signal")).toEqual([stop]);
  });

  it("refuses an item that is neither a component instance nor a string", () => {
    expect(thrown(() => new Seq("start", 42 as unknown as Component))).toMatchInlineSnapshot(`"BadComponent: a number is not a component. Seq item 2 must be a component instance or a string."`);
  });

  it("ends with the error of a component that throws, running nothing after it", async () => {
    const broken = new Thrower(new Error("bad step"));
    const after = new MockChild();
    const harness = new Harness(new Seq(broken, after));
    const error = await rejection(harness.finish());
    expect((error as ComponentError).component).toBe(broken);
    expect([harness.component.exitError, after.wasActivated]).toEqual([error, false]);
  });
});
