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
