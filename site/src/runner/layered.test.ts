import { describe, expect, it } from "vitest";
import { layOut, PORT_SIZE, type EdgeSpec, type GraphSpec, type Layout, type NodeSpec, type PlacedEdge, type PlacedNode, type Rect } from "./layered.js";

const none = { top: 0, left: 0, bottom: 0, right: 0 };

/** A box with inputs on its left and outputs on its right, one row each, as the picture draws them. */
function box(id: string, inputs: readonly string[] = ["in"], outputs: readonly string[] = ["out"]): NodeSpec {
  return {
    id,
    width: 60,
    height: 20 + 14 * Math.max(inputs.length, outputs.length),
    ports: [
      ...inputs.map((name, row) => ({ id: `${id}.${name}`, side: "in" as const, offset: 27 + 14 * row })),
      ...outputs.map((name, row) => ({ id: `${id}.${name}`, side: "out" as const, offset: 27 + 14 * row })),
    ],
    children: [],
    padding: none,
  };
}

/** A group around `children`, with one input and one output of its own. */
function group(id: string, children: readonly NodeSpec[]): NodeSpec {
  return {
    id,
    width: 80,
    height: 50,
    ports: [
      { id: `${id}.in`, side: "in", offset: 37 },
      { id: `${id}.out`, side: "out", offset: 37 },
    ],
    children,
    padding: { top: 24, left: 30, bottom: 8, right: 30 },
  };
}

function edge(source: string, target: string): EdgeSpec {
  return { id: `${source}>${target}`, source, target, labelWidth: 15, labelHeight: 12 };
}

/** Every node, containers before their children, each with its parent. */
function* nodesOf(nodes: readonly PlacedNode[], parent: PlacedNode | null = null): Generator<{ node: PlacedNode; parent: PlacedNode | null }> {
  for (const node of nodes) {
    yield { node, parent };
    yield* nodesOf(node.children, node);
  }
}

function find(layout: Layout, id: string): PlacedNode {
  for (const { node } of nodesOf(layout.nodes)) if (node.id === id) return node;
  throw new Error(`no node ${id}`);
}

