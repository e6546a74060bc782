/**
 * Everything a run has shown of its system: the topology snapshots the worker streams, merged so that
 * components and linkages that have gone stay in the picture, marked as ended.
 * @module
 */

import type { Topology, TopologyLinkage } from "kamaelia";

/** A component as the picture draws it. */
export interface SystemComponent {
  readonly id: number;
  /** Its name, such as `"DataSource_3"`. */
  name: string;
  /** The id of its container, or null. */
  parent: number | null;
  inboxes: readonly string[];
  outboxes: readonly string[];
  /**
   * `"running"` or `"sleeping"` while it lives, `"ended"` once it has gone from the scheduler, and
   * `"unscheduled"` for one only seen at the end of a linkage, never activated.
   */
  state: "running" | "sleeping" | "ended" | "unscheduled";
}

/** A linkage as the picture draws it. */
export interface SystemLinkage {
  /** `source.box>sink.box` with ids: the same linkage keeps its key from one snapshot to the next. */
  readonly key: string;
  readonly source: { readonly id: number; readonly box: string };
  readonly sink: { readonly id: number; readonly box: string };
  readonly passthrough: TopologyLinkage["passthrough"];
  /** Messages that have passed through it, as last seen. */
  delivered: number;
  /** True once it has gone (its owner ended or unlinked it). */
  removed: boolean;
}

/** What one snapshot changed. */
export interface ModelChange {
  /** Components, boxes or linkages appeared: the picture must be laid out again. */
  readonly shape: boolean;
  /** Something lived or ended: the picture must be restyled. */
  readonly states: boolean;
  /** The keys of the linkages whose message counts went up. */
  readonly counts: readonly string[];
}

/** The key of a linkage. */
export function linkageKey(linkage: Pick<TopologyLinkage, "source" | "sink">): string {
  return `${String(linkage.source.id)}.${linkage.source.box}>${String(linkage.sink.id)}.${linkage.sink.box}`;
}

function sameBoxes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((box, index) => box === b[index]);
}

/** The running system as seen so far: every component and linkage any snapshot has shown. */
export class SystemModel {
  readonly components = new Map<number, SystemComponent>();
  readonly linkages = new Map<string, SystemLinkage>();

  /** Merges a snapshot in, and says what it changed. */
  update(topology: Topology): ModelChange {
    let shape = false;
    let states = false;
    const counts: string[] = [];
    const alive = new Set<number>();
    for (const seen of topology.components) {
      alive.add(seen.id);
      const state = seen.state === "finished" ? "ended" : seen.state;
      const known = this.components.get(seen.id);
      if (known === undefined) {
        this.components.set(seen.id, { ...seen, state });
        shape = true;
        continue;
      }
      if (known.name !== seen.name || known.parent !== seen.parent || !sameBoxes(known.inboxes, seen.inboxes) || !sameBoxes(known.outboxes, seen.outboxes)) {
        Object.assign(known, { name: seen.name, parent: seen.parent, inboxes: seen.inboxes, outboxes: seen.outboxes });
        shape = true;
      }
      if (known.state !== state) {
        known.state = state;
        states = true;
      }
    }
    for (const known of this.components.values()) {
      if (!alive.has(known.id) && (known.state === "running" || known.state === "sleeping")) {
        known.state = "ended";
        states = true;
      }
    }
    const linked = new Set<string>();
    for (const seen of topology.linkages) {
      const key = linkageKey(seen);
      linked.add(key);
      shape = this.#endpoint(seen.source.id, seen.source.box, seen.passthrough === 1 ? "in" : "out") || shape;
      shape = this.#endpoint(seen.sink.id, seen.sink.box, seen.passthrough === 2 ? "out" : "in") || shape;
      const known = this.linkages.get(key);
      if (known === undefined) {
        this.linkages.set(key, { key, source: seen.source, sink: seen.sink, passthrough: seen.passthrough, delivered: seen.delivered, removed: false });
        shape = true;
        if (seen.delivered > 0) counts.push(key);
        continue;
      }
      if (known.removed) {
        known.removed = false;
        states = true;
      }
      if (seen.delivered !== known.delivered) {
        if (seen.delivered > known.delivered) counts.push(key);
        known.delivered = seen.delivered;
      }
    }
    for (const known of this.linkages.values()) {
      if (!known.removed && !linked.has(known.key)) {
        known.removed = true;
        states = true;
      }
    }
    return { shape, states, counts };
  }

  /** The run was stopped from outside: everything in it has ended. */
  end(): ModelChange {
    let states = false;
    for (const known of this.components.values()) {
      if (known.state === "running" || known.state === "sleeping") {
        known.state = "ended";
        states = true;
      }
    }
    for (const known of this.linkages.values()) {
      states ||= !known.removed;
      known.removed = true;
    }
    return { shape: false, states, counts: [] };
  }

  /**
   * Makes sure a linkage's end is drawn: a component never activated (wiring made by hand) is known
   * only from the linkages that name it. Returns true when something was added.
   */
  #endpoint(id: number, box: string, side: "in" | "out"): boolean {
    let known = this.components.get(id);
    let added = false;
    if (known === undefined) {
      known = { id, name: `component ${String(id)}`, parent: null, inboxes: [], outboxes: [], state: "unscheduled" };
      this.components.set(id, known);
      added = true;
    }
    const boxes = side === "in" ? known.inboxes : known.outboxes;
    if (boxes.includes(box)) return added;
    if (side === "in") known.inboxes = [...boxes, box];
    else known.outboxes = [...boxes, box];
    return true;
  }
}
