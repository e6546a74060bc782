/**
 * Adapters between components and async iterables and WHATWG streams.
 * @module
 */

import { AsyncComponent } from "./AsyncComponent.js";
import { ComponentError, NoSpaceInBox } from "./AxonExceptions.js";
import type { Component } from "./Component.js";
import { HandleClosed, handle, type HandleOptions } from "./Handle.js";
import { ProducerFinished, ShutdownMicroprocess } from "./Ipc.js";
import { Scheduler } from "./Scheduler.js";

/**
 * The source component made by {@link fromAsyncIterable}: sends each item, then `ProducerFinished`.
 * @remarks Waits for space when its destination is bounded, so a fast source never floods a slow
 * consumer. A message on `control` (`ShutdownMicroprocess` or `ProducerFinished`) stops it early (the
 * iterable is closed) and is passed on.
 * @inbox inbox - not used
 * @inbox control - `ShutdownMicroprocess` or `ProducerFinished` stops it early
 * @outbox outbox - the items, in order
 * @outbox signal - `ProducerFinished` after the last item, or the `ShutdownMicroprocess` that stopped it
 * @example
 * ```ts
 * import { IterableSource, handle } from "kamaelia";
 * const h = handle(new IterableSource(["a", "b"]));
 * for await (const item of h) console.log(item); // a, b
 * ```
 */
export class IterableSource extends AsyncComponent {
  readonly #items: AsyncIterable<unknown> | Iterable<unknown>;

  /** @param items - what to send */
  constructor(items: AsyncIterable<unknown> | Iterable<unknown>) {
    super();
    this.#items = items;
  }

