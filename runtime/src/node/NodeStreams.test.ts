import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterEach, describe, expect, it } from "vitest";
import { Component, ProducerFinished, fromAsyncIterable } from "../index.js";
import { Collector, stopDefaultScheduler } from "../test-support/harness.js";
import { toNodeReadable, toNodeWritable } from "./NodeStreams.js";

/** An object-mode Writable that keeps every chunk written to it. */
function arrayWritable(chunks: unknown[]): Writable {
  return new Writable({
    objectMode: true,
    write(chunk: unknown, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
}

/** An object-mode Transform that upper-cases strings. */
function upperCase(): Transform {
  return new Transform({
    objectMode: true,
    transform(chunk: unknown, _encoding, callback) {
      callback(null, String(chunk).toUpperCase());
    },
  });
}

/** Fails as soon as anything arrives. */
class Fragile extends Component {
  override *main() {
    while (!this.dataReady("inbox")) {
      this.pause();
      yield;
    }
    throw new Error("cannot take this");
  }
}

afterEach(() => {
  expect(stopDefaultScheduler()).toEqual([]);
});

describe("toNodeReadable", () => {
  it("feeds a node:stream pipeline with what the component sends, in order", async () => {
    const chunks: unknown[] = [];
    await pipeline(toNodeReadable(fromAsyncIterable(["a", "b", "c"])), upperCase(), arrayWritable(chunks));
    expect(chunks).toEqual(["A", "B", "C"]);
  });

  it("reads the outbox it is given", async () => {
    const chunks: unknown[] = [];
    await pipeline(toNodeReadable(fromAsyncIterable(["x"]), "signal"), arrayWritable(chunks));
    expect(chunks).toEqual([expect.any(ProducerFinished)]);
  });

  it("carries values that are not strings or buffers, in object mode", async () => {
    const items = [{ id: 1 }, [2, 3], 4];
    const chunks: unknown[] = [];
    await pipeline(toNodeReadable(fromAsyncIterable(items)), arrayWritable(chunks));
    expect(chunks).toEqual(items);
  });
});

describe("toNodeWritable", () => {
  it("takes a node:stream pipeline's chunks into the inbox and ends the component with ProducerFinished", async () => {
    const sink = new Collector();
    await pipeline(Readable.from(["x", "y", "z"]), upperCase(), toNodeWritable(sink));
    expect(sink.received).toEqual(["X", "Y", "Z"]);
    expect(sink.control).toEqual([expect.any(ProducerFinished)]);
    expect(sink.finished).toBe(true);
  });

  it("rejects the pipeline when the component fails", async () => {
    const fragile = new Fragile();
    await expect(pipeline(Readable.from(["boom", "more"]), toNodeWritable(fragile))).rejects.toThrow(fragile.name);
    expect(fragile.exitError).toBeInstanceOf(Error);
  });
});

describe("Node streams on both sides of a component", () => {
  it("runs a pipeline from a component, through Node, into another component", async () => {
    const sink = new Collector();
    await pipeline(toNodeReadable(fromAsyncIterable(["kamaelia", "node"])), upperCase(), toNodeWritable(sink));
    expect(sink.received).toEqual(["KAMAELIA", "NODE"]);
    expect(sink.control).toEqual([expect.any(ProducerFinished)]);
  });
});
