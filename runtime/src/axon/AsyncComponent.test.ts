import { describe, expect, it } from "vitest";
import { AsyncComponent, ComponentStopped } from "./AsyncComponent.js";
import { ComponentError } from "./AxonExceptions.js";
import { Component } from "./Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "./Ipc.js";
import { Collector, Harness, TimedSource, WakeCounter, testScheduler } from "../test-support/harness.js";

/** Lets every pending promise callback run. */
function settlePromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe("AsyncComponent.receive", () => {
  it("resolves with each next message, waiting for it when the inbox is empty", async () => {
    class Stamper extends AsyncComponent {
      override async main() {
        for (let i = 0; i < 3; i++) {
          const message = await this.receive();
          this.send([message, this.scheduler?.clock.now()]);
        }
      }
    }
    const harness = new Harness(new Stamper());
    harness.send("inbox", "a");
    const source = new TimedSource([
      [100, "b"],
      [250, "c"],
    ]);
    const wiring = new Component();
    wiring.link([source, "outbox"], [harness.component, "inbox"]);
    source.activate(harness.scheduler);
    await harness.finish();
    expect(harness.take()).toEqual([
      ["a", 0],
      ["b", 100],
      ["c", 250],
    ]);
  });

  it("takes messages already waiting without another scheduler cycle", async () => {
    class Reader extends AsyncComponent {
      readonly got: unknown[] = [];
      override async main() {
        for (;;) this.got.push(await this.receive());
      }
    }
    const reader = new Reader();
    const harness = new Harness(reader).send("inbox", "a", "b", "c");
    harness.scheduler.runUntilIdle();
    await settlePromises();
    expect(reader.got).toEqual(["a", "b", "c"]);
    expect(reader.dataReady("inbox")).toBe(0);
    reader.stop();
  });

  it("reads the inbox it is given", async () => {
    class ControlReader extends AsyncComponent {
      override async main() {
        this.send(await this.receive("control"));
      }
    }
    const shutdown = new ShutdownMicroprocess();
    const harness = new Harness(new ControlReader()).send("inbox", "data").send("control", shutdown);
    await harness.finish();
    expect(harness.take()).toEqual([shutdown]);
    expect(harness.component.dataReady("inbox")).toBe(1);
  });
});

describe("AsyncComponent.waitForAny", () => {
  it("resolves with the name of the box a message arrives in", async () => {
    class Watcher extends AsyncComponent {
      override async main() {
        this.send(await this.waitForAny("inbox", "control"));
      }
    }
    const watcher = new Watcher();
    const harness = new Harness(watcher);
    const source = new TimedSource([]);
    new Component().link([source, "signal"], [watcher, "control"]);
    source.activate(harness.scheduler);
    await harness.finish();
    expect(harness.take()).toEqual(["control"]);
  });

  it("names the first box, in the order asked, that already holds a message", async () => {
    class Watcher extends AsyncComponent {
      override async main() {
        this.send(await this.waitForAny("control", "inbox"));
        this.send(await this.waitForAny("inbox", "control"));
      }
    }
    const harness = new Harness(new Watcher()).send("inbox", "data").send("control", "stop");
    await harness.finish();
    expect(harness.take()).toEqual(["control", "inbox"]);
  });

  it("watches every inbox when given none", async () => {
    class Watcher extends AsyncComponent {
      static override Inboxes = ["inbox", "control", "extra"];
      override async main() {
        this.send(await this.waitForAny());
      }
    }
    const harness = new Harness(new Watcher()).send("extra", 1);
    await harness.finish();
    expect(harness.take()).toEqual(["extra"]);
  });
});

