/**
 * Helpers shared by the runtime's tests: fresh schedulers on virtual time and small probe components.
 * @module
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { VirtualClock } from "../axon/Clock.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished } from "../axon/Ipc.js";
import type { Microprocess } from "../axon/Microprocess.js";
import { Scheduler } from "../axon/Scheduler.js";
import {
  ParsedHTTPBodyChunk,
  ParsedHTTPEnd,
  ParsedHTTPError,
  ParsedHTTPHeader,
  type HTTPRequest,
  type HTTPResponseHead,
} from "../protocol/http/HTTPParser.js";
import { describeMessage } from "../util/unhandled.js";

/** A new scheduler on a virtual clock, to step by hand: nothing in a test waits on real time. */
export function testScheduler(): Scheduler {
  return new Scheduler({ clock: new VirtualClock() });
}

/** Takes every message waiting in an inbox of `component` (default `"inbox"`), oldest first. */
export function drain(component: Component, inbox = "inbox"): unknown[] {
  const messages: unknown[] = [];
  while (component.dataReady(inbox)) messages.push(component.recv(inbox));
  return messages;
}

/** A component that does nothing but sleep, counting how many times something woke it. */
export class WakeCounter extends Component {
  /** How many times it has been woken since it first paused. */
  wakes = 0;

  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      this.pause();
      yield;
      this.wakes++;
    }
  }
}

/** A tuple of `N` elements of type `T`. */
export type Tuple<T, N extends number, Built extends T[] = []> = Built["length"] extends N
  ? Built
  : Tuple<T, N, [...Built, T]>;

/** Activates `count` new WakeCounters on `scheduler` and runs it until they all sleep. */
export function sleepingWakeCounters<N extends number>(scheduler: Scheduler, count: N): Tuple<WakeCounter, N> {
  const counters = Array.from({ length: count }, () => new WakeCounter().activate(scheduler));
  scheduler.runUntilIdle();
  return counters as Tuple<WakeCounter, N>;
}

import { Harness } from "../testing/Harness.js";

export { Harness, runComponent } from "../testing/Harness.js";

/**
 * Records what arrives in its inbox and, at the end, its control inbox. It takes every waiting message
 * at each step, or with `takeEveryMs` one message per that many virtual milliseconds (a slow consumer).
 * It ends on the first control message once its inbox is empty, and remembers the most messages that
 * ever waited in its inbox when it looked.
 */
export class Collector extends Component {
  /** What arrived in its inbox, in order. */
  readonly received: unknown[] = [];
  /** The time on its scheduler's clock at which it took each message of `received`. */
  readonly receivedAt: number[] = [];
  /** The control message that ended it. */
  readonly control: unknown[] = [];
  /** The most messages it saw waiting in its inbox at once. */
  mostWaiting = 0;

  constructor(readonly takeEveryMs = 0) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      this.mostWaiting = Math.max(this.mostWaiting, this.dataReady("inbox"));
      if (this.dataReady("inbox") > 0) {
        const now = this.scheduler?.clock.now() ?? 0;
        if (this.takeEveryMs === 0) {
          const taken = drain(this);
          this.received.push(...taken);
          this.receivedAt.push(...taken.map(() => now));
        } else {
          this.received.push(this.recv("inbox"));
          this.receivedAt.push(now);
          yield this.sleep(this.takeEveryMs);
        }
      } else if (this.dataReady("control") > 0) {
        this.control.push(this.recv("control"));
        return;
      } else {
        this.pause();
        yield;
      }
    }
  }
}

/**
 * Resolves once a scheduler running on `clock` (its `runThreads()` started) has had nothing to do and
 * virtual time has moved on by `ms`: every promise chain in between has settled. Something must stay
 * on the scheduler until then, or the virtual clock never moves.
 */
export function whenIdle(clock: VirtualClock, ms = 0): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}

/**
 * Runs `scheduler` until nothing is runnable, letting microtasks run between bursts so that the
 * `"topology"` events it dispatches reach their listeners (and wake whoever they wake).
 */
export async function runUntilQuiet(scheduler: Scheduler): Promise<void> {
  do await Promise.resolve();
  while (scheduler.runUntilIdle() > 0);
}

