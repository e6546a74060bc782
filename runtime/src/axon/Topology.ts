/**
 * Snapshots of the running system: components, their boxes and the linkages between them.
 * @module
 */

import type { Component } from "./Component.js";
import { MpState, type Microprocess } from "./Microprocess.js";
import type { Passthrough } from "./Linkage.js";

/** One component as {@link Scheduler.topology} reports it. */
export interface TopologyComponent {
  /** Its {@link Microprocess.id}, unique in the process. */
  readonly id: number;
  /** Its {@link Microprocess.name}, such as `"Pipeline_12"`. */
  readonly name: string;
  /** The id of its container, or null. */
  readonly parent: number | null;
  /** The names of its inboxes. */
  readonly inboxes: readonly string[];
  /** The names of its outboxes. */
  readonly outboxes: readonly string[];
  /** Whether it is runnable (`"running"`), paused or waiting (`"sleeping"`), or has ended (`"finished"`). */
  readonly state: "running" | "sleeping" | "finished";
}

/** One linkage as {@link Scheduler.topology} reports it. */
export interface TopologyLinkage {
  /** Where messages come from: a component's id and one of its boxes. */
  readonly source: {
    /** The source component's id. */
    readonly id: number;
    /** The box messages leave from. */
    readonly box: string;
  };
  /** Where messages go: a component's id and one of its boxes. */
  readonly sink: {
    /** The sink component's id. */
    readonly id: number;
    /** The box messages arrive in. */
    readonly box: string;
  };
  /** 0 outbox to inbox, 1 inbox to inbox (into a container), 2 outbox to outbox (out of a container). */
  readonly passthrough: Passthrough;
  /** Messages that have passed through it. */
  readonly delivered: number;
}

/** The components on a scheduler and the linkages between them. */
export interface Topology {
  /** Every component the scheduler knows that has not ended. */
  readonly components: readonly TopologyComponent[];
  /** Every linkage made by those components. */
  readonly linkages: readonly TopologyLinkage[];
}

function stateOf(mp: Microprocess): TopologyComponent["state"] {
  if (mp._state === MpState.Finished) return "finished";
  return mp._state === MpState.Active ? "running" : "sleeping";
}

// Duck-typed so that the scheduler need not import Component (which imports the scheduler).
function isComponent(mp: Microprocess): mp is Component {
  return "inboxes" in mp && "outboxes" in mp;
}

/** Builds a {@link Topology} from the microprocesses a scheduler knows. @internal */
export function collectTopology(threads: Iterable<Microprocess>): Topology {
  const components: TopologyComponent[] = [];
  const linkages: TopologyLinkage[] = [];
  for (const mp of threads) {
    if (!isComponent(mp)) continue;
    components.push({
      id: mp.id,
      name: mp.name,
      parent: mp.parent?.id ?? null,
      inboxes: Object.keys(mp.inboxes),
      outboxes: Object.keys(mp.outboxes),
      state: stateOf(mp),
    });
    for (const linkage of mp._linkages ?? []) {
      linkages.push({
        source: { id: linkage.source.id, box: linkage.sourcebox },
        sink: { id: linkage.sink.id, box: linkage.sinkbox },
        passthrough: linkage.passthrough,
        delivered: linkage.delivered,
      });
    }
  }
  return { components, linkages };
}