  override async main(): Promise<void> {
    for await (const item of this.#items) {
      for (;;) {
        if (this.dataReady("control") > 0) {
          // Any shutdown message ends a source early; it is passed on so the rest of the chain stops too.
          this.send(this.recv("control"), "signal");
          return;
        }
        try {
          this.send(item);
          break;
        } catch (error) {
          if (!(error instanceof NoSpaceInBox)) throw error;
        }
        // Full downstream: wait for space, or for a shutdown message.
        await this.woken();
      }
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/**
 * Makes a source component from an iterable or async iterable (a Node Readable is one too).
 * @remarks Returns an {@link IterableSource}.
 * @example
 * ```ts
 * import { fromAsyncIterable, toAsyncIterable } from "kamaelia";
 * async function* letters() {
 *   yield "x";
 *   yield "y";
 * }
 * for await (const item of toAsyncIterable(fromAsyncIterable(letters()))) console.log(item); // x, y
 * ```
 */
export function fromAsyncIterable(items: AsyncIterable<unknown> | Iterable<unknown>): IterableSource {
  return new IterableSource(items);
}

/**
 * Iterates what a component sends from an outbox (default `"outbox"`) until it ends.
 * @remarks Activates the component on the default scheduler and starts it (see {@link handle}).
 * Ends when the component ends; throws its `ComponentError` if it failed. Breaking out of the loop
 * shuts the component down.
 * @example
 * ```ts
 * import { fromAsyncIterable, toAsyncIterable } from "kamaelia";
 * const seen: unknown[] = [];
 * for await (const item of toAsyncIterable(fromAsyncIterable([1, 2, 3]))) seen.push(item);
 * console.log(seen); // [ 1, 2, 3 ]
 * ```
 */
export async function* toAsyncIterable(
  component: Component,
  outbox = "outbox",
  options: HandleOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const h = handle(component, options);
  try {
    for (;;) {
      let message: unknown;
      try {
        message = await h.get(outbox);
      } catch (error) {
        if (component.finished && component.exitError === undefined) return;
        throw error;
      }
      yield message;
    }
  } finally {
    if (!component.finished) await h.shutdown();
  }
}

/**
 * Makes a source component from a WHATWG `ReadableStream`: each chunk becomes a message.
 * @remarks The stream is read only as fast as the component's destination takes messages.
 * @example
 * ```ts
 * import { fromReadableStream, toAsyncIterable } from "kamaelia";
 * const stream = new ReadableStream({
 *   start(controller) {
 *     controller.enqueue("one");
 *     controller.enqueue("two");
 *     controller.close();
 *   },
 * });
 * for await (const chunk of toAsyncIterable(fromReadableStream(stream))) console.log(chunk); // one, two
 * ```
 */
export function fromReadableStream(stream: ReadableStream<unknown>): IterableSource {
  return new IterableSource(readChunks(stream));
}

async function* readChunks(stream: ReadableStream<unknown>): AsyncGenerator<unknown, void, undefined> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * A WHATWG `ReadableStream` of what a component sends from an outbox (default `"outbox"`).
 * @remarks The stream takes the next message only when its reader wants one. With `{ capacity }`
 * (see {@link HandleOptions}) at most that many messages wait unread, so a component that handles
 * backpressure (such as {@link IterableSource}) is held back by a slow reader. Cancelling the stream
 * shuts the component down.
 * @example
 * ```ts
 * import { fromAsyncIterable, toReadableStream } from "kamaelia";
 * const reader = toReadableStream(fromAsyncIterable(["a", "b"])).getReader();
 * console.log((await reader.read()).value, (await reader.read()).value); // a b
 * ```
 */
export function toReadableStream(component: Component, outbox = "outbox", options: HandleOptions = {}): ReadableStream<unknown> {
  const iterator = toAsyncIterable(component, outbox, options);
  return new ReadableStream<unknown>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

/**
 * A WHATWG `WritableStream` whose chunks go into a component's inbox (default `"inbox"`).
 * @remarks Closing the stream sends `ProducerFinished` to the component's `control` inbox and resolves
 * when the component has ended; aborting sends `ShutdownMicroprocess`. A full inbox holds the writer
 * back (backpressure) instead of failing.
 * @example
 * ```ts
 * import { Component, toWritableStream } from "kamaelia";
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
 * const writer = toWritableStream(new Printer()).getWriter();
 * await writer.write("hello"); // hello
 * await writer.close();
 * ```
 */
export function toWritableStream(component: Component, inbox = "inbox"): WritableStream<unknown> {
  const writer = new StreamWriter(component, inbox);
  const scheduler = component.scheduler ?? Scheduler.run;
  writer.activate(scheduler);
  const running = scheduler.runThreads();
  const ended = Promise.race([writer.ended, running.then(() => writer.ended)]);
  // A failure surfaces from write(), close() and abort(); keep it from also being reported as unhandled.
  ended.catch(() => undefined);
  return new WritableStream<unknown>({
    async write(chunk) {
      await Promise.race([writer.sendWhenSpace(chunk), ended]);
      if (component.finished) throw new HandleClosed(component, "nothing more can be written to it");
    },
    async close() {
      writer.finish(new ProducerFinished(writer));
      await ended;
    },
    async abort() {
      writer.finish(new ShutdownMicroprocess());
      await ended;
    },
  });
}

/** Feeds a component from a writable stream, waiting for space in its inbox. */
class StreamWriter extends AsyncComponent {
  readonly #target: Component;
  #ended: () => void = () => undefined;
  #failed: (error: unknown) => void = () => undefined;
  /** Resolves when the target (and so this writer) has ended; rejects with its error if it failed. */
  readonly ended = new Promise<void>((resolve, reject) => {
    this.#ended = resolve;
    this.#failed = reject;
  });

  constructor(target: Component, inbox: string) {
    super();
    this.#target = target;
    this.link([this, "outbox"], [target, inbox]);
    this.link([this, "signal"], [target, "control"]);
    this.addChildren(target);
  }

  override async main(): Promise<void> {
    this.#target.activate(this.scheduler ?? undefined);
    await this.childrenDone();
  }

  finish(message: unknown): void {
    if (!this.finished) this.send(message, "signal");
  }

  override _closeDown(): void {
    super._closeDown();
    const failed = this.#target.exitError;
    if (failed === undefined) this.#ended();
    else this.#failed(failed instanceof ComponentError ? failed : new ComponentError(this.#target, failed));
  }
}
