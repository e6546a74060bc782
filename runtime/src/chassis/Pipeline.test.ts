import { describe, expect, it } from "vitest";
import { ComponentError } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished } from "../axon/Ipc.js";
import { Scheduler } from "../axon/Scheduler.js";
import { Collector, Harness, MockChild, Thrower, drain, rejection, testScheduler, thrown } from "../test-support/harness.js";
import { Pipeline } from "./Pipeline.js";

/** Sends each of its numbers, then ProducerFinished. */
class Numbers extends Component {
  constructor(readonly numbers: readonly number[]) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (const n of this.numbers) {
      this.send(n);
      yield;
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Doubles what arrives; passes its control message on and ends once its inbox is empty. */
class Doubler extends Component {
  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) this.send(Number(this.recv("inbox")) * 2);
      if (this.dataReady("control") > 0) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

function mockChildren(count: number): MockChild[] {
  return Array.from({ length: count }, () => new MockChild());
}

/** A running Pipeline of `count` MockChildren, with a feeder and a collector on its four boxes. */
function runningPipeline(count: number): { harness: Harness; children: MockChild[] } {
  const children = mockChildren(count);
  const harness = new Harness(new Pipeline(...children)).settle();
  return { harness, children };
}

describe("Pipeline", () => {
  it("activates its children only once it is activated itself, on its own scheduler", () => {
    const scheduler = testScheduler();
    const children = mockChildren(3);
    const pipeline = new Pipeline(...children);
    scheduler.runUntilIdle();
    expect(children.map((child) => [child.wasActivated, child.scheduler])).toEqual(Array(3).fill([false, null]));
    pipeline.activate(scheduler);
    scheduler.runUntilIdle();
    expect(children.every((child) => child.wasActivated && child.scheduler === scheduler)).toBe(true);
    expect(Scheduler.run.listAllThreads().filter((mp) => (children as unknown[]).includes(mp))).toEqual([]);
  });

  it("becomes the parent of its children when it runs", () => {
    const children = mockChildren(2);
    const pipeline = new Pipeline(...children);
    expect(pipeline.childComponents()).toEqual([]);
    new Harness(pipeline).settle();
    expect(pipeline.childComponents()).toEqual(children);
    expect(children.map((child) => child.parent)).toEqual([pipeline, pipeline]);
  });

  it("terminates only when all its children have terminated", () => {
    const { harness, children } = runningPipeline(3);
    const pipeline = harness.component;
    for (const child of children) {
      expect(pipeline.finished).toBe(false);
      child.stopNow();
      harness.settle();
      expect(child.finished).toBe(true);
    }
    expect(pipeline.finished).toBe(true);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("wires each child's outbox to the next child's inbox", () => {
    const { children } = runningPipeline(4);
    const sent = children.slice(0, -1).map((child, i) => {
      const message = { from: i };
      child.send(message, "outbox");
      return message;
    });
    expect(children.map((child) => drain(child, "inbox"))).toEqual([[], ...sent.map((message) => [message])]);
    expect(children.map((child) => drain(child, "control"))).toEqual([[], [], [], []]);
  });

  it("wires each child's signal to the next child's control", () => {
    const { children } = runningPipeline(4);
    const sent = children.slice(0, -1).map((child, i) => {
      const message = { from: i };
      child.send(message, "signal");
      return message;
    });
    expect(children.map((child) => drain(child, "control"))).toEqual([[], ...sent.map((message) => [message])]);
    expect(children.map((child) => drain(child, "inbox"))).toEqual([[], [], [], []]);
  });

  it("feeds its own inbox and control to the first child", () => {
    const { harness, children } = runningPipeline(4);
    const [first, ...rest] = children as [MockChild, ...MockChild[]];
    const [data, shutdown] = [{ data: 1 }, new ProducerFinished()];
    harness.send("inbox", data).send("control", shutdown).settle();
    expect([drain(first, "inbox"), drain(first, "control")]).toEqual([[data], [shutdown]]);
    expect(rest.some((child) => child.anyReady())).toBe(false);
  });

  it("sends the last child's outbox and signal out of its own", () => {
    const { harness, children } = runningPipeline(4);
    const [, , , last] = children as [MockChild, MockChild, MockChild, MockChild];
    const [data, shutdown] = [{ data: 1 }, new ProducerFinished()];
    last.send(data, "outbox");
    last.send(shutdown, "signal");
    expect([harness.take("outbox"), harness.take("signal")]).toEqual([[data], [shutdown]]);
  });

  it("wires a single child to all four of its boxes", () => {
    const { harness, children } = runningPipeline(1);
    const [only] = children as [MockChild];
    harness.send("inbox", "in").send("control", "stop").settle();
    expect([drain(only, "inbox"), drain(only, "control")]).toEqual([["in"], ["stop"]]);
    only.send("out", "outbox");
    only.send("done", "signal");
    expect([harness.take("outbox"), harness.take("signal")]).toEqual([["out"], ["done"]]);
  });

  it("passes data and shutdown down the line and ends when the last stage has ended", async () => {
    const harness = new Harness(new Pipeline(new Numbers([1, 2, 3]), new Doubler(), new Doubler()));
    await harness.finish();
    expect(harness.take("outbox")).toEqual([4, 8, 12]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component.finished).toBe(true);
  });

  it("runs as one stage of another pipeline", async () => {
    const inner = new Pipeline(new Doubler(), new Doubler());
    const harness = new Harness(new Pipeline(new Numbers([1, 2]), inner, new Doubler()));
    await harness.finish();
    expect(harness.take("outbox")).toEqual([8, 16]);
    expect(inner.finished).toBe(true);
  });

  it("removes the links to each child as it ends, and its own links when it ends", async () => {
    const collector = new Collector();
    const pipeline = new Pipeline(new Numbers([1]), new Doubler(), collector);
    const scheduler = testScheduler();
    pipeline.activate(scheduler);
    await scheduler.runThreads();
    expect(collector.received).toEqual([2]);
    expect(scheduler.topology().linkages).toEqual([]);
    expect(pipeline.childComponents()).toEqual([]);
  });

  it("with no children, ends as soon as it runs", async () => {
    const harness = new Harness(new Pipeline());
    await harness.finish();
    expect(harness.component.finished).toBe(true);
    expect(harness.take("signal")).toEqual([]);
  });

  it("refuses an argument that is not a component instance, saying which", () => {
    expect(thrown(() => new Pipeline(new Component(), Component as unknown as Component))).toMatchInlineSnapshot(`"BadComponent: the class Component is not a component. Pipeline argument 2 must be a component instance (new Child(), not Child)."`);
  });

  it("ends with the error of a child that throws, stopping the other children", async () => {
    const failure = new Error("stage two broke");
    const [first, last] = [new MockChild(), new MockChild()];
    const broken = new Thrower(failure, 1);
    const pipeline = new Pipeline(first, broken, last);
    const scheduler = testScheduler();
    pipeline.activate(scheduler);
    const error = await rejection(scheduler.runThreads());
    expect(error).toBeInstanceOf(ComponentError);
    expect((error as ComponentError).component).toBe(broken);
    expect((error as ComponentError).cause).toBe(failure);
    expect(pipeline.exitError).toBe(error);
    expect([first.finished, last.finished, pipeline.finished]).toEqual([true, true, true]);
  });

  it("with containErrors, reports a child that throws and carries on with the others", async () => {
    const reports: ComponentError[] = [];
    const [first, last] = [new MockChild(), new MockChild()];
    const broken = new Thrower(new Error("lost"));
    const harness = new Harness(new Pipeline(first, broken, last).containErrors((failure) => reports.push(failure))).settle();
    expect(reports.map((report) => report.component)).toEqual([broken]);
    expect(harness.component.finished).toBe(false);
    first.stopNow();
    last.stopNow();
    await harness.finish();
    expect(harness.component.exitError).toBeUndefined();
    expect(reports).toHaveLength(1);
  });
});