/** Sends each `[ms, message]` from its outbox once virtual time reaches `ms`, then `ProducerFinished` from signal. */
export class TimedSource extends Component {
  constructor(readonly schedule: readonly (readonly [number, unknown])[]) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (const [at, message] of this.schedule) {
      const now = this.scheduler?.clock.now() ?? 0;
      if (at > now) yield this.sleep(at - now);
      this.send(message);
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/**
 * Stops whatever is left on the default scheduler (which `handle()` and the stream adapters use) and
 * returns it, so that a test can check it ended everything it started and one failure stays local.
 */
export function stopDefaultScheduler(): Microprocess[] {
  const leftovers = Scheduler.run.listAllThreads();
  Scheduler.run.stop();
  return leftovers;
}

/**
 * Sleeps until `stopNow()` is called, then ends normally, as the MockChild of Kamaelia's chassis tests.
 * Messages that arrive wake it but stay in its inboxes, for the test to take.
 */
export class MockChild extends Component {
  /** True once it has started running. */
  wasActivated = false;
  #stopping = false;

  /** Makes it end at its next step. */
  stopNow(): void {
    this.#stopping = true;
    this.unpause();
  }

  override *main(): Generator<unknown, void, unknown> {
    this.wasActivated = true;
    while (!this.#stopping) {
      this.pause();
      yield;
    }
  }
}

/** Throws `error` after yielding `steps` times (its failure is what a test then observes). */
export class Thrower extends Component {
  constructor(
    readonly error: Error,
    readonly steps = 0,
  ) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (let i = 0; i < this.steps; i++) yield;
    throw this.error;
  }
}

/** `"<ErrorName>: <message>"` of what `fn` throws, with the ids in component names replaced by N. */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`, { cause: error });
    return `${error.name}: ${error.message}`.replace(/_\d+/g, "_N");
  }
  throw new Error("expected an error");
}

/** What `promise` rejects with (failing the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (reason: unknown) => reason,
  );
}

/**
 * Runs `harness` on virtual time, jumping from timer to timer, until `untilMs` or until no timer is
 * left, and returns each message that left `box` (default "outbox") with the virtual time it left at.
 */
export function timeline(harness: Harness, box = "outbox", untilMs = Infinity): [ms: number, message: unknown][] {
  const seen: [number, unknown][] = [];
  for (;;) {
    harness.settle();
    for (const message of harness.take(box)) seen.push([harness.clock.now(), message]);
    const next = harness.clock.nextTimerAt();
    if (next === undefined || next > untilMs) return seen;
    harness.advance(next - harness.clock.now());
  }
}

/**
 * What an HTTPParser or HTTP client sent, as short lines: `head GET /a`, `head 200`, `body <text>`
 * (adjacent chunks joined, as UTF-8), `end`, `error 400`; anything else by its class name.
 */
export function httpEvents(messages: readonly unknown[]): string[] {
  const lines: string[] = [];
  const decoder = new TextDecoder();
  for (const message of messages) {
    if (message instanceof ParsedHTTPHeader) {
      const head = message.header as HTTPRequest | HTTPResponseHead;
      lines.push("method" in head ? `head ${head.method} ${head.uri}` : `head ${String(head.statuscode)}`);
    } else if (message instanceof ParsedHTTPBodyChunk) {
      const text = decoder.decode(message.bodychunk);
      const last = lines.length - 1;
      if (lines[last]?.startsWith("body ") === true) lines[last] += text;
      else lines.push(`body ${text}`);
    } else if (message instanceof ParsedHTTPEnd) {
      lines.push("end");
    } else if (message instanceof ParsedHTTPError) {
      lines.push(`error ${String(message.statuscode)}`);
    } else {
      lines.push(describeMessage(message));
    }
  }
  return lines;
}

/** The bytes an HTTP server sent, joined and read as UTF-8, with the `date` header (which changes) left out. */
export function responseText(chunks: readonly unknown[]): string {
  const parts = chunks as readonly Uint8Array[];
  const all = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return new TextDecoder().decode(all).replace(/^date: .*\r\n/gm, "");
}

/**
 * Resolves once `condition()` holds, checking now and after each `"topology"` event of `scheduler` (a
 * component or linkage appearing or going): how tests with real I/O wait for components to come and
 * go. Rejects after `timeoutMs` of real time, naming `what`: a guard against a hanging test, never a
 * way to wait for something.
 */
export function whenTopology(scheduler: Scheduler, condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!condition()) return;
      done();
      resolve();
    };
    const guard = setTimeout(() => {
      done();
      reject(new Error(`Gave up after ${String(timeoutMs)} ms waiting until ${what}.`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(guard);
      scheduler.removeEventListener("topology", check);
    };
    scheduler.addEventListener("topology", check);
    check();
  });
}

/** A new empty folder under the system's temporary directory, removed with everything in it when the current test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "kamaelia-test-"));
  onTestFinished(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/**
 * Takes what leaves `box` (default "outbox") of the harness's component until `count` messages have
 * come, running the harness and letting the host's event loop turn between looks so that real I/O can
 * finish; virtual time does not move. Rejects if they have not come after `guardMs` of real time: a
 * guard against a hanging test on a busy machine, never a wait the test relies on.
 */
export async function takeWhenReady(harness: Harness, count: number, box = "outbox", guardMs = 20_000): Promise<unknown[]> {
  const taken: unknown[] = [];
  const deadline = performance.now() + guardMs;
  for (let turns = 0; ; turns++) {
    harness.settle();
    taken.push(...harness.take(box));
    if (taken.length >= count) return taken;
    if (performance.now() > deadline) {
      throw new Error(
        `Gave up after ${String(guardMs)} ms (${String(turns)} turns of the event loop) with ${String(taken.length)} of the ${String(count)} messages expected from ${JSON.stringify(box)}.`,
      );
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