describe("AsyncComponent.sendWhenSpace", () => {
  it("delivers everything exactly once and in order into a bounded inbox while the consumer is slow", async () => {
    class Counter extends AsyncComponent {
      override async main() {
        for (let i = 0; i < 20; i++) await this.sendWhenSpace(i);
        this.send(new ProducerFinished(this), "signal");
      }
    }
    const scheduler = testScheduler();
    const counter = new Counter();
    const consumer = new Collector(10);
    const wiring = new Component();
    wiring.link([counter, "outbox"], [consumer, "inbox"], { pipewidth: 3 });
    wiring.link([counter, "signal"], [consumer, "control"]);
    counter.activate(scheduler);
    consumer.activate(scheduler);
    await scheduler.runThreads();
    expect(consumer.received).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(consumer.control).toEqual([expect.any(ProducerFinished)]);
    expect(consumer.mostWaiting).toBe(3);
    expect(scheduler.clock.now()).toBe(200);
  });

  it("is woken by every take that makes room, even when the takes come from outside any cycle", async () => {
    class Numbers extends AsyncComponent {
      override async main() {
        for (let n = 1; n <= 7; n++) await this.sendWhenSpace(n);
        this.send(new ProducerFinished(this), "signal");
      }
    }
    // The collector is never scheduled: each take() happens between cycles, as ordinary code's would.
    const harness = new Harness(new Numbers()).limit("outbox", 2);
    const batches: unknown[][] = [];
    for (let round = 0; round < 10 && !harness.component.finished; round++) {
      harness.settle();
      await settlePromises();
      batches.push(harness.take("outbox"));
    }
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(batches.filter((batch) => batch.length > 0)).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
    expect(harness.component.finished).toBe(true);
  });

  it("sends at once while there is space", async () => {
    class Pair extends AsyncComponent {
      override async main() {
        await this.sendWhenSpace("first");
        await this.sendWhenSpace("second", "signal");
      }
    }
    const harness = new Harness(new Pair());
    await harness.finish();
    expect([harness.take(), harness.take("signal")]).toEqual([["first"], ["second"]]);
  });
});

describe("AsyncComponent.stop", () => {
  class Waiter extends AsyncComponent {
    waits: Promise<unknown>[] = [];
    aborts = 0;
    override async main() {
      this.signal.addEventListener("abort", () => this.aborts++);
      this.waits = [this.receive(), this.waitForAny("control"), this.sendWhenSpace("x"), this.childrenDone()];
      await Promise.all(this.waits);
    }
  }

  /** A Waiter stuck on all four kinds of wait: no message, a full destination, a child still running. */
  function stuckWaiter() {
    const scheduler = testScheduler();
    const waiter = new Waiter();
    const full = new Component();
    new Component().link([waiter, "outbox"], [full, "inbox"], { pipewidth: 0 });
    waiter.addChildren(new Component());
    waiter.activate(scheduler);
    scheduler.runUntilIdle();
    return { scheduler, waiter };
  }

  it("rejects every pending wait with ComponentStopped", async () => {
    const { scheduler, waiter } = stuckWaiter();
    expect(waiter.waits).toHaveLength(4);
    waiter.stop();
    const outcomes = await Promise.allSettled(waiter.waits);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ComponentStopped);
    }
    expect(String((outcomes[0] as PromiseRejectedResult).reason).replace(waiter.name, "Waiter_N")).toMatchInlineSnapshot(
      `"ComponentStopped: Waiter_N was stopped while it was waiting. Nothing to do: this ends its main()."`,
    );
    expect(waiter.finished).toBe(true);
    expect(scheduler.listAllThreads()).toEqual([]);
  });

  it("aborts its signal once, with ComponentStopped as the reason", () => {
    const { waiter } = stuckWaiter();
    expect(waiter.signal.aborted).toBe(false);
    waiter.stop();
    expect(waiter.signal.aborted).toBe(true);
    expect(waiter.signal.reason).toBeInstanceOf(ComponentStopped);
    expect(waiter.aborts).toBe(1);
  });

  it("reports its signal as aborted when it is first read after the stop", async () => {
    class Late extends AsyncComponent {
      override async main() {
        await this.receive();
      }
    }
    const late = new Late();
    const harness = new Harness(late);
    harness.scheduler.runUntilIdle();
    late.stop();
    await settlePromises();
    expect(late.signal.aborted).toBe(true);
  });

  it("rejects a wait started after it was stopped", async () => {
    const { waiter } = stuckWaiter();
    waiter.stop();
    await expect(waiter.receive()).rejects.toBeInstanceOf(ComponentStopped);
  });

  it("is stopped with the rest of the system by scheduler.stop()", async () => {
    const { scheduler, waiter } = stuckWaiter();
    scheduler.stop();
    await expect(waiter.waits[0]).rejects.toBeInstanceOf(ComponentStopped);
    expect(waiter.signal.aborted).toBe(true);
  });
});

