import { describe, expect, it } from "vitest";
import { BadComponent, ComponentError } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, TimedSource, drain, testScheduler } from "../test-support/harness.js";
import { PlugSplitter } from "./PlugSplitter.js";
import { AddSink, RemoveSink } from "./Splitter.js";

/** Echoes its inbox and control from its outbox and signal, and ends on a control message. */
class Echo extends Component {
  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) this.send(this.recv("inbox"));
      if (this.dataReady("control") > 0) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

describe("PlugSplitter", () => {
  it("sends each message out of outbox and to every attached inbox", () => {
    const [a, b] = [new Component(), new Component()];
    const harness = new Harness(new PlugSplitter()).send("configuration", new AddSink(a), new AddSink(b)).send("inbox", 1, 2).settle();
    expect(harness.take("outbox")).toEqual([1, 2]);
    expect(drain(a)).toEqual([1, 2]);
    expect(drain(b)).toEqual([1, 2]);
  });

  it("sends each control message out of signal and to every attached control inbox", () => {
    const a = new Component();
    const splitter = new PlugSplitter();
    const harness = new Harness(splitter).send("configuration", new AddSink(a, "inbox", "control")).send("control", "new playlist").settle();
    expect(harness.take("signal")).toEqual(["new playlist"]);
    expect(drain(a, "control")).toEqual(["new playlist"]);
    expect(splitter.finished).toBe(false);
  });

  it("gives a destination attached later, and then removed, only the messages sent while it was attached", () => {
    const [a, b] = [new Component(), new Component()];
    const harness = new Harness(new PlugSplitter()).send("configuration", new AddSink(a)).send("inbox", 1).settle();
    harness.send("configuration", new AddSink(b)).send("inbox", 2, 3).settle();
    harness.send("configuration", new RemoveSink(b)).send("inbox", 4).settle();
    expect(drain(a)).toEqual([1, 2, 3, 4]);
    expect(drain(b)).toEqual([2, 3]);
  });

  it("without a source, passes ProducerFinished on after the waiting data and ends", async () => {
    const a = new Component();
    const done = new ProducerFinished();
    const harness = new Harness(new PlugSplitter()).send("configuration", new AddSink(a, "inbox", "control")).send("control", done).send("inbox", "x");
    await harness.finish();
    expect(drain(a)).toEqual(["x"]);
    expect(drain(a, "control")).toEqual([done]);
    expect(harness.take("outbox")).toEqual(["x"]);
    expect(harness.take("signal")).toEqual([done]);
  });

  it("without a source, passes ShutdownMicroprocess on at once and ends", async () => {
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new PlugSplitter()).send("inbox", "x").send("control", stop);
    await harness.finish();
    expect(harness.take("outbox")).toEqual([]);
    expect(harness.take("signal")).toEqual([stop]);
  });

  it("with a source, fans out what the source sends and ends once the source has ended", async () => {
    const a = new Component();
    const splitter = new PlugSplitter(new TimedSource([[5, "a"], [10, "b"]]));
    const harness = new Harness(splitter).send("configuration", new AddSink(a, "inbox", "control"));
    await harness.finish();
    expect(harness.take("outbox")).toEqual(["a", "b"]);
    expect(drain(a)).toEqual(["a", "b"]);
    expect(drain(a, "control")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(splitter.finished).toBe(true);
  });

  it("with a source, feeds its own inbox and control to the source", async () => {
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new PlugSplitter(new Echo())).send("inbox", "ping").settle();
    expect(harness.take("outbox")).toEqual(["ping"]);
    await harness.send("control", stop).finish();
    expect(harness.take("signal")).toEqual([stop]);
  });

  it("holds a message for a full destination, losing nothing, until it has room", () => {
    const a = new Component();
    a.setInboxSize("inbox", 1);
    const harness = new Harness(new PlugSplitter()).send("configuration", new AddSink(a)).send("inbox", 1, 2).settle();
    expect(harness.take("outbox")).toEqual([1, 2]);
    expect(drain(a)).toEqual([1]);
    harness.settle();
    expect(drain(a)).toEqual([2]);
  });

  it("ends with the error of a source that fails", async () => {
    class Broken extends Component {
      override *main(): Generator<unknown, void, unknown> {
        yield;
        throw new Error("disk gone");
      }
    }
    const scheduler = testScheduler();
    const splitter = new PlugSplitter(new Broken()).activate(scheduler);
    await expect(scheduler.runThreads()).rejects.toThrow(ComponentError);
    expect(splitter.finished).toBe(true);
  });

  it("reports a request it cannot handle as ErrorInformation on signal", () => {
    const splitter = new PlugSplitter();
    const harness = new Harness(splitter).send("configuration", "add me").settle();
    const [report] = harness.take("signal") as ErrorInformation[];
    expect(report).toBeInstanceOf(ErrorInformation);
    expect(report?.message).toBe(`${splitter.name} skipped the string "add me" on its "configuration" inbox: it accepts AddSink or RemoveSink.`);
  });

  it("refuses a source that is not a component instance", () => {
    expect(() => new PlugSplitter(Component as unknown as Component)).toThrow(BadComponent);
  });
});
