/**
 * Testing a component on its own: feed its inboxes, step it on a virtual clock, read its outboxes.
 * @module
 */

import { AdaptiveCommsComponent } from "../axon/AdaptiveCommsComponent.js";
import { VirtualClock } from "../axon/Clock.js";
import { Component } from "../axon/Component.js";
import { Scheduler } from "../axon/Scheduler.js";

function isPublic(box: string): boolean {
  return !box.startsWith("_");
}

/**
 * A component (or a whole system) under test, on its own scheduler and virtual clock.
 * @remarks Messages go into its inboxes from a feeder and come out of its outboxes into a collector;
 * neither is ever scheduled, so they never change the order in which the system's own components run.
 * Boxes whose names start with `_` are internal wiring and are left alone. `settle()` runs cycles until
 * nothing is runnable, `advance(ms)` moves virtual time on timer by timer as a running scheduler would,
 * and `finish()` runs until everything has ended (rejecting with the `ComponentError` if something
 * failed). Nothing waits on real time, so tests are fast and always give the same result.
 * @example
 * ```ts
 * import { ProducerFinished, PureTransformer } from "kamaelia";
 * import { Harness } from "kamaelia/testing";
 * const harness = new Harness(new PureTransformer((x) => Number(x) * 10));
 * harness.send("inbox", 1, 2).settle();
 * console.log(harness.take("outbox")); // [ 10, 20 ]
 * harness.send("control", new ProducerFinished());
 * await harness.finish();
 * console.log(harness.component.finished); // true
 * ```
 */
export class Harness {
  /** The virtual clock: time moves only when the scheduler has nothing to do, or `advance()` moves it. */
  readonly clock: VirtualClock;
  /** The scheduler the component runs on: a fresh one, unless shared with another harness. */
  readonly scheduler: Scheduler;
  readonly #feeder = new AdaptiveCommsComponent();
  readonly #collector = new AdaptiveCommsComponent();
  readonly #feeds = new Map<string, string>();
  readonly #collects = new Map<string, string>();

  /**
   * @param component - the component under test; activated here, run by `settle()`, `advance()` or `finish()`
   * @param peer - another harness whose scheduler and clock to share, to test components that meet
   */
  constructor(
    readonly component: Component,
    peer?: Harness,
  ) {
    this.clock = peer?.clock ?? new VirtualClock();
    this.scheduler = peer?.scheduler ?? new Scheduler({ clock: this.clock });
    const wiring = new Component();
    for (const inbox of Object.keys(component.inboxes).filter(isPublic)) {
      const outbox = this.#feeder.addOutbox(inbox);
      this.#feeds.set(inbox, outbox);
      wiring.link([this.#feeder, outbox], [component, inbox]);
    }
    for (const outbox of Object.keys(component.outboxes).filter(isPublic)) {
      const inbox = this.#collector.addInbox(outbox);
      this.#collects.set(outbox, inbox);
      wiring.link([component, outbox], [this.#collector, inbox]);
    }
    component.activate(this.scheduler);
  }

  /** Puts messages into one of the component's inboxes. */
  send(inbox: string, ...messages: unknown[]): this {
    const outbox = this.#feeds.get(inbox) ?? inbox;
    for (const message of messages) this.#feeder.send(message, outbox);
    return this;
  }

  /**
   * Makes what collects one of the component's outboxes hold at most `size` messages, like a bounded
   * inbox: sends beyond it throw `NoSpaceInBox` until `take(outbox)` makes room.
   */
  limit(outbox: string, size: number): this {
    this.#collector.setInboxSize(this.#collects.get(outbox) ?? outbox, size);
    return this;
  }

  /** Takes every message that has left one of the component's outboxes (default `"outbox"`) since the last call. */
  take(outbox = "outbox"): unknown[] {
    const inbox = this.#collects.get(outbox) ?? outbox;
    const messages: unknown[] = [];
    while (this.#collector.dataReady(inbox) > 0) messages.push(this.#collector.recv(inbox));
    return messages;
  }

  /** Runs scheduler cycles until nothing is runnable; timers are not moved on. */
  settle(): this {
    this.scheduler.runUntilIdle();
    return this;
  }

  /**
   * Moves the virtual clock on by `ms`, stopping at each timer on the way to run what it woke until
   * nothing is runnable, as a running scheduler would.
   */
  advance(ms: number): this {
    const until = this.clock.now() + ms;
    this.settle();
    for (let next = this.clock.nextTimerAt(); next !== undefined && next <= until; next = this.clock.nextTimerAt()) {
      this.clock.advance(next - this.clock.now());
      this.settle();
    }
    this.clock.advance(until - this.clock.now());
    return this.settle();
  }

  /**
   * Runs the component until `condition` holds, waiting for real input and output (a file read, a socket,
   * a child process) between runs, without moving virtual time: for components that meet the outside
   * world, whose timing a test still wants exact.
   * @param condition - checked after each run; `until` resolves as soon as it returns true
   * @param guardMs - real milliseconds after which it gives up with an error, in case the condition never
   *   comes true (a guard against a hung test, not a timing)
   * @throws Error when `guardMs` passes first, saying what it was waiting for
   * @example
   * ```ts
   * import { AsyncComponent } from "kamaelia";
   * import { Harness } from "kamaelia/testing";
   * class Later extends AsyncComponent {
   *   override async main() {
   *     // Something outside the scheduler: a timer of the host, as a read or a socket would be.
   *     await new Promise((resolve) => setTimeout(resolve, 5));
   *     this.send("done");
   *   }
   * }
   * const harness = new Harness(new Later());
   * const sent: unknown[] = [];
   * await harness.until(() => sent.push(...harness.take()) > 0);
   * console.log(sent, harness.clock.now()); // [ 'done' ] 0
   * ```
   */
  async until(condition: () => boolean, guardMs = 10_000): Promise<this> {
    const deadline = performance.now() + guardMs;
    for (let turns = 0; ; turns++) {
      this.settle();
      if (condition()) return this;
      if (performance.now() > deadline) {
        throw new Error(
          `Harness.until gave up after ${String(guardMs)} ms (${String(turns)} turns of the event loop): the condition never came true. ` +
            "Check that the component gets the input it waits for, or pass a longer guard.",
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Runs until every component on the scheduler has ended; virtual time jumps from timer to timer. */
  async finish(): Promise<this> {
    await this.scheduler.runThreads();
    return this;
  }

  /** The microprocesses still alive on the scheduler, by name, in the order they were made. */
  alive(): string[] {
    return this.scheduler
      .listAllThreads()
      .sort((a, b) => a.id - b.id)
      .map((mp) => mp.name);
  }
}

/**
 * Runs `component` with `inputs` already waiting in its inboxes until it ends, on a virtual clock, and
 * returns everything that left each of its outboxes, in order.
 * @remarks A shorthand for a {@link Harness}: send, `finish()`, then `take()` every outbox.
 * @example
 * ```ts
 * import { ProducerFinished, PureTransformer } from "kamaelia";
 * import { runComponent } from "kamaelia/testing";
 * const out = await runComponent(new PureTransformer((x) => String(x).toUpperCase()), {
 *   inbox: ["a", "b"],
 *   control: [new ProducerFinished()],
 * });
 * console.log(out["outbox"]); // [ 'A', 'B' ]
 * ```
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
