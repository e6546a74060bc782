import { describe, expect, it } from "vitest";
import { BadComponent } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished } from "../axon/Ipc.js";
import { Collector, TimedSource, drain, testScheduler } from "../test-support/harness.js";
import { Plug } from "./Plug.js";
import { PlugSplitter } from "./PlugSplitter.js";
import { AddSink, RemoveSink } from "./Splitter.js";

/** Takes its first message, sends it on, and ends. */
class TakeOne extends Component {
  override *main(): Generator<unknown, void, unknown> {
    while (this.dataReady("inbox") === 0) {
      this.pause();
      yield;
    }
    this.send(this.recv("inbox"));
  }
}

describe("Plug", () => {
  it("gives its component everything the splitter sends, then the shutdown, and ends after it", async () => {
    const scheduler = testScheduler();
    const splitter = new PlugSplitter(new TimedSource([[10, "a"], [20, "b"]]));
    const [first, second] = [new Collector(), new Collector()];
    const plugs = [new Plug(splitter, first), new Plug(splitter, second)];
    for (const plug of plugs) plug.activate(scheduler);
    splitter.activate(scheduler);
    await scheduler.runThreads();
    for (const collector of [first, second]) {
      expect(collector.received).toEqual(["a", "b"]);
      expect(collector.control).toEqual([expect.any(ProducerFinished)]);
    }
    expect(plugs.every((plug) => plug.finished)).toBe(true);
  });

  it("asks to be attached when it runs and detached when its component ends", () => {
    const scheduler = testScheduler();
    const splitter = new Component();
    splitter._createInbox("configuration");
    const plug = new Plug(splitter, new TakeOne()).activate(scheduler);
    const feeder = new Component();
    feeder.link([feeder, "outbox"], [plug, "inbox"]);
    scheduler.runUntilIdle();
    expect(drain(splitter, "configuration")).toEqual([new AddSink(plug, "inbox", "control")]);
    feeder.send("only");
    scheduler.runUntilIdle();
    expect(drain(splitter, "configuration")).toEqual([new RemoveSink(plug, "inbox", "control")]);
    expect(plug.finished).toBe(true);
  });

  it("feeds its own inbox to its component and sends the component's outbox out of its own", () => {
    const scheduler = testScheduler();
    const splitter = new Component();
    splitter._createInbox("configuration");
    const plug = new Plug(splitter, new TakeOne());
    const [feeder, downstream, wiring] = [new Component(), new Component(), new Component()];
    wiring.link([feeder, "outbox"], [plug, "inbox"]);
    wiring.link([plug, "outbox"], [downstream, "inbox"]);
    plug.activate(scheduler);
    scheduler.runUntilIdle();
    feeder.send("hello");
    scheduler.runUntilIdle();
    expect(drain(downstream)).toEqual(["hello"]);
  });

  it("stops sending to a plugged component once it has ended", async () => {
    const scheduler = testScheduler();
    const splitter = new PlugSplitter();
    const early = new TakeOne();
    const plugEarly = new Plug(splitter, early).activate(scheduler);
    const late = new Collector();
    const plugLate = new Plug(splitter, late).activate(scheduler);
    splitter.activate(scheduler);
    scheduler.runUntilIdle();
    const wiring = new Component();
    wiring.link([wiring, "outbox"], [splitter, "inbox"]);
    wiring.link([wiring, "signal"], [splitter, "control"]);
    wiring.send(1);
    scheduler.runUntilIdle();
    expect(plugEarly.finished).toBe(true);
    wiring.send(2);
    wiring.send(new ProducerFinished(), "signal");
    await scheduler.runThreads();
    expect(late.received).toEqual([1, 2]);
    expect(Object.keys(splitter.outboxes)).toEqual(["outbox", "signal", `${plugLate.name}-inbox`, `${plugLate.name}-control`]);
  });

  it("refuses a splitter or component that is not a component instance", () => {
    expect(() => new Plug("splitter" as unknown as Component, new Component())).toThrow(BadComponent);
    expect(() => new Plug(new Component(), Component as unknown as Component)).toThrow(BadComponent);
  });
});
