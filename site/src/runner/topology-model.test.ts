import type { Topology, TopologyComponent, TopologyLinkage } from "kamaelia";
import { describe, expect, it } from "vitest";
import { SystemModel } from "./topology-model.js";

function component(id: number, name: string, parent: number | null = null): TopologyComponent {
  return { id, name, parent, inboxes: ["inbox", "control"], outboxes: ["outbox", "signal"], state: "sleeping" };
}

function linkage(from: [number, string], to: [number, string], delivered = 0): TopologyLinkage {
  return { source: { id: from[0], box: from[1] }, sink: { id: to[0], box: to[1] }, passthrough: 0, delivered };
}

const pipeline = component(1, "Pipeline_1");
const source = component(2, "DataSource_2", 1);
const printer = component(3, "ConsoleEchoer_3", 1);

describe("the system a run has shown", () => {
  it("takes in the components and linkages of the first snapshot as a new shape", () => {
    const model = new SystemModel();
    const change = model.update({ components: [pipeline, source, printer], linkages: [linkage([2, "outbox"], [3, "inbox"])] });
    expect(change).toEqual({ shape: true, states: false, counts: [] });
    expect([...model.components.values()].map((known) => known.name)).toEqual(["Pipeline_1", "DataSource_2", "ConsoleEchoer_3"]);
    expect([...model.linkages.keys()]).toEqual(["2.outbox>3.inbox"]);
  });

  it("reports message counts going up without a new shape", () => {
    const model = new SystemModel();
    model.update({ components: [source, printer], linkages: [linkage([2, "outbox"], [3, "inbox"])] });
    const change = model.update({ components: [source, printer], linkages: [linkage([2, "outbox"], [3, "inbox"], 2)] });
    expect(change).toEqual({ shape: false, states: false, counts: ["2.outbox>3.inbox"] });
    expect(model.linkages.get("2.outbox>3.inbox")?.delivered).toBe(2);
  });

  it("keeps what has gone, marked as ended, with its last count", () => {
    const model = new SystemModel();
    model.update({ components: [pipeline, source, printer], linkages: [linkage([2, "outbox"], [3, "inbox"], 2)] });
    const change = model.update({ components: [], linkages: [] } satisfies Topology);
    expect(change).toEqual({ shape: false, states: true, counts: [] });
    expect([...model.components.values()].map((known) => known.state)).toEqual(["ended", "ended", "ended"]);
    expect(model.linkages.get("2.outbox>3.inbox")).toMatchObject({ removed: true, delivered: 2 });
  });

  it("draws a component only seen at the end of a linkage, with the boxes the linkage names", () => {
    const model = new SystemModel();
    model.update({ components: [printer], linkages: [linkage([9, "outbox"], [3, "inbox"])] });
    expect(model.components.get(9)).toEqual({ id: 9, name: "component 9", parent: null, inboxes: [], outboxes: ["outbox"], state: "unscheduled" });
    const change = model.update({ components: [printer, component(9, "Feeder_9")], linkages: [linkage([9, "outbox"], [3, "inbox"])] });
    expect(change.shape).toBe(true);
    expect(model.components.get(9)).toMatchObject({ name: "Feeder_9", state: "sleeping", inboxes: ["inbox", "control"] });
  });

  it("ends everything at once when the run is stopped from outside", () => {
    const model = new SystemModel();
    model.update({ components: [source, printer], linkages: [linkage([2, "outbox"], [3, "inbox"], 5)] });
    expect(model.end()).toEqual({ shape: false, states: true, counts: [] });
    expect([...model.components.values()].map((known) => known.state)).toEqual(["ended", "ended"]);
    expect(model.linkages.get("2.outbox>3.inbox")).toMatchObject({ removed: true, delivered: 5 });
    expect(model.end().states).toBe(false);
  });
});
