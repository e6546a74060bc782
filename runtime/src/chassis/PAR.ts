/**
 * PAR: components run side by side, their output merged.
 * @module
 */

import { BadComponent } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Container } from "./Container.js";

/**
 * Runs components side by side, merging everything they send into its own `outbox`, and ends when all
 * of them have ended: Occam's PAR.
 * @remarks Port of Kamaelia.Chassis.PAR. Each message on `inbox` is copied to every child's `inbox`, and
 * each message on `control` to every child's `control`. The children's `signal`s are not passed on: when
 * the last child ends, PAR sends `ProducerFinished` (or the `ShutdownMicroprocess` it was given) from
 * `signal`.
 * @inbox inbox - data copied to every child
 * @inbox control - shutdown messages copied to every child
 * @outbox outbox - everything the children send, merged
 * @outbox signal - `ProducerFinished` when every child has ended
 * @outbox _co - copies for the children's inboxes, wired internally
 * @outbox _cs - copies for the children's controls, wired internally
 * @example
 * ```ts
 * import { Component, PAR, Pipeline } from "kamaelia";
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
 * await new Pipeline(new PAR(new Say("left"), new Say("right")), new Printer()).run(); // left, right
 * ```
 */
export class PAR extends Container {
  static override Outboxes = {
    outbox: "everything the children send, merged",
    signal: "ProducerFinished when every child has ended",
    _co: "copies for the children's inboxes, wired internally",
    _cs: "copies for the children's controls, wired internally",
  };

  readonly #components: readonly Component[];
  #shutdown: ShutdownMicroprocess | undefined;

  /** @param components - the children to run side by side */
  constructor(...components: Component[]) {
    super();
    components.forEach((child, index) => {
      if (!(child instanceof Component)) throw new BadComponent(child, `PAR argument ${String(index + 1)} must be a component instance.`);
    });
    this.#components = components;
  }

  override *main(): Generator<unknown, void, unknown> {
    for (const child of this.#components) this.link([child, "outbox"], [this, "outbox"], { passthrough: 2 });
    yield* this.runChildren(...this.#components);
    this.send(this.#shutdown ?? new ProducerFinished(this), "signal");
  }

  protected override onWake(): void {
    while (this.dataReady("inbox") > 0) this.#copy(this.recv("inbox"), "_co", "inbox");
    while (this.dataReady("control") > 0) {
      const message = this.recv("control");
      if (message instanceof ShutdownMicroprocess) this.#shutdown = message;
      this.#copy(message, "_cs", "control");
    }
  }

  #copy(message: unknown, outbox: string, inbox: string): void {
    for (const child of this.childComponents()) {
      if (child.finished) continue;
      // One outbox feeds one destination, so link, send and unlink for each child in turn.
      const linkage = this.link([this, outbox], [child, inbox]);
      this.send(message, outbox);
      this.unlink({ thelinkage: linkage });
    }
  }
}
