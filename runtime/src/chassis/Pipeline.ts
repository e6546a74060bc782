/**
 * Pipeline: components in a row, each one's output feeding the next.
 * @module
 */

import { Component } from "../axon/Component.js";
import { BadComponent } from "../axon/AxonExceptions.js";
import { Container } from "./Container.js";

/**
 * Wires components in a row: each child's `outbox` to the next child's `inbox` and its `signal` to the
 * next child's `control`, so data and shutdown flow down the line.
 * @remarks Port of Kamaelia.Chassis.Pipeline. The pipeline's own `inbox` and `control` feed the first
 * child; the last child's `outbox` and `signal` leave from the pipeline's own. The children are activated
 * only when the pipeline runs, on its scheduler, and the pipeline ends when all of them have ended. A
 * child that fails ends the pipeline with that error unless `containErrors()` was called.
 * @inbox inbox - data for the first child
 * @inbox control - shutdown messages for the first child
 * @outbox outbox - data from the last child
 * @outbox signal - shutdown messages from the last child
 * @example
 * ```ts
 * import { Component, Pipeline, ProducerFinished } from "kamaelia";
 * class Words extends Component {
 *   override *main() {
 *     for (const word of ["hello", "world"]) this.send(word);
 *     this.send(new ProducerFinished(this), "signal");
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
 * await new Pipeline(new Words(), new Printer()).run(); // hello, world
 * ```
 */
export class Pipeline extends Container {
  readonly #components: readonly Component[];

  /** @param components - the children, in the order data flows through them */
  constructor(...components: Component[]) {
    super();
    components.forEach((child, index) => {
      if (!(child instanceof Component)) {
        throw new BadComponent(child, `Pipeline argument ${String(index + 1)} must be a component instance (new Child(), not Child).`);
      }
    });
    this.#components = components;
  }

  override *main(): Generator<unknown, void, unknown> {
    const children = this.#components;
    const first = children[0];
    const last = children[children.length - 1];
    if (first === undefined || last === undefined) return;
    children.forEach((child, i) => {
      const next = children[i + 1];
      if (next === undefined) return;
      this.link([child, "outbox"], [next, "inbox"]);
      this.link([child, "signal"], [next, "control"]);
    });
    this.link([this, "inbox"], [first, "inbox"], { passthrough: 1 });
    this.link([this, "control"], [first, "control"], { passthrough: 1 });
    this.link([last, "outbox"], [this, "outbox"], { passthrough: 2 });
    this.link([last, "signal"], [this, "signal"], { passthrough: 2 });
    yield* this.runChildren(...children);
  }
}
