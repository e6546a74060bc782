import { afterEach, describe, expect, it } from "vitest";
import { ComponentError } from "./AxonExceptions.js";
import { HandleClosed } from "./Handle.js";
import { Component } from "./Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "./Ipc.js";
import { VirtualClock } from "./Clock.js";
import { Scheduler } from "./Scheduler.js";
import {
  IterableSource,
  fromAsyncIterable,
  fromReadableStream,
  toAsyncIterable,
  toReadableStream,
  toWritableStream,
} from "./Streams.js";
import { Collector, Harness, TimedSource, stopDefaultScheduler, whenIdle } from "../test-support/harness.js";

/** Counts how many items have been pulled from it and whether it was closed. */
class Tally {
  pulled = 0;
  closed = false;

  /** 0, 1, 2, ... up to `count` items (for ever by default). */
  *numbers(count = Infinity): Generator<number, void, undefined> {
    try {
      while (this.pulled < count) yield this.pulled++;
    } finally {
      this.closed = true;
    }
  }
}

/** A system of components on a fresh scheduler with a virtual clock, wired by a component never run. */
function virtualSystem() {
  const clock = new VirtualClock();
  const scheduler = new Scheduler({ clock });
  const wiring = new Component();
  const start = (...components: Component[]) => {
    for (const component of components) component.activate(scheduler);
  };
  return { clock, scheduler, wiring, start };
}

/** Sends everything it gets upper-cased, and ends on its first control message. */
class Upper extends Component {
  override *main() {
    for (;;) {
      while (this.dataReady("inbox")) this.send(String(this.recv("inbox")).toUpperCase());
      if (this.dataReady("control")) return;
      this.pause();
      yield;
    }
  }
}

/** Throws in its first step. */
class Broken extends Component {
  override *main() {
    yield;
    throw new Error("broken");
  }
}

afterEach(() => {
  expect(stopDefaultScheduler()).toEqual([]);
});

