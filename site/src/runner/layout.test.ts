import type { TopologyComponent, TopologyLinkage } from "kamaelia";
import { describe, expect, it } from "vitest";
import { MAX_DRAWN, systemGraph } from "./layout.js";
import { SystemModel } from "./topology-model.js";

function component(id: number, name: string, parent: number | null = null): TopologyComponent {
  return { id, name, parent, inboxes: ["inbox", "control", "_private"], outboxes: ["outbox", "signal"], state: "sleeping" };
}

function linkage(from: [number, string], to: [number, string], passthrough: TopologyLinkage["passthrough"] = 0): TopologyLinkage {
  return { source: { id: from[0], box: from[1] }, sink: { id: to[0], box: to[1] }, passthrough, delivered: 0 };
}

describe("the system as a graph to lay out", () => {
  it("puts children inside their container, inboxes on the left and outboxes on the right, private boxes left out", () => {
    const model = new SystemModel();
    model.update({ components: [component(1, "Pipeline_1"), component(2, "DataSource_2", 1)], linkages: [] });
    const { graph } = systemGraph(model);
    const pipeline = graph.nodes[0];
    expect(pipeline?.id).toBe("c1");
    expect(pipeline?.children.map((child) => child.id)).toEqual(["c2"]);
    expect(pipeline?.ports.map((port) => [port.id, port.side])).toEqual([
      ["1:in:inbox", "in"],
      ["1:in:control", "in"],
      ["1:out:outbox", "out"],
      ["1:out:signal", "out"],
    ]);
  });

  it("joins ports by linkage, into and out of containers by their own boxes", () => {
    const model = new SystemModel();
    model.update({
      components: [component(1, "Pipeline_1"), component(2, "Echo_2", 1)],
      linkages: [linkage([1, "inbox"], [2, "inbox"], 1), linkage([2, "outbox"], [1, "outbox"], 2), linkage([2, "signal"], [2, "_private"])],
    });
    const { graph } = systemGraph(model);
    expect(graph.edges.map((edge) => [edge.source, edge.target])).toEqual([
      ["1:in:inbox", "2:in:inbox"],
      ["2:out:outbox", "1:out:outbox"],
      ["2:out:signal", "2:in:_private"],
    ]);
    // A private box that a linkage uses is drawn.
    expect(graph.nodes[0]?.children[0]?.ports.map((port) => port.id)).toContain("2:in:_private");
  });

  it(`draws at most ${String(MAX_DRAWN)} components, and counts the rest`, () => {
    const model = new SystemModel();
    model.update({ components: Array.from({ length: MAX_DRAWN + 5 }, (_, index) => component(index + 1, `C_${String(index + 1)}`)), linkages: [] });
    const { graph, hidden } = systemGraph(model);
    expect(graph.nodes).toHaveLength(MAX_DRAWN);
    expect(hidden).toBe(5);
  });
});
