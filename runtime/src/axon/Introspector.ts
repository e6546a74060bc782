/**
 * A component that describes the running system, as it changes, for topology viewers.
 * @module
 */

import { Component } from "./Component.js";
import { ShutdownMicroprocess } from "./Ipc.js";
import type { Topology } from "./Topology.js";

/** What one report of the system holds: node ids with their `ADD` text, and box-to-box links. */
interface Snapshot {
  /** Node id to the lines that add it (a box's line is followed by its ownership link). */
  readonly nodes: ReadonlyMap<string, string>;
  /** `"<id1>" "<id2>"`, the text after `ADD LINK` / `DEL LINK`, for each box-to-box linkage. */
  readonly links: ReadonlySet<string>;
}

const nothing: Snapshot = { nodes: new Map(), links: new Set() };

/**
 * Reports the components, boxes and linkages on its own scheduler as Kamaelia's topology text commands,
 * each time they change.
 * @remarks Port of Axon.Introspector.Introspector. It first sends `"DEL ALL\n"`, then a report of the
 * whole system, then, after every change, one string holding just the differences, line by line in this
 * order: `DEL LINK` lines, `DEL NODE` lines, `ADD NODE` lines (each box node followed by the
 * `ADD LINK "<componentId>" "<boxId>"` line that ties it to its component), then `ADD LINK` lines for the
 * linkages between boxes:
 * ```text
 * ADD NODE "<id>" "<name>" randompos component|inbox|outbox
 * DEL NODE "<id>"
 * ADD LINK "<id1>" "<id2>"
 * DEL LINK "<id1>" "<id2>"
 * ```
 * A component's node id is its `id`; a box's is `<componentId>.i.<name>` for an inbox and
 * `<componentId>.o.<name>` for an outbox (Axon printed a Python tuple, `(5, 'i', 'inbox')`). A component
 * that ends loses its node and its boxes' nodes. It reports itself too, and only components: plain
 * microprocesses are left out, and so are linkages touching a component that is not running (Axon drew
 * those components one level deep). Unlike Axon it does not poll: it sleeps until its scheduler
 * dispatches a `"topology"` event, which happens once per burst of changes, so a busy system costs it
 * nothing. `ShutdownMicroprocess` on `control` is sent on from `signal` and ends it; other `control`
 * messages are ignored, and so is `inbox`.
 * @inbox inbox - not used
 * @inbox control - `ShutdownMicroprocess` ends it
 * @outbox outbox - the topology commands, one string per change
 * @outbox signal - the `ShutdownMicroprocess` that ended it
 * @see {@link Scheduler.topology} for the same information as objects
 * @example
 * ```ts
 * import { Component, Introspector, ShutdownMicroprocess } from "kamaelia";
 * // Prints the component nodes and box-to-box links of the first full report (ids depend on what else
 * // the program has made, so they are shown as #), then stops the introspector.
 * class Viewer extends Component {
 *   override *main() {
 *     for (;;) {
 *       while (this.dataReady("inbox")) {
 *         const report = String(this.recv("inbox"));
 *         if (report === "DEL ALL\n") continue;
 *         for (const line of report.split("\n")) {
 *           if (line.endsWith(" component") || /^ADD LINK "\d+\./.test(line)) console.log(line.replace(/\d+/g, "#"));
 *         }
 *         this.send(new ShutdownMicroprocess());
 *         return;
 *       }
 *       this.pause();
 *       yield;
 *     }
 *   }
 * }
 * const introspector = new Introspector(), viewer = new Viewer();
 * introspector.link([introspector, "outbox"], [viewer, "inbox"]);
 * viewer.link([viewer, "outbox"], [introspector, "control"]);
 * introspector.activate();
 * await viewer.run(); // ADD NODE "#" "Introspector_#" randompos component, ADD NODE "#" "Viewer_#" randompos component, ADD LINK "#.o.outbox" "#.i.inbox", ADD LINK "#.o.outbox" "#.i.control"
 * ```
 */
export class Introspector extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "ShutdownMicroprocess ends it",
  };
  static override Outboxes = {
    outbox: "the topology commands, one string per change",
    signal: "the ShutdownMicroprocess that ended it",
  };

  override *main(): Generator<undefined, void, unknown> {
    const scheduler = this.scheduler;
    // main() only runs once activated, so there is always a scheduler; this narrows the type.
    if (scheduler === null) return;
    // Other wakes (its output being collected, a control message) are no reason to look again.
    let changed = true;
    const onTopology = (): void => {
      changed = true;
      this.unpause();
    };
    scheduler.addEventListener("topology", onTopology);
    try {
      this.send("DEL ALL\n");
      yield;
      let previous = nothing;
      for (;;) {
        while (this.dataReady("control")) {
          const message = this.recv("control");
          if (message instanceof ShutdownMicroprocess) {
            this.send(message, "signal");
            return;
          }
        }
        if (changed) {
          changed = false;
          const current = snapshot(scheduler.topology());
          const changes = differences(previous, current);
          if (changes !== "") this.send(changes);
          previous = current;
        }
        this.pause();
        yield;
      }
    } finally {
      scheduler.removeEventListener("topology", onTopology);
    }
  }
}

function addNode(id: string, name: string, kind: "component" | "inbox" | "outbox"): string {
  return `ADD NODE "${id}" "${name}" randompos ${kind}\n`;
}

function boxId(componentId: number, kind: "i" | "o", name: string): string {
  return `${String(componentId)}.${kind}.${name}`;
}

function snapshot(topology: Topology): Snapshot {
  const nodes = new Map<string, string>();
  for (const component of topology.components) {
    const id = String(component.id);
    nodes.set(id, addNode(id, component.name, "component"));
    for (const name of component.inboxes) {
      const box = boxId(component.id, "i", name);
      nodes.set(box, `${addNode(box, name, "inbox")}ADD LINK "${id}" "${box}"\n`);
    }
    for (const name of component.outboxes) {
      const box = boxId(component.id, "o", name);
      nodes.set(box, `${addNode(box, name, "outbox")}ADD LINK "${id}" "${box}"\n`);
    }
  }
  const links = new Set<string>();
  for (const { source, sink, passthrough } of topology.linkages) {
    // Passthrough 1 links an inbox to an inbox, 2 an outbox to an outbox; 0 an outbox to an inbox.
    const from = boxId(source.id, passthrough === 1 ? "i" : "o", source.box);
    const to = boxId(sink.id, passthrough === 2 ? "o" : "i", sink.box);
    if (nodes.has(from) && nodes.has(to)) links.add(`"${from}" "${to}"`);
  }
  return { nodes, links };
}

function differences(previous: Snapshot, current: Snapshot): string {
  let text = "";
  for (const link of previous.links) if (!current.links.has(link)) text += `DEL LINK ${link}\n`;
  for (const id of previous.nodes.keys()) if (!current.nodes.has(id)) text += `DEL NODE "${id}"\n`;
  for (const [id, lines] of current.nodes) if (!previous.nodes.has(id)) text += lines;
  for (const link of current.links) if (!previous.links.has(link)) text += `ADD LINK ${link}\n`;
  return text;
}
