/**
 * Seq: components run one after another.
 * @module
 */

import { BadComponent } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Container } from "./Container.js";

/**
 * Runs components one after another, each wired to the Seq's `inbox` and `outbox` while it runs.
 * @remarks Port of Kamaelia.Chassis.Seq. Each component starts when the one before it has ended; its
 * `signal` is not passed on, so the next stage downstream is not shut down between them. A string in
 * the sequence is written to the console (as in Kamaelia) when reached. After the last one, the Seq sends
 * `ProducerFinished` from `signal` and ends. `ShutdownMicroprocess` on `control` (ignored by Kamaelia's
 * Seq) shuts the running component down, is passed on from `signal`, and ends the Seq; other control
 * messages are ignored.
 * @inbox inbox - data for the component running now
 * @inbox control - `ShutdownMicroprocess` stops the sequence
 * @outbox outbox - data from the component running now
 * @outbox signal - `ProducerFinished` after the last component, or the `ShutdownMicroprocess` that stopped it
 * @outbox _signal - shutdown for the running component, wired internally
 * @example
 * ```ts
 * import { Component, Pipeline, Seq } from "kamaelia";
 * class Say extends Component {
 *   constructor(readonly text: string) {
 *     super();
 *   }
 *   override *main() {
 *     this.send(this.text);
 *   }
 * }
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
 * await new Pipeline(new Seq("BEGIN", new Say("first"), new Say("second")), new Printer()).run(); // BEGIN, first, second
 * ```
 */
export class Seq extends Container {
  static override Outboxes = {
    outbox: "data from the component running now",
    signal: "ProducerFinished after the last component, or the ShutdownMicroprocess that stopped it",
    _signal: "shutdown for the running component, wired internally",
  };

  readonly #sequence: readonly (Component | string)[];

  /** @param sequence - the components to run in order; strings are written to the console when reached */
  constructor(...sequence: (Component | string)[]) {
    super();
    sequence.forEach((item, index) => {
      if (typeof item !== "string" && !(item instanceof Component)) {
        throw new BadComponent(item, `Seq item ${String(index + 1)} must be a component instance or a string.`);
      }
    });
    this.#sequence = sequence;
  }

  override *main(): Generator<unknown, void, unknown> {
    for (const item of this.#sequence) {
      if (typeof item === "string") {
        console.log(item);
        continue;
      }
      this.link([item, "outbox"], [this, "outbox"], { passthrough: 2 });
      this.link([this, "inbox"], [item, "inbox"], { passthrough: 1 });
      this.link([this, "_signal"], [item, "control"]);
      const stopped = yield* this.#runUntilEnd(item);
      if (stopped !== undefined) {
        this.send(stopped, "signal");
        return;
      }
    }
    this.send(new ProducerFinished(this), "signal");
  }

  *#runUntilEnd(item: Component): Generator<unknown, ShutdownMicroprocess | undefined, unknown> {
    this.addChildren(item);
    item.activate(this.scheduler ?? undefined);
    let stop: ShutdownMicroprocess | undefined;
    while (!item.finished) {
      while (stop === undefined && this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          stop = message;
          this.send(message, "_signal");
        }
      }
      this.pause();
      yield;
    }
    this.removeChild(item);
    return stop;
  }
}
