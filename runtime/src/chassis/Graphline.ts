/**
 * Graphline: named components wired by a table of linkages.
 * @module
 */

import { BadComponent, InvalidLinkage, NoSuchChild } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import type { Passthrough } from "../axon/Linkage.js";
import { Container } from "./Container.js";

/** One end of a Graphline linkage: a child's name (or `""`/`"self"` for the Graphline) and a box. */
export type GraphlineEnd = readonly [name: string, box: string];

/**
 * Graphline linkages: `{ "A.outbox": "B.inbox" }` (split at the first dot), or Kamaelia's tuple form
 * `[[["A", "outbox"], ["B", "inbox"]], ...]`.
 */
export type GraphlineLinkages = Readonly<Record<string, string>> | readonly (readonly [GraphlineEnd, GraphlineEnd])[];

/** Options for a {@link Graphline}. */
export interface GraphlineOptions {
  /** How the children are wired. */
  readonly linkages: GraphlineLinkages;
}

const SELF_NAMES = new Set(["", "self"]);

function splitEnd(text: unknown, which: "from" | "to"): GraphlineEnd {
  const dot = typeof text === "string" ? text.indexOf(".") : -1;
  if (typeof text !== "string" || dot < 0 || dot === text.length - 1) {
    throw new InvalidLinkage(
      `Graphline linkage ${which} ${JSON.stringify(text)} has no box: write "child.box" (e.g. "A.outbox"), or ".box" / "self.box" for the Graphline's own box.`,
    );
  }
  return [text.slice(0, dot), text.slice(dot + 1)];
}

function checkEnd(end: unknown, which: "from" | "to"): GraphlineEnd {
  if (Array.isArray(end) && end.length === 2 && typeof end[0] === "string" && typeof end[1] === "string" && end[1] !== "") {
    return [end[0], end[1]];
  }
  throw new InvalidLinkage(
    `Graphline linkage ${which} ${JSON.stringify(end)} is not a [name, box] pair: write [["A", "outbox"], ["B", "inbox"]] for each linkage, or use the text form { "A.outbox": "B.inbox" }.`,
  );
}

function normalise(linkages: GraphlineLinkages): (readonly [GraphlineEnd, GraphlineEnd])[] {
  if (Array.isArray(linkages)) {
    return (linkages as readonly unknown[]).map((linkage) => {
      const [from, to] = Array.isArray(linkage) ? (linkage as unknown[]) : [linkage];
      return [checkEnd(from, "from"), checkEnd(to, "to")] as const;
    });
  }
  return Object.entries(linkages as Readonly<Record<string, unknown>>).map(([from, to]) => [splitEnd(from, "from"), splitEnd(to, "to")] as const);
}

/** What a Graphline was given instead of its options, for the error that says so. */
function describeOptions(options: unknown): string {
  if (options === undefined || options === null) return "no options";
  if (typeof options !== "object") return `a ${typeof options}`;
  const keys = Object.keys(options);
  return keys.length === 0 ? "an empty object" : `an object with ${keys.map((key) => JSON.stringify(key)).join(", ")}`;
}

/**
 * Wires named children by a table of linkages, so any shape of system can be one component.
 * @remarks Port of Kamaelia.Chassis.Graphline. The names `""` and `"self"` mean the Graphline itself
 * (Kamaelia took any unknown name so): a box it lacks is created on it (per instance), a link from it
 * forwards what arrives (passthrough 1), a link to it emits from it (passthrough 2). Children start when
 * the Graphline runs, on its scheduler, and it ends when all of them have ended. If nothing is wired
 * from its `control`, each control message is passed to every child whose `control` is not wired. If
 * nothing is wired to its `signal`, it sends `ProducerFinished` (or the `ShutdownMicroprocess` it was
 * given) from `signal` when it ends. A child that fails ends the Graphline with that error unless
 * `containErrors()` was called. The constructor throws `NoSuchChild` for a linkage naming a child it
 * does not have and `InvalidLinkage` for one it cannot read.
 * @inbox inbox - data, for whichever child it is wired to
 * @inbox control - shutdown messages: wired, or passed to every child whose control is not wired
 * @outbox outbox - data from whichever child is wired to it
 * @outbox signal - `ProducerFinished` when every child has ended, unless a child is wired to it
 * @example
 * ```ts
 * import { Component, Graphline, ProducerFinished } from "kamaelia";
 * class Numbers extends Component {
 *   override *main() {
 *     for (const n of [1, 2, 3]) this.send(n);
 *     this.send(new ProducerFinished(this), "signal");
 *   }
 * }
 * class Squarer extends Component {
 *   override *main() {
 *     for (;;) {
 *       while (this.dataReady("inbox")) this.send(Number(this.recv("inbox")) ** 2);
 *       if (this.dataReady("control")) {
 *         this.send(this.recv("control"), "signal");
 *         return;
 *       }
 *       this.pause();
 *       yield;
 *     }
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
 * const system = new Graphline(
 *   { SOURCE: new Numbers(), SQUARE: new Squarer(), OUT: new Printer() },
 *   {
 *     linkages: {
 *       "SOURCE.outbox": "SQUARE.inbox",
 *       "SOURCE.signal": "SQUARE.control",
 *       "SQUARE.outbox": "OUT.inbox",
 *       "SQUARE.signal": "OUT.control",
 *     },
 *   },
 * );
 * await system.run(); // 1, 4, 9
 * ```
 */
