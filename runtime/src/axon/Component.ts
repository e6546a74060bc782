/**
 * The component: a microprocess with named inboxes and outboxes, links and children.
 * @module
 */

import {
  BadComponent,
  BoxAlreadyLinkedToDestination,
  LinkageCycle,
  NoSpaceInBox,
  NoSuchBox,
} from "./AxonExceptions.js";
import { Box, UNBOUNDED, addBox } from "./Box.js";
import { ShutdownMicroprocess } from "./Ipc.js";
import { Linkage, type Passthrough } from "./Linkage.js";
import { Microprocess } from "./Microprocess.js";

/** Box names and what each is for, as in `static Inboxes = { inbox: "data to process" }`. */
export type BoxDeclaration = Readonly<Record<string, string>> | readonly string[];

/** One end of a link: a component and the name of one of its boxes. */
export type BoxRef = readonly [Component, string];

/** Options for {@link Component.link}. */
export interface LinkOptions {
  /** 0 (default) outbox to inbox; 1 inbox to inbox; 2 outbox to outbox. */
  readonly passthrough?: Passthrough;
  /** Sets the capacity of the sink box: sends beyond it throw `NoSpaceInBox`. */
  readonly pipewidth?: number;
}

/** What to remove in {@link Component.unlink}. */
export interface UnlinkTarget {
  /** Remove every linkage this component made that touches this component. */
  readonly thecomponent?: Component;
  /** Remove this linkage (if this component made it). */
  readonly thelinkage?: Linkage;
}

/** Options for {@link Component.run}. */
export interface ComponentRunOptions {
  /** Aborting it sends `ShutdownMicroprocess` to the component's `control` inbox. */
  readonly signal?: AbortSignal;
}

/**
 * Appends to a list that may not exist yet. A list starts as `[item]`: one that starts as `[]` and grows
 * by push reserves room for 17, which a million components with one link each would pay for.
 */
function appended<T>(list: T[] | null, item: T): T[] {
  if (list === null) return [item];
  list.push(item);
  return list;
}

function capacityOf(size: number): number {
  return size === Infinity ? UNBOUNDED : size;
}

function boxNames(declaration: BoxDeclaration): readonly string[] {
  return Array.isArray(declaration) ? (declaration as readonly string[]) : Object.keys(declaration);
}

/**
 * A microprocess with inboxes and outboxes: the building block of every Kamaelia system.
 * @remarks Port of Axon.Component.component. Declare boxes with `static Inboxes` and `static Outboxes`
 * (defaults: `inbox` and `control`; `outbox` and `signal`). In `main()`, take what is ready with
 * `dataReady`/`recv`, `send` results on, watch `control` for `ProducerFinished` (finish your work) and
 * `ShutdownMicroprocess` (stop now) and pass them on from `signal`, and `pause()` when there is nothing to
 * do: a message arriving, a sent message being collected, or a child ending wakes it. `send` lands the
 * message straight in the final inbox of the chain of links, waking only its owner.
 * @inbox inbox - data to process
 * @inbox control - shutdown messages: `ProducerFinished`, `ShutdownMicroprocess`
 * @outbox outbox - results
 * @outbox signal - shutdown messages passed on when it ends
 * @example
 * ```ts
 * import { Component, ProducerFinished } from "kamaelia";
 * class Numbers extends Component {
 *   override *main() {
 *     for (const n of [1, 2, 3]) this.send(n, "outbox");
 *     this.send(new ProducerFinished(this), "signal");
 *   }
 * }
 * class Doubler extends Component {
 *   override *main() {
 *     for (;;) {
 *       while (this.dataReady("inbox")) this.send(Number(this.recv("inbox")) * 2, "outbox");
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
 * const numbers = new Numbers(), doubler = new Doubler(), printer = new Printer();
 * numbers.link([numbers, "outbox"], [doubler, "inbox"]);
 * numbers.link([numbers, "signal"], [doubler, "control"]);
 * doubler.link([doubler, "outbox"], [printer, "inbox"]);
 * doubler.link([doubler, "signal"], [printer, "control"]);
 * printer.activate();
 * doubler.activate();
 * await numbers.run(); // 2, 4, 6
 * ```
 */
export class Component extends Microprocess {
  /** The inboxes every instance gets: name to meaning. */
  static Inboxes: BoxDeclaration = {
    inbox: "data to process",
    control: "shutdown messages: ProducerFinished, ShutdownMicroprocess",
  };
  /** The outboxes every instance gets: name to meaning. */
  static Outboxes: BoxDeclaration = {
    outbox: "results",
    signal: "shutdown messages passed on when it ends",
  };

  /** This component's inboxes by name. */
  readonly inboxes: Record<string, Box> = {};
  /** This component's outboxes by name. */
  readonly outboxes: Record<string, Box> = {};
  /** @internal Containers this is a child of; they are woken when it ends. */
  _parents: Component[] | null = null;
  /** @internal */ _children: Component[] | null = null;
  /** @internal Linkages this component made. */
  _linkages: Linkage[] | null = null;
  /** @internal The "inbox" box, kept at hand: most calls name no box. */
  _inbox: Box | undefined;
  /** @internal The "outbox" box, kept at hand. */
  _outbox: Box | undefined;

