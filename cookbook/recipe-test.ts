/**
 * What every recipe test imports before the recipe itself: it marks this process as a test, so that a
 * recipe's main.ts, imported for its parts, does not also run itself (see README.md), and it holds the
 * harness the tests drive components with, on a fresh scheduler whose clock is virtual.
 * @module
 */

import { readFileSync } from "node:fs";
import { AdaptiveCommsComponent, Component, Scheduler, VirtualClock, type Microprocess } from "kamaelia";

// Read at the end of every main.ts.
Object.assign(globalThis, { kamaeliaRecipeTest: true });

/** Collects what a `ConsoleEchoer` prints: give it `{ sink }`, then read `lines`. */
export function printed(): { readonly lines: string[]; readonly sink: (line: string) => void } {
  const lines: string[] = [];
  return { lines, sink: (line) => lines.push(line) };
}

/**
 * The lines a recipe's page says its program prints: the `export const output` of the `index.mdx` beside
 * the test whose `import.meta.url` is given. Tests compare them with what the program really prints, so
 * the page cannot drift from the program.
 */
export function pageOutput(testUrl: string): string[] {
  const page = readFileSync(new URL("index.mdx", testUrl), "utf8");
  const output = /^export const output = `([^`]*)`;$/m.exec(page)?.[1];
  if (output === undefined) throw new Error(`${testUrl}: the page beside it has no export const output = \`...\`;`);
  // The text is a template literal: undo its escapes of backslashes, backticks and dollar signs.
  return output.replace(/\\([\\`$])/g, "$1").split("\n");
}

/**
 * A component under test on its own scheduler and virtual clock: messages are put into its inboxes and
 * taken from its outboxes by two components that are never scheduled, so they never change the order
 * in which the system's own components run.
 */
export class Harness {
  /** The virtual clock: time moves only when the scheduler has nothing to do, or `advance()` moves it. */
  readonly clock = new VirtualClock();
  /** A fresh scheduler, used by nothing else. */
  readonly scheduler = new Scheduler({ clock: this.clock });
  readonly #feeder = new AdaptiveCommsComponent();
  readonly #collector = new AdaptiveCommsComponent();
  readonly #feeds = new Map<string, string>();
  readonly #collects = new Map<string, string>();

  /** @param component - the component (or whole system) under test; activated here, run by `finish()` or `settle()` */
  constructor(readonly component: Component) {
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

  /** Puts messages into one of the component's inboxes (default `"inbox"`). */
  send(inbox: string, ...messages: unknown[]): this {
    const outbox = this.#feeds.get(inbox) ?? inbox;
    for (const message of messages) this.#feeder.send(message, outbox);
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

  /** Runs the component with `run()` until every component has ended; virtual time jumps from timer to timer. */
  async finish(): Promise<this> {
    await this.component.run();
    return this;
  }

  /** The microprocesses still alive on the scheduler, by name, in activation order. */
  alive(): string[] {
    return this.scheduler
      .listAllThreads()
      .sort((a: Microprocess, b: Microprocess) => a.id - b.id)
      .map((mp) => mp.name);
  }
}

function isPublic(box: string): boolean {
  return !box.startsWith("_");
}
