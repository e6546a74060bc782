/**
 * Carousel: one child at a time, each made from a message, replaced when it ends or when asked.
 * @module
 */

import { Component } from "../axon/Component.js";
import { BadComponent } from "../axon/AxonExceptions.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Container } from "./Container.js";

/**
 * Runs one child at a time, made by a factory from each message on `next`: the reusable-component
 * pattern (a file reader per playlist entry, a handler per request).
 * @remarks Port of Kamaelia.Chassis.Carousel. A message on `next` unplugs the current child (it is sent
 * `ShutdownMicroprocess`) and plugs in `factory(message)`: the carousel's `inbox` feeds the child and the
 * child's `outbox` leaves from the carousel's. When the child ends (or sends `ProducerFinished` or
 * `ShutdownMicroprocess` from its `signal`), the carousel sends `"NEXT"` from `requestNext` to ask for
 * another. With `make1stRequest` it asks once as soon as it starts. `ShutdownMicroprocess` on `control`
 * shuts the child down and ends the carousel at once; `ProducerFinished` is passed to the current child's
 * `control`, so that it finishes its work, and the carousel ends after it (Kamaelia shut the child down at
 * once). Either is passed on from `signal`; other control messages are ignored, as in Kamaelia.
 * @inbox inbox - data for the current child
 * @inbox next - messages to make the next child from (each replaces the current child)
 * @inbox control - `ProducerFinished` (finish the current child, then end) or `ShutdownMicroprocess` (end now)
 * @inbox _control - the child's `signal`, wired internally
 * @outbox outbox - data from the current child
 * @outbox requestNext - `"NEXT"` whenever a child has finished
 * @outbox signal - the shutdown message, when the carousel ends
 * @outbox _signal - `ShutdownMicroprocess` for the child being replaced, wired internally
 * @example
 * ```ts
 * import { Carousel, Component, Pipeline, ProducerFinished } from "kamaelia";
 * class Say extends Component {
 *   constructor(readonly text: string) {
 *     super();
 *   }
 *   override *main() {
 *     this.send(this.text);
 *     this.send(new ProducerFinished(this), "signal");
 *   }
 * }
 * class Requests extends Component {
 *   override *main() {
 *     this.send("one", "outbox");
 *     this.send("two", "outbox");
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
 * const carousel = new Carousel((text) => new Say(String(text)));
 * const requests = new Requests();
 * const wiring = new Component();
 * wiring.link([requests, "outbox"], [carousel, "next"]);
 * wiring.link([requests, "signal"], [carousel, "control"]);
 * requests.activate();
 * await new Pipeline(carousel, new Printer()).run(); // two
 * ```
 */
export class Carousel extends Container {
  static override Inboxes = {
    inbox: "data for the current child",
    next: "messages to make the next child from (each replaces the current child)",
    control: "ProducerFinished (finish the current child, then end) or ShutdownMicroprocess (end now)",
    _control: "the child's signal, wired internally",
  };
  static override Outboxes = {
    outbox: "data from the current child",
    requestNext: '"NEXT" whenever a child has finished',
    signal: "the shutdown message, when the carousel ends",
    _signal: "ShutdownMicroprocess for the child being replaced, wired internally",
  };

  readonly #factory: (message: unknown) => Component;
  readonly #make1stRequest: boolean;
  #child: Component | null = null;
  #requested = false;
  #toldToFinish = false;

  /**
   * @param factory - makes a child from a message received on `next`
   * @param make1stRequest - send `"NEXT"` from `requestNext` as soon as it starts
   */
  constructor(factory: (message: unknown) => Component, make1stRequest = false) {
    super();
    this.#factory = factory;
    this.#make1stRequest = make1stRequest;
  }

  override *main(): Generator<unknown, void, unknown> {
    if (this.#make1stRequest) this.send("NEXT", "requestNext");
    let finishing: unknown = undefined;
    for (;;) {
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          this.#unplug();
          this.send(message, "signal");
          return;
        }
        if (message instanceof ProducerFinished) finishing ??= message;
      }
      this.#handleFinishedChild();
      while (this.dataReady("next") > 0) this.#plug(this.recv("next"));
      if (finishing !== undefined) {
        if (this.#child === null) {
          this.send(finishing, "signal");
          return;
        }
        // The stream has ended: tell the current child too, so that it finishes its work and ends.
        if (!this.#toldToFinish) {
          this.#toldToFinish = true;
          this.send(finishing, "_signal");
        }
      }
      this.pause();
      yield;
    }
  }

  #handleFinishedChild(): void {
    const child = this.#child;
    if (child === null) return;
    let done = child.finished;
    while (this.dataReady("_control") > 0) {
      const message = this.recv("_control");
      if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) done = true;
    }
    if (!done) return;
    this.#unplug();
    if (!this.#requested) {
      this.#requested = true;
      this.send("NEXT", "requestNext");
    }
  }

  #plug(message: unknown): void {
    this.#unplug();
    while (this.dataReady("_control") > 0) this.recv("_control");
    const child = this.#factory(message);
    if (!(child instanceof Component)) throw new BadComponent(child, "The Carousel's factory must return a component instance.");
    this.#child = child;
    this.#requested = false;
    this.#toldToFinish = false;
    this.addChildren(child);
    this.link([this, "inbox"], [child, "inbox"], { passthrough: 1 });
    this.link([this, "_signal"], [child, "control"]);
    this.link([child, "outbox"], [this, "outbox"], { passthrough: 2 });
    this.link([child, "signal"], [this, "_control"]);
    child.activate(this.scheduler ?? undefined);
  }

  #unplug(): void {
    const child = this.#child;
    if (child === null) return;
    this.#child = null;
    if (!child.finished) this.send(new ShutdownMicroprocess(this), "_signal");
    this.removeChild(child);
  }
}