export class Graphline extends Container {
  readonly #children: ReadonlyMap<string, Component>;
  readonly #linkages: readonly (readonly [GraphlineEnd, GraphlineEnd])[];
  #broadcastControl = true;
  #announceEnd = true;
  #unwiredControls: Component[] = [];
  #shutdown: unknown = undefined;

  /**
   * @param children - the children by name
   * @param options - the linkages between them
   */
  constructor(children: Readonly<Record<string, Component>>, options: GraphlineOptions) {
    super();
    const named = new Map<string, Component>();
    for (const [name, child] of Object.entries(children)) {
      if (SELF_NAMES.has(name)) throw new InvalidLinkage(`Graphline child name ${JSON.stringify(name)} is reserved for the Graphline itself; pick another.`);
      if (!(child instanceof Component)) throw new BadComponent(child, `Graphline child ${JSON.stringify(name)} must be a component instance.`);
      named.set(name, child);
    }
    this.#children = named;
    if (typeof options !== "object" || typeof options.linkages !== "object") {
      throw new InvalidLinkage(
        "Graphline takes its linkages in its options as { linkages: { ... } }: new Graphline(children, { linkages: { \"A.outbox\": \"B.inbox\" } }). " +
          `It was given ${describeOptions(options)}.`,
      );
    }
    this.#linkages = normalise(options.linkages);
    for (const [[fromName, fromBox], [toName, toBox]] of this.#linkages) {
      if (!named.has(fromName) && !Object.hasOwn(this.inboxes, fromBox)) this._createInbox(fromBox);
      if (!named.has(toName) && !Object.hasOwn(this.outboxes, toBox)) this._createOutbox(toBox);
      this.#child(fromName);
      this.#child(toName);
    }
    this._createOutbox("_cs");
  }

  override *main(): Generator<unknown, void, unknown> {
    const wiredControls = new Set<Component>();
    for (const [[fromName, fromBox], [toName, toBox]] of this.#linkages) {
      const from = this.#child(fromName);
      const to = this.#child(toName);
      const passthrough: Passthrough = from === this ? 1 : to === this ? 2 : 0;
      if (from === this && fromBox === "control") this.#broadcastControl = false;
      if (to === this && toBox === "signal") this.#announceEnd = false;
      if (toBox === "control" && to !== this) wiredControls.add(to);
      this.link([from, fromBox], [to, toBox], { passthrough });
    }
    const children = [...this.#children.values()];
    this.#unwiredControls = children.filter((child) => !wiredControls.has(child) && Object.hasOwn(child.inboxes, "control"));
    yield* this.runChildren(...children);
    if (this.#announceEnd) this.send(this.#shutdown ?? new ProducerFinished(this), "signal");
  }

  /** Passes control messages to every child whose control is not wired, when nothing is wired from ours. */
  protected override onWake(): void {
    if (!this.#broadcastControl) return;
    while (this.dataReady("control") > 0) {
      const message = this.recv("control");
      if (message instanceof ShutdownMicroprocess) this.#shutdown = message;
      for (const child of this.#unwiredControls) {
        if (child.finished) continue;
        // One outbox feeds one destination, so link, send and unlink for each child in turn.
        const linkage = this.link([this, "_cs"], [child, "control"]);
        this.send(message, "_cs");
        this.unlink({ thelinkage: linkage });
      }
    }
  }

  #child(name: string): Component {
    if (SELF_NAMES.has(name)) return this;
    const child = this.#children.get(name);
    if (child === undefined) {
      throw new NoSuchChild(this, name, [...this.#children.keys()]);
    }
    return child;
  }
}
