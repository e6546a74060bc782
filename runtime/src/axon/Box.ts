/**
 * Inboxes and outboxes, and how linkages chain them so that a send lands straight in the final inbox.
 * @module
 * @internal
 */

import { EmptyBox, NoSpaceInBox } from "./AxonExceptions.js";
import type { Linkage } from "./Linkage.js";
import type { Microprocess } from "./Microprocess.js";

/** The capacity of a box without a limit. @internal */
export const UNBOUNDED = 0x3fffffff;

/**
 * Counts scheduler cycles, across every scheduler. A final inbox remembers the count at which it last
 * woke its producers: until another cycle runs anywhere, waking them again changes nothing. @internal
 */
export const cycles = { count: 0 };

/**
 * Says that a producer has begun waiting again outside any cycle (an `AsyncComponent` awaiting space
 * resumes in a promise's callback, not in a cycle), so that the next take wakes it even if no cycle ran
 * since the last one. @internal
 */
export function producerWaits(): void {
  cycles.count++;
}

/**
 * The messages waiting in an inbox: an array used as a ring that only grows, so that draining and
 * refilling it allocates nothing. Made on an inbox's first message, so idle components carry none. @internal
 */
class Queue {
  items: unknown[] = [];
  head = 0;
  tail = 0;
  /** `cycles.count` when the producers upstream were last woken by a take. */
  wokeAt = -1;
}

/** The component side of a box: who owns it and who to wake. @internal */
export interface BoxOwner extends Microprocess {
  readonly name: string;
}

/**
 * One inbox or outbox. An inbox stores messages; an outbox stores nothing and discards what is sent
 * while it leads nowhere. Linked boxes form trees that all point at one final box, so a send appends
 * straight into the final inbox (Axon's "linkage resolution").
 * @internal
 */
export class Box {
  /** Own storage (inboxes only), created on first use. */
  queue: Queue | null = null;
  /**
   * How many messages the own storage holds. "No limit" is a small integer rather than Infinity so that
   * V8 keeps the field unboxed: a million idle components each save a heap number per box.
   */
  capacity = UNBOUNDED;
  /** The linkage leading on from this box, if any. */
  out: Linkage | null = null;
  /** Boxes feeding into this one. */
  sources: Box[] | null = null;
  /** The final box of the chain starting here: sends land in its storage. */
  sink: Box = this;
  /** The linkages from here to the final box, to count deliveries. */
  route: Linkage[] | null = null;
  /** On a final inbox: the owners of every outbox upstream, woken when a message is collected. */
  collectors: Microprocess[] | null = null;

  constructor(
    readonly owner: BoxOwner,
    readonly name: string,
    readonly isInbox: boolean,
  ) {}

  /** Messages waiting in this box's own storage. */
  localLength(): number {
    const queue = this.queue;
    return queue === null ? 0 : queue.tail - queue.head;
  }

  /** Takes every message waiting in this box's own storage, oldest first (to move them on a new link). */
  drainLocal(): unknown[] {
    const queue = this.queue;
    if (queue === null) return [];
    const waiting = queue.items.slice(queue.head, queue.tail);
    this.queue = null;
    return waiting;
  }

  /** "Component_3.inbox", for messages. */
  toString(): string {
    return `${this.owner.name}.${this.name}`;
  }

  /** Appends to the final box of the chain (discarding at an outbox) and counts the linkages passed. */
  deliver(message: unknown): void {
    const sink = this.sink;
    if (sink.isInbox) sink.store(message);
    const route = this.route;
    if (route !== null) for (const linkage of route) linkage.delivered++;
  }

  /** Appends to this box's own storage and wakes its owner. */
  store(message: unknown): void {
    let queue = this.queue;
    if (queue === null) {
      queue = new Queue();
      this.queue = queue;
    }
    const length = queue.tail - queue.head;
    if (length >= this.capacity) throw new NoSpaceInBox(length, this.capacity, this.toString());
    queue.items[queue.tail++] = message;
    this.owner.unpause();
  }

  /** Takes the oldest message from the final box of the chain and wakes the producers upstream. */
  take(taker: Microprocess, boxName: string): unknown {
    const sink = this.sink;
    const queue = sink.queue;
    if (queue === null || queue.head === queue.tail) throw new EmptyBox(taker, boxName);
    const items = queue.items;
    const head = queue.head;
    const message = items[head];
    items[head] = undefined;
    if (head + 1 === queue.tail) {
      queue.head = 0;
      queue.tail = 0;
      // A burst that grew the array large gives the memory back once drained.
      if (items.length > 4096) queue.items = [];
    } else {
      queue.head = head + 1;
      if (head > 1023 && head * 2 > queue.tail) {
        items.copyWithin(0, head + 1, queue.tail);
        queue.tail -= head + 1;
        queue.head = 0;
        items.fill(undefined, queue.tail, queue.tail + head + 1);
      }
    }
    const collectors = sink.collectors;
    // Waking the same producers twice before any cycle has run changes nothing: skip it.
    if (collectors !== null && queue.wokeAt !== cycles.count) {
      queue.wokeAt = cycles.count;
      for (const producer of collectors) producer.unpause();
    }
    return message;
  }

  /** Every box in the tree feeding this one, this one included. */
  tree(): Box[] {
    const all: Box[] = [this];
    // The list grows while it is walked: every box's sources are appended and walked in turn.
    for (const box of all) if (box.sources !== null) all.push(...box.sources);
    return all;
  }

  /** Re-points this box and everything feeding it at the right final box, with their routes. */
  resolve(): void {
    const out = this.out;
    if (out === null) {
      this.sink = this;
      this.route = null;
    } else {
      const next = out._sinkBox;
      this.sink = next.sink;
      this.route = next.route === null ? [out] : [out, ...next.route];
    }
    const sources = this.sources;
    if (sources !== null) for (const source of sources) source.resolve();
  }

  /** Recomputes who is woken when a message is taken from this box (meaningful on final inboxes). */
  refreshCollectors(): void {
    const owners = new Set<Microprocess>();
    for (const box of this.tree()) if (box !== this && !box.isInbox) owners.add(box.owner);
    this.collectors = owners.size > 0 ? [...owners] : null;
    // The producers changed: the next take must wake the new set, whatever happened this cycle.
    if (this.queue !== null) this.queue.wokeAt = -1;
  }
}

/** Adds a box to a component's box table, as an own entry even for the name `"__proto__"`. @internal */
export function addBox(table: Record<string, Box>, box: Box): void {
  if (box.name === "__proto__") Object.defineProperty(table, box.name, { value: box, enumerable: true, configurable: true, writable: true });
  else table[box.name] = box;
}