describe("AsyncComponent.childrenDone", () => {
  it("resolves when the last of its children has ended", async () => {
    class Sleeper extends Component {
      constructor(readonly ms: number) {
        super();
      }
      override *main() {
        yield this.sleep(this.ms);
      }
    }
    class Parent extends AsyncComponent {
      override async main() {
        const children = [new Sleeper(300), new Sleeper(100)];
        this.addChildren(...children);
        for (const child of children) child.activate(this.scheduler ?? undefined);
        await this.childrenDone();
        this.send(["children done at", this.scheduler?.clock.now()]);
      }
    }
    const harness = new Harness(new Parent());
    await harness.finish();
    expect(harness.take()).toEqual([["children done at", 300]]);
  });

  it("resolves at once when it has no children", async () => {
    class Parent extends AsyncComponent {
      override async main() {
        await this.childrenDone();
        this.send("done");
      }
    }
    const harness = new Harness(new Parent());
    await harness.finish();
    expect(harness.take()).toEqual(["done"]);
  });
});

describe("AsyncComponent in a system", () => {
  it("works as a stage between generator components, passing ProducerFinished on", async () => {
    class Upper extends AsyncComponent {
      override async main() {
        for (;;) {
          if ((await this.waitForAny("inbox", "control")) === "control") {
            this.send(this.recv("control"), "signal");
            return;
          }
          this.send(String(this.recv("inbox")).toUpperCase());
        }
      }
    }
    const scheduler = testScheduler();
    const source = new TimedSource([
      [0, "hello"],
      [0, "async"],
      [50, "world"],
    ]);
    const upper = new Upper();
    const sink = new Collector();
    const wiring = new Component();
    wiring.link([source, "outbox"], [upper, "inbox"]);
    wiring.link([source, "signal"], [upper, "control"]);
    wiring.link([upper, "outbox"], [sink, "inbox"]);
    wiring.link([upper, "signal"], [sink, "control"]);
    for (const component of [source, upper, sink]) component.activate(scheduler);
    await scheduler.runThreads();
    expect(sink.received).toEqual(["HELLO", "ASYNC", "WORLD"]);
    expect(sink.control).toEqual([expect.any(ProducerFinished)]);
    expect([source.finished, upper.finished, sink.finished]).toEqual([true, true, true]);
    expect(scheduler.listAllThreads()).toEqual([]);
  });

  it("makes runThreads reject with a ComponentError naming it when its async main throws", async () => {
    const boom = new Error("boom");
    class Broken extends AsyncComponent {
      override async main() {
        await this.receive();
        throw boom;
      }
    }
    const broken = new Broken();
    const harness = new Harness(broken).send("inbox", "trigger");
    const bystander = new WakeCounter().activate(harness.scheduler);
    const failure: unknown = await harness.finish().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ComponentError);
    expect((failure as ComponentError).component).toBe(broken);
    expect((failure as ComponentError).cause).toBe(boom);
    expect((failure as ComponentError).message).toBe(`${broken.name} failed: Error: boom`);
    expect(broken.exitError).toBe(boom);
    expect(bystander.finished).toBe(true);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("makes runThreads reject when its main() returns an already rejected promise", async () => {
    class Hasty extends AsyncComponent {
      override main(): Promise<void> {
        return Promise.reject(new TypeError("bad start"));
      }
    }
    const hasty = new Hasty();
    const harness = new Harness(hasty);
    await expect(harness.finish()).rejects.toThrow(`${hasty.name} failed: TypeError: bad start`);
  });
});
