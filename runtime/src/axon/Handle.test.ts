import { afterEach, describe, expect, it } from "vitest";
import { ComponentError } from "./AxonExceptions.js";
import { Component } from "./Component.js";
import { HandleClosed, handle } from "./Handle.js";
import { ProducerFinished, ShutdownMicroprocess } from "./Ipc.js";
import { Scheduler } from "./Scheduler.js";
import { Graphline } from "../chassis/Graphline.js";
import { PassThrough } from "../util/PassThrough.js";
import { stopDefaultScheduler } from "../test-support/harness.js";

/** Sends each message upper-cased; on any control message, passes it on from signal and ends. */
class Upper extends Component {
  readonly controls: unknown[] = [];
  override *main() {
    for (;;) {
      while (this.dataReady("inbox")) this.send(String(this.recv("inbox")).toUpperCase());
      if (this.dataReady("control")) {
        const message = this.recv("control");
        this.controls.push(message);
        this.send(message, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** Sends its messages one per step, then `ProducerFinished` from signal, and ends. */
class Counter extends Component {
  constructor(readonly count: number) {
    super();
  }
  override *main() {
    for (let i = 1; i <= this.count; i++) {
      this.send(i);
      yield;
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Sends everything and ends in its first and only step. */
class Burst extends Component {
  // eslint-disable-next-line require-yield -- ending in its first step, with no yield, is the point
  override *main() {
    this.send("a");
    this.send("b");
    this.send("c");
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Throws as soon as a message arrives. */
class Fragile extends Component {
  static readonly boom = new Error("cannot take this");
  override *main() {
    while (!this.dataReady("inbox")) {
      this.pause();
      yield;
    }
    throw Fragile.boom;
  }
}

afterEach(() => {
  expect(stopDefaultScheduler()).toEqual([]);
});

describe("handle", () => {
  it("puts a message into the component's inbox and gets what it sends back", async () => {
    const upper = handle(new Upper());
    upper.put("hello");
    expect(await upper.get()).toBe("HELLO");
    await upper.shutdown();
  });

  it("leaves a component's internal boxes alone, so a Graphline can pass control on to its children", async () => {
    const system = handle(new Graphline({ A: new PassThrough(), B: new PassThrough() }, { linkages: {} }));
    system.put(new ProducerFinished(), "control");
    await system.done;
    expect(system.component.finished).toBe(true);
  });

  it("waits in get() for a message the component sends later", async () => {
    const upper = handle(new Upper());
    const pending = upper.get();
    upper.put("later");
    expect(await pending).toBe("LATER");
    await upper.shutdown();
  });

  it("hands pending get() calls the messages in the order they were sent", async () => {
    const upper = handle(new Upper());
    const pending = [upper.get(), upper.get(), upper.get()];
    upper.put("one");
    upper.put("two");
    upper.put("three");
    expect(await Promise.all(pending)).toEqual(["ONE", "TWO", "THREE"]);
    await upper.shutdown();
  });

  it("runs the component on the default scheduler, starting it", async () => {
    const upper = handle(new Upper());
    expect(Scheduler.run.isRunning).toBe(true);
    upper.put("ping");
    expect(await upper.get()).toBe("PING");
    expect(upper.component.scheduler).toBe(Scheduler.run);
    await upper.shutdown();
  });

  it("reads the outbox it is given", async () => {
    const counter = handle(new Counter(2));
    expect(await counter.get("signal")).toBeInstanceOf(ProducerFinished);
    expect([await counter.get(), await counter.get()]).toEqual([1, 2]);
  });
});

describe("handle iteration", () => {
  it("yields every message from outbox and ends when the component ends", async () => {
    const counter = handle(new Counter(5));
    const seen: unknown[] = [];
    for await (const message of counter) seen.push(message);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(counter.component.finished).toBe(true);
  });

  it("loses no message sent in the component's very last step", async () => {
    const burst = handle(new Burst());
    const seen: unknown[] = [];
    for await (const message of burst) seen.push(message);
    expect(seen).toEqual(["a", "b", "c"]);
    expect(await burst.get("signal")).toBeInstanceOf(ProducerFinished);
  });
});

describe("handle after the end", () => {
  it("returns what was left from get() first, then rejects with HandleClosed", async () => {
    const burst = handle(new Burst());
    await burst.done;
    expect([await burst.get(), await burst.get(), await burst.get()]).toEqual(["a", "b", "c"]);
    const error: unknown = await burst.get().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(HandleClosed);
    expect(String(error).replace(burst.component.name, "Burst_N")).toMatchInlineSnapshot(
      `"HandleClosed: Burst_N has ended, so there is nothing more to get from "outbox". Check handle.done, or stop reading when iteration ends."`,
    );
  });

  it("rejects a get() that was pending when the component ended", async () => {
    const counter = handle(new Counter(0));
    await expect(counter.get()).rejects.toBeInstanceOf(HandleClosed);
  });

  it("throws HandleClosed from put()", async () => {
    const burst = handle(new Burst());
    await burst.done;
    expect(() => {
      burst.put("too late");
    }).toThrow(HandleClosed);
  });
});

describe("handle.shutdown", () => {
  it("sends ShutdownMicroprocess to control and resolves once the component has ended", async () => {
    const component = new Upper();
    const upper = handle(component);
    upper.put("before");
    await upper.shutdown();
    expect(component.controls).toEqual([expect.any(ShutdownMicroprocess)]);
    expect(component.finished).toBe(true);
    expect(await upper.get()).toBe("BEFORE");
    expect(await upper.get("signal")).toBe(component.controls[0]);
  });

  it("resolves at once for a component that has already ended", async () => {
    const burst = handle(new Burst());
    await burst.done;
    await burst.shutdown();
    expect(burst.component.finished).toBe(true);
  });
});

describe("handle of a failing component", () => {
  it("rejects done with a ComponentError naming the component", async () => {
    const component = new Fragile();
    const fragile = handle(component);
    fragile.put("anything");
    const failure: unknown = await fragile.done.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ComponentError);
    expect((failure as ComponentError).component).toBe(component);
    expect((failure as ComponentError).cause).toBe(Fragile.boom);
  });

  it("rejects a get() that was pending when the component failed", async () => {
    const fragile = handle(new Fragile());
    const pending = fragile.get();
    fragile.put("anything");
    await expect(pending).rejects.toThrow();
    await expect(fragile.done).rejects.toBeInstanceOf(ComponentError);
  });

  it("rejects a pending get() with the ComponentError naming the component", async () => {
    const component = new Fragile();
    const fragile = handle(component);
    const pending = fragile.get();
    fragile.put("anything");
    const failure: unknown = await pending.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ComponentError);
    expect((failure as ComponentError).component).toBe(component);
  });

  it("makes iteration throw the ComponentError instead of ending quietly", async () => {
    const fragile = handle(new Fragile());
    fragile.put("anything");
    const seen: unknown[] = [];
    const iterate = async () => {
      for await (const message of fragile) seen.push(message);
    };
    await expect(iterate()).rejects.toBeInstanceOf(ComponentError);
    expect(seen).toEqual([]);
  });
});
