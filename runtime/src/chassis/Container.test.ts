import { afterEach, describe, expect, it, vi } from "vitest";
import { ComponentError } from "../axon/AxonExceptions.js";
import { VirtualClock } from "../axon/Clock.js";
import { Component } from "../axon/Component.js";
import { Scheduler } from "../axon/Scheduler.js";
import { MockChild, Thrower, rejection, testScheduler } from "../test-support/harness.js";
import { Container } from "./Container.js";
import { Graphline } from "./Graphline.js";
import { Pipeline } from "./Pipeline.js";

/** Runs the children it was given. */
class Group extends Container {
  readonly #children: Component[];

  constructor(...children: Component[]) {
    super();
    this.#children = children;
  }

  override *main(): Generator<unknown, void, unknown> {
    yield* this.runChildren(...this.#children);
  }
}

/** Sleeps until stopped, recording that its `finally` block ran. */
class Tidy extends Component {
  tidied = false;

  override *main(): Generator<unknown, void, unknown> {
    try {
      for (;;) {
        this.pause();
        yield;
      }
    } finally {
      this.tidied = true;
    }
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Container", () => {
  it("activates its children when it runs, on its own scheduler and not on the default one", () => {
    const scheduler = testScheduler();
    const children = [new MockChild(), new MockChild()];
    const group = new Group(...children).activate(scheduler);
    expect(children.map((child) => child.scheduler)).toEqual([null, null]);
    scheduler.runUntilIdle();
    expect(children.map((child) => [child.wasActivated, child.scheduler === scheduler, child.parent === group])).toEqual([
      [true, true, true],
      [true, true, true],
    ]);
    expect(Scheduler.run.listAllThreads()).not.toContain(children[0]);
  });

  it("ends when its last child ends, forgetting each child as it ends", () => {
    const scheduler = testScheduler();
    const [first, second] = [new MockChild(), new MockChild()];
    const group = new Group(first, second).activate(scheduler);
    scheduler.runUntilIdle();
    first.stopNow();
    scheduler.runUntilIdle();
    expect([group.finished, group.childComponents()]).toEqual([false, [second]]);
    second.stopNow();
    scheduler.runUntilIdle();
    expect([group.finished, group.childComponents()]).toEqual([true, []]);
  });

  it("ends with the error of a child that throws: runThreads rejects with a ComponentError naming the child", async () => {
    const scheduler = testScheduler();
    const failure = new Error("disk full");
    const broken = new Thrower(failure, 1);
    const sibling = new Tidy();
    const group = new Group(sibling, broken).activate(scheduler);
    const error = await rejection(scheduler.runThreads());
    expect(error).toBeInstanceOf(ComponentError);
    expect(error).toMatchObject({ component: broken, cause: failure, message: `${broken.name} failed: Error: disk full` });
    expect(group.exitError).toBe(error);
    expect([sibling.finished, sibling.tidied, group.finished]).toEqual([true, true, true]);
    expect(scheduler.listAllThreads()).toEqual([]);
  });

  it("passes a child's error up through nested containers, each ending with that same error", async () => {
    const scheduler = testScheduler();
    const broken = new Thrower(new Error("no signal"), 2);
    const inner = new Pipeline(new MockChild(), broken);
    const outer = new Graphline({ INNER: inner, OTHER: new MockChild() }, { linkages: {} }).activate(scheduler);
    const error = await rejection(scheduler.runThreads());
    expect((error as ComponentError).component).toBe(broken);
    expect(inner.exitError).toBe(error);
    expect(outer.exitError).toBe(error);
  });

  it("with containErrors, reports a failing child once and ends normally when the other children end", async () => {
    const scheduler = testScheduler();
    const report = vi.fn();
    const broken = new Thrower(new Error("glitch"));
    const survivor = new MockChild();
    const group = new Group(broken, survivor).containErrors(report).activate(scheduler);
    scheduler.runUntilIdle();
    expect(report).toHaveBeenCalledOnce();
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ component: broken }));
    expect([group.finished, survivor.finished, group.childComponents()]).toEqual([false, false, [survivor]]);
    survivor.stopNow();
    await scheduler.runThreads();
    expect([group.finished, group.exitError]).toEqual([true, undefined]);
    expect(report).toHaveBeenCalledOnce();
  });

  it("with containErrors on an inner container, keeps the failure from the outer one", async () => {
    const scheduler = testScheduler();
    const report = vi.fn();
    const inner = new Pipeline(new Thrower(new Error("glitch"))).containErrors(report);
    const outer = new Group(inner, new Component()).activate(scheduler);
    await scheduler.runThreads();
    expect(report).toHaveBeenCalledOnce();
    expect([inner.exitError, outer.exitError, outer.finished]).toEqual([undefined, undefined, true]);
  });

  it("with containErrors on an outer container, ends the inner one with the error and reports it once", async () => {
    const scheduler = testScheduler();
    const report = vi.fn();
    const broken = new Thrower(new Error("glitch"), 1);
    const inner = new Pipeline(new MockChild(), broken);
    const survivor = new MockChild();
    const outer = new Group(inner, survivor).containErrors(report).activate(scheduler);
    scheduler.runUntilIdle();
    expect(report).toHaveBeenCalledOnce();
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ component: broken }));
    expect(inner.exitError).toBe(report.mock.calls[0]?.[0]);
    expect([outer.finished, outer.childComponents()]).toEqual([false, [survivor]]);
    survivor.stopNow();
    await scheduler.runThreads();
    expect(outer.exitError).toBeUndefined();
  });

  it("with containErrors and no report, writes the failure to console.error", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const scheduler = testScheduler();
    const broken = new Thrower(new Error("glitch"));
    new Group(broken).containErrors().activate(scheduler);
    await scheduler.runThreads();
    expect(errors).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ component: broken }));
  });

  it("with a scheduler that keeps going, ends with the child's error, reported once, while others run on", async () => {
    const failures: ComponentError[] = [];
    const scheduler = new Scheduler({ clock: new VirtualClock(), onError: (failure) => failures.push(failure) });
    const broken = new Thrower(new Error("glitch"), 1);
    const failing = new Group(broken).activate(scheduler);
    const other = new MockChild();
    const healthy = new Group(other).activate(scheduler);
    scheduler.runUntilIdle();
    expect(failures.map((failure) => failure.component)).toEqual([broken]);
    expect(failing.exitError).toBe(failures[0]);
    expect([failing.finished, healthy.finished]).toEqual([true, false]);
    other.stopNow();
    await scheduler.runThreads();
    expect([healthy.finished, healthy.exitError]).toEqual([true, undefined]);
  });
});
