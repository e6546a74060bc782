/**
 * What Pipeline, Graphline and the other chassis share: children that start when the container runs,
 * an end when every child has ended, and a choice about children that fail.
 * @module
 */

import type { ComponentError } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import type { Microprocess } from "../axon/Microprocess.js";

/** Called with each failure a container contains. */
export type FailureReport = (failure: ComponentError) => void;

/**
 * A component that runs children: the base of Pipeline, Graphline and the other chassis.
 * @remarks Children are activated when the container itself runs, on the container's scheduler. The
 * container ends when all its children have ended. A child that fails ends the container with that
 * error (the `ComponentError` names the child; the container's own `exitError` is the same error),
 * unless `containErrors()` was called: then the failed child is reported and dropped, and the others
 * carry on.
 * @inbox inbox - data for the children
 * @inbox control - shutdown messages for the children
 * @outbox outbox - results from the children
 * @outbox signal - shutdown messages from the children
 * @example
 * ```ts
 * import { Component, Container } from "kamaelia";
 * class Greeter extends Component {
 *   override *main() {
 *     console.log("hello");
 *   }
 * }
 * class Twice extends Container {
 *   override *main() {
 *     yield* this.runChildren(new Greeter(), new Greeter());
 *   }
 * }
 * await new Twice().run(); // hello, hello
 * ```
 */
export class Container extends Component {
  #report: FailureReport | null = null;

  /**
   * From now on, a child that fails does not end this container: `report` gets the failure (default:
   * `console.error`) and the other children carry on.
   */
  containErrors(report: FailureReport = (failure) => { console.error(failure); }): this {
    this.#report = report;
    return this;
  }

  /**
   * Adds `children`, activates them on this container's scheduler, and runs until every child (these
   * and any added later) has ended, removing each one (and the links this container made to it) as it
   * ends. Use with `yield*` from `main()`; `onWake` runs each time the container is woken, before it
   * pauses again.
   */
  protected *runChildren(...children: Component[]): Generator<unknown, void, unknown> {
    this.addChildren(...children);
    for (const child of children) child.activate(this.scheduler ?? undefined);
    for (;;) {
      for (const child of this.childComponents()) if (child.finished) this.removeChild(child);
      if (this.childComponents().length === 0) return;
      this.onWake();
      this.pause();
      yield;
    }
  }

  /** Called by {@link Container.runChildren} each time the container is woken. The default does nothing. */
  protected onWake(): void {
    // Containers that watch their own inboxes (Graphline's control) override this.
  }

  /** @internal */
  override _childFailed(_child: Microprocess, failure: ComponentError): boolean {
    if (this.#report === null) return false;
    this.#report(failure);
    this.unpause();
    return true;
  }
}
