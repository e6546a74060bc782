import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess, Status } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { DataSource, TriggeredSource } from "./DataSource.js";

describe("DataSource", () => {
  it("sends its messages in order, then ProducerFinished from itself, and ends", async () => {
    const source = new DataSource(["hello", "world"]);
    const out = await runComponent(source);
    expect(out["outbox"]).toEqual(["hello", "world"]);
    expect(out["signal"]).toEqual([new ProducerFinished(source)]);
    expect((out["signal"]?.[0] as ProducerFinished).caller).toBe(source);
    expect(source.finished).toBe(true);
  });

  it("sends one message per scheduler cycle", () => {
    const harness = new Harness(new DataSource([1, 2, 3]));
    harness.scheduler.step(); // the activation takes effect at the end of this first cycle
    const perCycle: unknown[][] = [];
    for (let cycle = 0; cycle < 4; cycle++) {
      harness.scheduler.step();
      perCycle.push(harness.take());
    }
    expect(perCycle).toEqual([[1], [2], [3], []]);
    expect(harness.take("signal")).toEqual([new ProducerFinished(harness.component)]);
  });

  it("sends only ProducerFinished when given nothing", async () => {
    const out = await runComponent(new DataSource([]));
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toHaveLength(1);
    expect(out["signal"]?.[0]).toBeInstanceOf(ProducerFinished);
  });

  it("reads any iterable lazily, an endless generator included, and stops on ShutdownMicroprocess", () => {
    let made = 0;
    function* naturals(): Generator<number> {
      for (;;) yield ++made;
    }
    const harness = new Harness(new DataSource(naturals()));
    harness.scheduler.step(); // the activation takes effect at the end of this first cycle
    harness.scheduler.step();
    harness.scheduler.step();
    expect(harness.take()).toEqual([1, 2]);
    const stop = new ShutdownMicroprocess();
    harness.send("control", stop);
    harness.scheduler.step();
    harness.scheduler.step();
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.component.finished).toBe(true);
    expect(made).toBe(3);
  });

  it("sends the rest after a ProducerFinished on control, then passes that one on instead of its own", async () => {
    const upstream = new ProducerFinished("upstream");
    const out = await runComponent(new DataSource(["a", "b"]), { control: [upstream] });
    expect(out["outbox"]).toEqual(["a", "b"]);
    expect(out["signal"]).toEqual([upstream]);
    expect(out["signal"]?.[0]).toBe(upstream);
  });

  it("passes other control messages on from signal", async () => {
    const status = new Status("note");
    const source = new DataSource(["a"]);
    const out = await runComponent(source, { control: [status] });
    expect(out["signal"]).toEqual([status, new ProducerFinished(source)]);
  });
});

describe("TriggeredSource", () => {
  it("sends its preset message once for each message that arrives", async () => {
    const out = await runComponent(new TriggeredSource("wibble"), { inbox: ["line 1", 2, null], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["wibble", "wibble", "wibble"]);
  });

  it("sleeps between triggers", () => {
    const trigger = new TriggeredSource({ go: true });
    const harness = new Harness(trigger).settle();
    expect(harness.scheduler.isThreadPaused(trigger)).toBe(true);
    harness.send("inbox", "now").settle();
    expect(harness.take()).toEqual([{ go: true }]);
    expect(harness.scheduler.isThreadPaused(trigger)).toBe(true);
  });

  it("passes ProducerFinished on after answering every waiting trigger, then ends", async () => {
    const done = new ProducerFinished();
    const trigger = new TriggeredSource("x");
    const out = await runComponent(trigger, { control: [done], inbox: [1, 2] });
    expect(out["outbox"]).toEqual(["x", "x"]);
    expect(out["signal"]).toEqual([done]);
    expect(trigger.finished).toBe(true);
  });
});