  constructor() {
    super();
    const type = this.constructor as typeof Component;
    for (const name of boxNames(type.Inboxes)) addBox(this.inboxes, new Box(this, name, true));
    for (const name of boxNames(type.Outboxes)) addBox(this.outboxes, new Box(this, name, false));
    this._inbox = this.inboxes["inbox"];
    this._outbox = this.outboxes["outbox"];
  }

  /** The container this is a child of, if any. */
  get parent(): Component | null {
    return this._parents?.[0] ?? null;
  }

  /**
   * Sends `message` from an outbox (default `"outbox"`): it lands in the final inbox of the chain of
   * links and wakes that inbox's owner. An outbox that leads nowhere discards it. Throws `NoSpaceInBox`
   * (delivering nothing) when the final inbox is full.
   */
  send(message: unknown, outbox = "outbox"): void {
    let box = outbox === "outbox" ? this._outbox : undefined;
    if (box === undefined) {
      const named = this.outboxes[outbox];
      // instanceof, not `=== undefined`: names every object inherits ("toString") are not boxes.
      if (!(named instanceof Box)) throw new NoSuchBox(this, "outbox", outbox, Object.keys(this.outboxes));
      box = named;
    }
    box.deliver(message);
  }

  /**
   * Takes the oldest message from an inbox (default `"inbox"`) and wakes the components whose outboxes
   * feed it. Throws `EmptyBox` when nothing is waiting: check `dataReady` first.
   */
  recv(inbox = "inbox"): unknown {
    const box = inbox === "inbox" ? this._inbox : undefined;
    return (box ?? this.#inbox(inbox)).take(this, inbox);
  }

  /** How many messages wait in an inbox (default `"inbox"`); 0 for an inbox forwarding to a child. */
  dataReady(inbox = "inbox"): number {
    const box = inbox === "inbox" ? this._inbox : undefined;
    return (box ?? this.#inbox(inbox)).localLength();
  }

  /** True when any inbox holds a message. */
  anyReady(): boolean {
    for (const box of Object.values(this.inboxes)) if (box.localLength() > 0) return true;
    return false;
  }

  /** Sets how many messages an inbox holds (`Infinity`: no limit); sends beyond it throw `NoSpaceInBox`. */
  setInboxSize(inbox: string, size: number): void {
    this.#inbox(inbox).capacity = capacityOf(size);
  }

  /**
   * Links a box of one component to a box of another, and returns the linkage. This component owns it:
   * it is removed when this component ends or unlinks it. Messages already waiting in the source box
   * move to the new destination. A box feeds one destination (`BoxAlreadyLinkedToDestination`); a link
   * that would close a cycle is refused (`LinkageCycle`).
   */
  link(source: BoxRef, sink: BoxRef, options: LinkOptions = {}): Linkage {
    const passthrough = options.passthrough ?? 0;
    const [sourceComponent, sourceName] = source;
    const [sinkComponent, sinkName] = sink;
    if (!(sourceComponent instanceof Component)) throw new BadComponent(sourceComponent, "Link boxes of components: link([component, \"outbox\"], [other, \"inbox\"]).");
    if (!(sinkComponent instanceof Component)) throw new BadComponent(sinkComponent, "Link boxes of components: link([component, \"outbox\"], [other, \"inbox\"]).");
    const from = passthrough === 1 ? sourceComponent.#inbox(sourceName) : sourceComponent.#outbox(sourceName);
    const to = passthrough === 2 ? sinkComponent.#outbox(sinkName) : sinkComponent.#inbox(sinkName);
    if (from.out !== null) {
      throw new BoxAlreadyLinkedToDestination(from.toString(), from.out._sinkBox.toString(), to.toString());
    }
    for (let box: Box | null = to; box !== null; box = box.out?._sinkBox ?? null) {
      if (box === from) throw new LinkageCycle(from.toString(), to.toString());
    }
    const waiting = from.localLength();
    const finalBox = to.sink;
    const capacity = to === finalBox && options.pipewidth !== undefined ? capacityOf(options.pipewidth) : finalBox.capacity;
    if (waiting > 0 && finalBox.isInbox && finalBox.localLength() + waiting > capacity) {
      throw new NoSpaceInBox(
        finalBox.localLength(),
        capacity,
        finalBox.toString(),
        `Linking ${from.toString()} would move its ${String(waiting)} waiting messages there, so nothing was linked. ` +
          `Let ${finalBox.owner.name} take some messages first, or link with a larger pipewidth.`,
      );
    }
    if (options.pipewidth !== undefined) to.capacity = capacityOf(options.pipewidth);
    const linkage = new Linkage(sourceComponent, sourceName, sinkComponent, sinkName, passthrough, from, to, this);
    from.out = linkage;
    to.sources = appended(to.sources, from);
    from.resolve();
    finalBox.refreshCollectors();
    this._linkages = appended(this._linkages, linkage);
    if (waiting > 0) {
      // Moved messages travel the new route like sent ones, and are counted on its linkages.
      for (const message of from.drainLocal()) from.deliver(message);
    }
    this.#topologyChanged(sourceComponent, sinkComponent);
    return linkage;
  }

  /**
   * Removes linkages this component made: `thelinkage`, and every one touching `thecomponent`; with
   * neither, all of them. Linkages made by others are left alone. Messages already delivered stay.
   */
  unlink(target: UnlinkTarget = {}): void {
    const linkages = this._linkages;
    if (linkages === null) return;
    const { thecomponent, thelinkage } = target;
    const all = thecomponent === undefined && thelinkage === undefined;
    const removing = linkages.filter(
      (linkage) =>
        all || linkage === thelinkage || (thecomponent !== undefined && (linkage.source === thecomponent || linkage.sink === thecomponent)),
    );
    if (removing.length === 0) return;
    const gone = new Set(removing);
    this._linkages = linkages.filter((linkage) => !gone.has(linkage));
    for (const linkage of removing.reverse()) this.#disconnect(linkage);
  }

  /**
   * Makes components children of this one: this one is woken when any of them ends. Children are not
   * activated here: containers activate them when they run.
   */
  addChildren(...children: Component[]): void {
    for (const child of children) {
      if (!(child instanceof Component)) {
        throw new BadComponent(child, "addChildren takes component instances: addChildren(new Child()), not addChildren(Child).");
      }
      this._children = appended(this._children, child);
      child._parents = appended(child._parents, this);
    }
    this._scheduler?._topologyChanged();
  }

  /** Forgets a child and removes every linkage this component made that touches it. */
  removeChild(child: Component): void {
    if (this._children !== null) this._children = this._children.filter((c) => c !== child);
    if (child._parents !== null) child._parents = child._parents.filter((p) => p !== this);
    this.unlink({ thecomponent: child });
  }

  /** A copy of the list of children. */
  childComponents(): Component[] {
    return this._children === null ? [] : [...this._children];
  }

  /**
   * Activates it, runs its scheduler, and resolves when no microprocess is left there. With a `signal`,
   * aborting sends `ShutdownMicroprocess` to its `control` inbox so it stops the Kamaelia way.
   */
  override run(options: ComponentRunOptions = {}): Promise<void> {
    const { signal } = options;
    if (signal === undefined) return super.run();
    const onAbort = (): void => {
      if (!this.finished) this.inboxes["control"]?.deliver(new ShutdownMicroprocess());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    if (signal.aborted) onAbort();
    return super.run().finally(() => {
      signal.removeEventListener("abort", onAbort);
    });
  }

  /** @internal */
  override _parentOf(): Component | null {
    return this.parent;
  }

  /** @internal */
  override _childrenOf(): readonly Component[] {
    return this._children ?? [];
  }

  /** @internal Wakes parents and removes the linkages it made. */
  override _closeDown(): void {
    super._closeDown();
    const parents = this._parents;
    if (parents !== null) for (const parent of parents) parent.unpause();
    if (this._linkages !== null) this.unlink();
  }

  /** `Component <name> [ inboxes: ... outboxes: ... ]`, for logs. */
  override toString(): string {
    return `Component ${this.name} [ inboxes: ${Object.keys(this.inboxes).join(", ")} outboxes: ${Object.keys(this.outboxes).join(", ")} ]`;
  }

  /** @internal Adds an inbox by exact name (AdaptiveCommsComponent picks free names). */
  _createInbox(name: string): Box {
    const box = new Box(this, name, true);
    addBox(this.inboxes, box);
    if (name === "inbox") this._inbox = box;
    this._scheduler?._topologyChanged();
    return box;
  }

  /** @internal Adds an outbox by exact name. */
  _createOutbox(name: string): Box {
    const box = new Box(this, name, false);
    addBox(this.outboxes, box);
    if (name === "outbox") this._outbox = box;
    this._scheduler?._topologyChanged();
    return box;
  }

  #inbox(name: string): Box {
    const box = this.inboxes[name];
    if (!(box instanceof Box)) throw new NoSuchBox(this, "inbox", name, Object.keys(this.inboxes));
    return box;
  }

  #outbox(name: string): Box {
    const box = this.outboxes[name];
    if (!(box instanceof Box)) throw new NoSuchBox(this, "outbox", name, Object.keys(this.outboxes));
    return box;
  }

  #disconnect(linkage: Linkage): void {
    const from = linkage._sourceBox;
    const to = linkage._sinkBox;
    const oldFinal = from.sink;
    from.out = null;
    if (to.sources !== null) {
      const i = to.sources.indexOf(from);
      if (i >= 0) to.sources.splice(i, 1);
      if (to.sources.length === 0) to.sources = null;
    }
    from.resolve();
    oldFinal.refreshCollectors();
    if (from.isInbox) from.refreshCollectors();
    this.#topologyChanged(linkage.source, linkage.sink);
  }

  #topologyChanged(a: Component, b: Component): void {
    const scheduler = this._scheduler ?? a._scheduler ?? b._scheduler;
    scheduler?._topologyChanged();
  }
}
