/**
 * Adapters between components and Node streams. (A Node Readable is an async iterable: use
 * `fromAsyncIterable` to make a source component from one.)
 * @module
 */

import { Readable, Writable } from "node:stream";
import { toReadableStream, toWritableStream, type Component } from "../index.js";

/**
 * A Node `Readable` (object mode) of what a component sends from an outbox (default `"outbox"`).
 * @remarks Pulled: the component's messages are taken only as fast as the stream is read.
 * @example
 * ```ts
 * import { fromAsyncIterable } from "kamaelia";
 * import { toNodeReadable } from "kamaelia/node";
 * for await (const line of toNodeReadable(fromAsyncIterable(["a", "b"]))) console.log(line); // a, b
 * ```
 */
export function toNodeReadable(component: Component, outbox = "outbox"): Readable {
  return Readable.fromWeb(toReadableStream(component, outbox) as import("node:stream/web").ReadableStream, {
    objectMode: true,
  });
}

/**
 * A Node `Writable` (object mode) whose chunks go into a component's inbox (default `"inbox"`).
 * @remarks Ending the stream sends `ProducerFinished` to the component's `control` inbox; `finish` is
 * emitted once the component has ended. A full inbox holds the writer back.
 * @example
 * ```ts
 * import { pipeline } from "node:stream/promises";
 * import { Readable } from "node:stream";
 * import { Component } from "kamaelia";
 * import { toNodeWritable } from "kamaelia/node";
 * class Printer extends Component {
 *   override *main() {
 *     for (;;) {
 *       while (this.dataReady("inbox")) console.log(this.recv("inbox"));
 *       if (this.dataReady("control")) return;
 *       this.pause();
 *       yield;
 *     }
 *   }
 * }
 * await pipeline(Readable.from(["x", "y"]), toNodeWritable(new Printer())); // x, y
 * ```
 */
export function toNodeWritable(component: Component, inbox = "inbox"): Writable {
  return Writable.fromWeb(toWritableStream(component, inbox) as import("node:stream/web").WritableStream, {
    objectMode: true,
  });
}