describe("fromAsyncIterable", () => {
  it("sends every item of an async iterable in order, then ProducerFinished", async () => {
    async function* letters() {
      yield "x";
      await Promise.resolve();
      yield "y";
      yield "z";
    }
    const source = fromAsyncIterable(letters());
    expect(source).toBeInstanceOf(IterableSource);
    const harness = new Harness(source);
    await harness.finish();
    expect(harness.take()).toEqual(["x", "y", "z"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("sends the items of a plain iterable", async () => {
    const harness = new Harness(new IterableSource(new Set([3, 1, 2])));
    await harness.finish();
    expect(harness.take()).toEqual([3, 1, 2]);
  });

  it("loses nothing into a bounded, slow destination and never holds more than it takes", async () => {
    const { clock, scheduler, wiring, start } = virtualSystem();
    const tally = new Tally();
    const source = fromAsyncIterable(tally.numbers(30));
    const sink = new Collector(10);
    wiring.link([source, "outbox"], [sink, "inbox"], { pipewidth: 2 });
    wiring.link([source, "signal"], [sink, "control"]);
    start(source, sink);
    const running = scheduler.runThreads();
    await whenIdle(clock, 35);
    // By 35 ms the sink has taken 4; 2 wait in its inbox and the source holds 1 it could not send.
    expect([sink.received.length, sink.dataReady("inbox"), tally.pulled]).toEqual([4, 2, 7]);
    await running;
    expect(sink.received).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(sink.control).toEqual([expect.any(ProducerFinished)]);
    expect(sink.mostWaiting).toBe(2);
  });

  it("stops early on ShutdownMicroprocess, closing the iterable and passing the message on", async () => {
    const { clock, scheduler, wiring, start } = virtualSystem();
    const tally = new Tally();
    const source = fromAsyncIterable(tally.numbers());
    const sink = new Collector(10);
    const shutdown = new ShutdownMicroprocess();
    const stopper = new TimedSource([[25, shutdown]]);
    wiring.link([source, "outbox"], [sink, "inbox"], { pipewidth: 1 });
    wiring.link([source, "signal"], [sink, "control"]);
    wiring.link([stopper, "outbox"], [source, "control"]);
    start(source, sink, stopper);
    await scheduler.runThreads();
    expect(tally.closed).toBe(true);
    expect(sink.control).toEqual([shutdown]);
    expect(sink.received).toEqual(Array.from({ length: sink.received.length }, (_, i) => i));
    expect(sink.received.length).toBeGreaterThanOrEqual(3);
    expect(tally.pulled).toBeLessThanOrEqual(sink.received.length + 2);
    expect(clock.now()).toBeLessThan(100);
  });
});

describe("toAsyncIterable", () => {
  it("iterates what a component sends until it ends", async () => {
    const seen: unknown[] = [];
    for await (const item of toAsyncIterable(fromAsyncIterable([1, 2, 3]))) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("iterates the outbox it is given", async () => {
    const seen: unknown[] = [];
    for await (const item of toAsyncIterable(fromAsyncIterable(["ignored"]), "signal")) seen.push(item);
    expect(seen).toEqual([expect.any(ProducerFinished)]);
  });

  it("shuts the component down when the loop stops early", async () => {
    const tally = new Tally();
    const source = fromAsyncIterable(tally.numbers());
    const seen: unknown[] = [];
    for await (const item of toAsyncIterable(source)) {
      seen.push(item);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(source.finished).toBe(true);
    expect(tally.closed).toBe(true);
  });

  it("throws when the component fails", async () => {
    const broken = new Broken();
    const iterate = async () => {
      for await (const item of toAsyncIterable(broken)) expect(item).toBeUndefined();
    };
    await expect(iterate()).rejects.toThrow(broken.name);
  });
});

describe("fromReadableStream", () => {
  it("sends each chunk of the stream in order, then ProducerFinished", async () => {
    const stream = new ReadableStream<string>({
      start(controller) {
        controller.enqueue("one");
        controller.enqueue("two");
        controller.close();
      },
    });
    const harness = new Harness(fromReadableStream(stream));
    await harness.finish();
    expect(harness.take()).toEqual(["one", "two"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(stream.locked).toBe(false);
  });

  it("reads the stream only as fast as its destination takes messages", async () => {
    const { clock, scheduler, wiring, start } = virtualSystem();
    let pulls = 0;
    const stream = new ReadableStream<number>(
      {
        pull(controller) {
          controller.enqueue(pulls++);
        },
      },
      { highWaterMark: 0 },
    );
    const source = fromReadableStream(stream);
    const sink = new Collector(10);
    const stopper = new TimedSource([[45, new ShutdownMicroprocess()]]);
    wiring.link([source, "outbox"], [sink, "inbox"], { pipewidth: 1 });
    wiring.link([source, "signal"], [sink, "control"]);
    wiring.link([stopper, "outbox"], [source, "control"]);
    start(source, sink, stopper);
    const running = scheduler.runThreads();
    await whenIdle(clock, 35);
    // Taken by 35 ms: 4. Waiting in the inbox: 1. Held by the source: 1.
    expect([sink.received.length, pulls]).toEqual([4, 6]);
    await running;
    expect(sink.received).toEqual(Array.from({ length: sink.received.length }, (_, i) => i));
    expect(stream.locked).toBe(false);
  });
});

describe("toReadableStream", () => {
  it("gives the reader the component's messages in order, then closes", async () => {
    const reader = toReadableStream(fromAsyncIterable(["a", "b", "c"])).getReader();
    const chunks: unknown[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(chunks).toEqual(["a", "b", "c"]);
  });

  it("with a capacity, takes messages from the component only as the reader asks for them", async () => {
    const { clock, scheduler, start } = virtualSystem();
    const tally = new Tally();
    const source = fromAsyncIterable(tally.numbers(100));
    start(source);
    const reader = toReadableStream(source, "outbox", { capacity: 1 }).getReader();
    await Promise.race([whenIdle(clock), scheduler.runThreads()]);
    const takenBeforeReading = tally.pulled;
    expect((await reader.read()).value).toBe(0);
    await reader.cancel();
    expect(takenBeforeReading).toBeLessThanOrEqual(3);
  });

  it("shuts the component down when the stream is cancelled", async () => {
    const tally = new Tally();
    const source = fromAsyncIterable(tally.numbers());
    const reader = toReadableStream(source).getReader();
    expect((await reader.read()).value).toBe(0);
    await reader.cancel();
    expect(source.finished).toBe(true);
    expect(tally.closed).toBe(true);
  });
});

describe("toWritableStream", () => {
  it("puts each chunk into the inbox; close sends ProducerFinished and resolves once the component has ended", async () => {
    const sink = new Collector();
    const writer = toWritableStream(sink).getWriter();
    await writer.write("a");
    await writer.write("b");
    expect(sink.finished).toBe(false);
    await writer.close();
    expect(sink.finished).toBe(true);
    expect(sink.received).toEqual(["a", "b"]);
    expect(sink.control).toEqual([expect.any(ProducerFinished)]);
  });

  it("writes into the inbox it is given", async () => {
    const upper = new Upper();
    const harness = new Harness(upper);
    const writer = toWritableStream(upper, "inbox").getWriter();
    await writer.write("quiet");
    await writer.close();
    expect(harness.take()).toEqual(["QUIET"]);
  });

  it("sends ShutdownMicroprocess when the stream is aborted", async () => {
    const sink = new Collector();
    const writer = toWritableStream(sink).getWriter();
    await writer.write("a");
    await writer.abort(new Error("changed my mind"));
    expect(sink.finished).toBe(true);
    expect(sink.control).toEqual([expect.any(ShutdownMicroprocess)]);
  });

  it("holds writes back while the bounded inbox is full, until the component collects", async () => {
    const { clock, start } = virtualSystem();
    const sink = new Collector(100);
    sink.setInboxSize("inbox", 1);
    start(sink);
    const writer = toWritableStream(sink).getWriter();
    const writtenAt: number[] = [];
    const writes = ["a", "b", "c", "d"].map((chunk) =>
      writer.write(chunk).then(() => {
        writtenAt.push(clock.now());
      }),
    );
    await whenIdle(clock, 50);
    // "a" was taken at 0 and "b" took its place; "c" waits for the sink to take "b" at 100.
    expect([sink.received, sink.dataReady("inbox"), writtenAt]).toEqual([["a"], 1, [0, 0]]);
    await Promise.all(writes);
    await writer.close();
    expect(writtenAt).toEqual([0, 0, 100, 200]);
    expect(sink.received).toEqual(["a", "b", "c", "d"]);
    expect(sink.mostWaiting).toBe(1);
  });

  it("rejects close() with the ComponentError when the component failed", async () => {
    class Fragile extends Component {
      override *main() {
        while (!this.dataReady("inbox")) {
          this.pause();
          yield;
        }
        throw new Error("cannot take this");
      }
    }
    const fragile = new Fragile();
    const writer = toWritableStream(fragile).getWriter();
    await writer.write("boom");
    const failure: unknown = await writer.close().catch((error: unknown) => error);
    expect(fragile.exitError).toBeInstanceOf(Error);
    expect(failure).toBeInstanceOf(ComponentError);
  });

  it("rejects writes once the component has ended", async () => {
    class TakesOne extends Component {
      override *main() {
        while (!this.dataReady("inbox")) {
          this.pause();
          yield;
        }
      }
    }
    const { clock, scheduler, start } = virtualSystem();
    const takesOne = new TakesOne();
    start(takesOne);
    const writer = toWritableStream(takesOne).getWriter();
    await writer.write("first");
    await Promise.race([whenIdle(clock), scheduler.runThreads()]);
    const error: unknown = await writer.write("second").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(HandleClosed);
    expect(takesOne.finished).toBe(true);
  });
});