function route(layout: Layout, id: string): PlacedEdge {
  const found = layout.edges.find((placed) => placed.id === id);
  if (found === undefined) throw new Error(`no edge ${id}`);
  return found;
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * A system like the ones the runner draws: a source, a Pipeline of three, a Graphline of four with a
 * feedback loop between two of them, a box that feeds itself, and a sink taking from both groups.
 */
function system(): GraphSpec {
  const pipeline = group("P", [box("P1"), box("P2", ["in"], ["out", "signal"]), box("P3")]);
  const graphline = group("G", [box("G1"), box("G2", ["in", "again"], ["out"]), box("G3", ["in"], ["out", "back"]), box("G4")]);
  return {
    nodes: [box("S", [], ["out"]), pipeline, graphline, box("Self", ["in", "loop"], ["out"]), box("T", ["a", "b"], [])],
    edges: [
      edge("S.out", "P.in"),
      edge("P.in", "P1.in"),
      edge("P1.out", "P2.in"),
      edge("P2.out", "P3.in"),
      edge("P3.out", "P.out"),
      edge("P.out", "G.in"),
      edge("G.in", "G1.in"),
      edge("G1.out", "G2.in"),
      edge("G2.out", "G3.in"),
      edge("G3.back", "G2.again"),
      edge("G3.out", "G4.in"),
      edge("G4.out", "G.out"),
      edge("G.out", "T.a"),
      edge("P2.signal", "T.b"),
      edge("Self.out", "Self.loop"),
    ],
  };
}

describe("the layered layout", () => {
  it("never lets two boxes overlap, at any depth", () => {
    const layout = layOut(system());
    const all = [...nodesOf(layout.nodes)];
    for (const a of all) {
      for (const b of all) {
        if (a.node === b.node || a.parent !== b.parent) continue;
        expect(overlap(a.node, b.node), `${a.node.id} and ${b.node.id}`).toBe(false);
      }
    }
    const leaves = all.filter(({ node }) => node.children.length === 0).map(({ node }) => node);
    for (const [at, a] of leaves.entries()) for (const b of leaves.slice(at + 1)) expect(overlap(a, b), `${a.id} and ${b.id}`).toBe(false);
  });

  it("puts every child inside its group, and every node inside the picture", () => {
    const layout = layOut(system());
    const picture = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const { node, parent } of nodesOf(layout.nodes)) {
      expect(inside(node, parent ?? picture), `${node.id} inside ${parent?.id ?? "the picture"}`).toBe(true);
    }
  });

  it("runs every edge left to right, from its source port's right to its target port's left, except back edges", () => {
    const layout = layOut(system());
    const ports = new Map([...nodesOf(layout.nodes)].flatMap(({ node }) => node.ports.map((port) => [port.id, port])));
    for (const placed of layout.edges) {
      if (placed.back) continue;
      const xs = placed.points.map((point) => point.x);
      expect(xs, placed.id).toEqual([...xs].sort((a, b) => a - b));
      const [source, target] = placed.id.split(">").map((id) => ports.get(id));
      const [first, last] = [placed.points[0], placed.points[placed.points.length - 1]];
      expect(first?.y, placed.id).toBe((source?.y ?? 0) + PORT_SIZE / 2);
      expect(last?.y, placed.id).toBe((target?.y ?? 0) + PORT_SIZE / 2);
    }
  });

  it("draws only the edge that closes a feedback loop, and an edge into its own node, as back edges", () => {
    const layout = layOut(system());
    expect(layout.edges.filter((placed) => placed.back).map((placed) => placed.id)).toEqual(["G3.back>G2.again", "Self.out>Self.loop"]);
    // The loop's other edges keep the flow: G1, then G2, then G3.
    const [g1, g2, g3] = ["G1", "G2", "G3"].map((id) => find(layout, id).x);
    expect(g1).toBeLessThan(g2 ?? 0);
    expect(g2).toBeLessThan(g3 ?? 0);
    // A back edge leaves to the right of its source and comes in from the left of its target, under both.
    const back = route(layout, "G3.back>G2.again");
    const lowest = Math.max(...back.points.map((point) => point.y));
    expect(lowest).toBeGreaterThan(find(layout, "G3").y + find(layout, "G3").height);
    expect(back.points[1]?.x).toBeGreaterThan(find(layout, "G3").x + find(layout, "G3").width);
    expect(back.points[back.points.length - 2]?.x).toBeLessThan(find(layout, "G2").x);
  });

  it("lines up the ports of a chain of boxes, so that its edges are straight", () => {
    const layout = layOut({ nodes: [box("A", [], ["out"]), box("B"), box("C"), box("D", ["in"], [])], edges: [edge("A.out", "B.in"), edge("B.out", "C.in"), edge("C.out", "D.in")] });
    for (const placed of layout.edges) expect(placed.points, placed.id).toHaveLength(2);
    expect(new Set(["A", "B", "C", "D"].map((id) => find(layout, id).y)).size).toBe(1);
  });

  it("orders each column so that edges do not cross when they need not", () => {
    // Listed so that, left in this order, A's edge to Y and B's edge to X would cross.
    const layout = layOut({
      nodes: [box("A", [], ["out"]), box("B", [], ["out"]), box("X", ["in"], []), box("Y", ["in"], [])],
      edges: [edge("A.out", "Y.in"), edge("B.out", "X.in")],
    });
    expect(find(layout, "A").y).toBeLessThan(find(layout, "B").y);
    expect(find(layout, "Y").y).toBeLessThan(find(layout, "X").y);
  });

  it("bends an edge that skips columns around the boxes between", () => {
    // A feeds C directly and through B: the direct edge passes B's column beside B, not through it.
    const layout = layOut({
      nodes: [box("A", [], ["out", "skip"]), box("B"), box("C", ["in", "skipped"], [])],
      edges: [edge("A.out", "B.in"), edge("B.out", "C.in"), edge("A.skip", "C.skipped")],
    });
    const b = find(layout, "B");
    const skip = route(layout, "A.skip>C.skipped");
    for (const [at, point] of skip.points.entries()) {
      const next = skip.points[at + 1];
      if (next === undefined) break;
      const segment = { x: Math.min(point.x, next.x), y: Math.min(point.y, next.y), width: Math.abs(next.x - point.x), height: Math.abs(next.y - point.y) };
      expect(overlap(segment, b), `segment ${String(at)} of the skipping edge`).toBe(false);
    }
  });

  it("gives the same layout for the same graph, every time", () => {
    const first = layOut(system());
    for (let run = 0; run < 3; run++) expect(layOut(system())).toEqual(first);
  });

  it("says which port is missing when an edge names one no node has", () => {
    expect(() => layOut({ nodes: [box("A")], edges: [edge("A.out", "B.in")] })).toThrowErrorMatchingInlineSnapshot(
      `[Error: The edge "A.out>B.in" joins the port "B.in", which no node has: add the port to its node, or leave the edge out.]`,
    );
  });
});
