/**
 * Helpers shared by the runtime's tests: fresh schedulers on virtual time and small probe components.
 * @module
 */

import { VirtualClock } from "../axon/Clock.js";
import { Component } from "../axon/Component.js";
import { Scheduler } from "../axon/Scheduler.js";

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

/** Activates `count` new WakeCounters on `scheduler` and runs it until they all sleep. */
export function sleepingWakeCounters(scheduler: Scheduler, count: number): WakeCounter[] {
  const counters = Array.from({ length: count }, () => new WakeCounter().activate(scheduler));
  scheduler.runUntilIdle();
  return counters;
}

function isPublic(box: string): boolean {
  return !box.startsWith("_");
}

/**
 * A component under test, wired to a feeder and a collector that are never scheduled. Boxes whose
 * names start with "_" are the component's internal wiring and are left alone.
 */
export class Harness {
  readonly clock = new VirtualClock();
  readonly scheduler = new Scheduler({ clock: this.clock });
  readonly #wiring = new Component();
  readonly #feeder = new Component();
  readonly #collector = new Component();

  constructor(readonly component: Component) {
    for (const name of Object.keys(component.inboxes).filter(isPublic)) {
      this.#feeder._createOutbox(name);
      this.#wiring.link([this.#feeder, name], [component, name]);
    }
    for (const name of Object.keys(component.outboxes).filter(isPublic)) {
      this.#collector._createInbox(name);
      this.#wiring.link([component, name], [this.#collector, name]);
    }
    component.activate(this.scheduler);
  }

  /** Puts messages into one of the component's inboxes. */
  send(box: string, ...messages: unknown[]): this {
    for (const message of messages) this.#feeder.send(message, box);
    return this;
  }

  /** Takes everything that has left one of the component's outboxes (default "outbox") since the last call. */
  take(box = "outbox"): unknown[] {
    return drain(this.#collector, box);
  }

  /** Runs cycles until nothing is runnable (timers are not advanced). */
  settle(): this {
    this.scheduler.runUntilIdle();
    return this;
  }

  /** Moves the virtual clock on and runs until nothing is runnable. */
  advance(ms: number): this {
    this.clock.advance(ms);
    return this.settle();
  }

  /** Runs until the component (and anything it started) has ended; rejects if it failed. */
  async finish(): Promise<this> {
    await this.scheduler.runThreads();
    return this;
  }
}

/**
 * Runs `component` with `inputs` already waiting in its inboxes until it ends (on a virtual clock), and
 * returns everything that left each of its outboxes, in order.
 */
export async function runComponent(
  component: Component,
  inputs: Readonly<Record<string, readonly unknown[]>> = {},
): Promise<Record<string, unknown[]>> {
  const harness = new Harness(component);
  for (const [box, messages] of Object.entries(inputs)) harness.send(box, ...messages);
  await harness.finish();
  const outputs: Record<string, unknown[]> = {};
  for (const name of Object.keys(component.outboxes).filter(isPublic)) outputs[name] = harness.take(name);
  return outputs;
}

/**
 * Records what arrives in its inbox and, at the end, its control inbox. It takes every waiting message
 * at each step, or with `takeEveryMs` one message per that many virtual milliseconds (a slow consumer).
 * It ends on the first control message once its inbox is empty, and remembers the most messages that
 * ever waited in its inbox when it looked.
 */
export class Collector extends Component {
  /** What arrived in its inbox, in order. */
  readonly received: unknown[] = [];
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
        if (this.takeEveryMs === 0) this.received.push(...drain(this));
        else {
          this.received.push(this.recv("inbox"));
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
