/**
 * Components written as `async main()`: await messages and space instead of pausing.
 * @module
 */

import { producerWaits } from "./Box.js";
import { AxonException, NoSpaceInBox } from "./AxonExceptions.js";
import { Component } from "./Component.js";
import type { MainResult } from "./Microprocess.js";

/**
 * Thrown into an `AsyncComponent`'s pending `receive()` or `sendWhenSpace()` when the component is stopped.
 * @remarks Also the reason of the component's `signal` (an AbortSignal) when it is stopped.
 * @example
 * ```ts
 * import { AsyncComponent, ComponentStopped } from "kamaelia";
 * class Waiter extends AsyncComponent {
 *   override async main() {
 *     try {
 *       await this.receive();
 *     } catch (error) {
 *       console.log(error instanceof ComponentStopped); // true
 *     }
 *   }
 * }
 * const waiter = new Waiter();
 * const done = waiter.run();
 * await Promise.resolve();
 * waiter.stop();
 * await done;
 * ```
 */
export class ComponentStopped extends AxonException {
  /** @param component - the component that was stopped */
  constructor(readonly component: {
      /** The component's name, as messages quote it. */
      readonly name: string;
    }) {
    super(`${component.name} was stopped while it was waiting. Nothing to do: this ends its main().`);
  }
}

interface Waiter {
  /** The inboxes it waits on, or null when it waits for space to send. */
  readonly boxes: readonly string[] | null;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A component whose `main()` is an async function: `await this.receive()` for the next message and
 * `await this.sendWhenSpace(message)` to send into a bounded inbox without losing anything.
 * @remarks The TypeScript home of Axon's `threadedcomponent`: code that would block in a thread awaits
 * instead, on the same event loop as everything else. It is a `Component`, so it stands anywhere a
 * component can (a Pipeline stage, a Graphline child). Between awaits it is asleep: a message arriving
 * or space appearing resumes it. `this.signal` is aborted when it is stopped; pending waits then reject
 * with `ComponentStopped`. `main()` returning ends it; throwing ends it with that error.
 * @inbox inbox - data to process
 * @inbox control - shutdown messages
 * @outbox outbox - results
 * @outbox signal - shutdown messages passed on when it ends
 * @example
 * ```ts
 * import { AsyncComponent, Component, ProducerFinished } from "kamaelia";
 * class Upper extends AsyncComponent {
 *   override async main() {
 *     for (;;) {
 *       const box = await this.waitForAny("inbox", "control");
 *       if (box === "control") {
 *         this.send(this.recv("control"), "signal");
 *         return;
 *       }
 *       this.send(String(this.recv("inbox")).toUpperCase());
 *     }
 *   }
 * }
 * class Words extends Component {
 *   override *main() {
 *     this.send("hello");
 *     this.send("world");
 *     this.send(new ProducerFinished(), "signal");
 *   }
 * }
 * class Printer extends AsyncComponent {
 *   override async main() {
 *     for (;;) {
 *       if ((await this.waitForAny("inbox", "control")) === "control") return;
 *       console.log(this.recv("inbox"));
 *     }
 *   }
 * }
 * const words = new Words(), upper = new Upper(), printer = new Printer();
 * words.link([words, "outbox"], [upper, "inbox"]);
 * words.link([words, "signal"], [upper, "control"]);
 * upper.link([upper, "outbox"], [printer, "inbox"]);
 * upper.link([upper, "signal"], [printer, "control"]);
 * upper.activate();
 * printer.activate();
 * await words.run(); // HELLO, WORLD
 * ```
 */
export class AsyncComponent extends Component {
  #waiters: Waiter[] = [];
  #abort: AbortController | null = null;

  /** Override with the component's work. The default does nothing. */
  override main(): MainResult {
    return Promise.resolve();
  }

  /** Aborted when the component is stopped, to cancel your own timers and fetches. */
  get signal(): AbortSignal {
    if (this.#abort === null) {
      this.#abort = new AbortController();
      if (this.finished) this.#abort.abort(new ComponentStopped(this));
    }
    return this.#abort.signal;
  }

  /** Resolves with the next message from `inbox` (default `"inbox"`), waiting for one if none is there. */
  async receive(inbox = "inbox"): Promise<unknown> {
    if (this.dataReady(inbox) === 0) await this.#wait([inbox]);
    return this.recv(inbox);
  }

  /** Resolves with the name of the first of `inboxes` that holds a message, waiting if none does. */
  async waitForAny(...inboxes: string[]): Promise<string> {
    const names = inboxes.length > 0 ? inboxes : Object.keys(this.inboxes);
    for (;;) {
      for (const name of names) if (this.dataReady(name) > 0) return name;
      await this.#wait(names);
    }
  }

  /**
   * Sends `message` from `outbox` (default `"outbox"`), waiting while the destination inbox is full:
   * nothing is lost and nothing is sent twice.
   */
  async sendWhenSpace(message: unknown, outbox = "outbox"): Promise<void> {
    for (;;) {
      try {
        this.send(message, outbox);
        return;
      } catch (error) {
        if (!(error instanceof NoSpaceInBox)) throw error;
      }
      await this.#wait(null);
    }
  }

  /**
   * Resolves the next time something wakes the component: a message arriving in any inbox, a message
   * it sent being collected, a child ending, or `unpause()`. The building block of the other waits.
   */
  woken(): Promise<void> {
    return this.#wait(null);
  }

  /**
   * Resolves when every child (see `addChildren`) has ended; children wake their parent as they end.
   */
  async childrenDone(): Promise<void> {
    while (this.childComponents().some((child) => !child.finished)) await this.#wait(null);
  }

  /** @internal Something arrived or was collected: resume whoever waits for it. */
  override _asyncWake(): void {
    if (this.#waiters.length === 0) return;
    const waiting = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiting) {
      if (waiter.boxes === null || waiter.boxes.some((name) => this.dataReady(name) > 0)) waiter.resolve();
      else this.#waiters.push(waiter);
    }
  }

  /** @internal Rejects pending waits and aborts `signal`, then closes down as any component. */
  override _closeDown(): void {
    const stopped = new ComponentStopped(this);
    const waiting = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiting) waiter.reject(stopped);
    this.#abort?.abort(stopped);
    super._closeDown();
  }

  #wait(boxes: readonly string[] | null): Promise<void> {
    if (this.finished) return Promise.reject(new ComponentStopped(this));
    for (const name of boxes ?? []) this.dataReady(name);
    // Waiting for space (or any wake) after a take already woke us this cycle: the next take must wake us again.
    if (boxes === null) producerWaits();
    return new Promise((resolve, reject) => {
      this.#waiters.push({ boxes, resolve, reject });
    });
  }
}
