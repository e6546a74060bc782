/**
 * The running system as a graph for the layered layout (layered.ts): components as nodes, their inboxes
 * (left) and outboxes (right) as ports, containers as groups holding their children, linkages as edges
 * with room for their message counts.
 * @module
 */

import { layOut, PORT_SIZE, type EdgeSpec, type GraphSpec, type Layout, type NodeSpec, type PortSpec } from "./layered.js";
import type { SystemComponent, SystemLinkage, SystemModel } from "./topology-model.js";

/** At most this many components are drawn; the rest are counted under the picture. */
export const MAX_DRAWN = 120;

/** The size of the text the picture draws, in pixels: names, and message counts. */
export const FONT_SIZE = 12;
/** The size of the boxes' names. */
export const BOX_FONT_SIZE = 10;
/** The advance of one character of the picture's monospace font, per pixel of its size. */
const CHAR_ADVANCE = 0.62;
/** The rows of a node's ports. */
const PORT_GAP = 14;
/** The height of the band at the top of a node where its name is drawn. */
export const NAME_HEIGHT = 20;

/** How wide a text is drawn, close enough for layout. */
export function textWidth(text: string, size = FONT_SIZE): number {
  return Math.ceil(text.length * size * CHAR_ADVANCE);
}

/** Digits a count's label has room for before the picture is laid out again. */
export function countRoom(delivered: number): number {
  return Math.max(2, String(delivered).length);
}

/** A port's id: the component, which side, the box. */
export function portId(id: number, side: "in" | "out", box: string): string {
  return `${String(id)}:${side}:${box}`;
}

/** A component's node id. */
export function nodeId(id: number): string {
  return `c${String(id)}`;
}

/** The boxes drawn for a component: its public ones and any other that a linkage uses. */
function drawnBoxes(boxes: readonly string[], side: "in" | "out", id: number, used: ReadonlySet<string>): string[] {
  return boxes.filter((box) => !box.startsWith("_") || used.has(portId(id, side, box)));
}

function widest(texts: readonly string[]): number {
  return texts.reduce((width, text) => Math.max(width, textWidth(text, BOX_FONT_SIZE)), 0);
}

/**
 * A component as a node. A component's boxes are drawn in rows below its name, each name inside the
 * border beside its port; a container's rows start a name's height lower, each name above its port, so
 * that the linkage running on from the port to a child does not cross it.
 */
function node(component: SystemComponent, children: NodeSpec[], used: ReadonlySet<string>): NodeSpec {
  const inboxes = drawnBoxes(component.inboxes, "in", component.id, used);
  const outboxes = drawnBoxes(component.outboxes, "out", component.id, used);
  const container = children.length > 0;
  const firstRow = NAME_HEIGHT + (container ? BOX_FONT_SIZE : 0);
  const row = (side: "in" | "out") => (box: string, at: number): PortSpec => ({ id: portId(component.id, side, box), side, offset: firstRow + at * PORT_GAP + PORT_GAP / 2 });
  const ports = [...inboxes.map(row("in")), ...outboxes.map(row("out"))];
  const rows = Math.max(inboxes.length, outboxes.length);
  if (!container) {
    return {
      id: nodeId(component.id),
      width: Math.max(textWidth(component.name) + 2 * PORT_SIZE, widest(inboxes) + widest(outboxes) + 3 * PORT_SIZE),
      height: NAME_HEIGHT + rows * PORT_GAP,
      ports,
      children,
      padding: { top: 0, left: 0, bottom: 0, right: 0 },
    };
  }
  return {
    id: nodeId(component.id),
    width: textWidth(component.name) + 2 * PORT_SIZE,
    height: firstRow + rows * PORT_GAP + 4,
    ports,
    children,
    padding: { top: NAME_HEIGHT + 4, left: widest(inboxes) + 2 * PORT_SIZE, bottom: 8, right: widest(outboxes) + 2 * PORT_SIZE },
  };
}

function edge(linkage: SystemLinkage): EdgeSpec {
  return {
    id: linkage.key,
    source: portId(linkage.source.id, linkage.passthrough === 1 ? "in" : "out", linkage.source.box),
    target: portId(linkage.sink.id, linkage.passthrough === 2 ? "out" : "in", linkage.sink.box),
    // Room for a few digits, so that counting up seldom needs a new layout.
    labelWidth: textWidth("0".repeat(countRoom(linkage.delivered))),
    labelHeight: FONT_SIZE,
  };
}

/** The graph to lay out, and the components left out of it. */
export interface SystemGraph {
  readonly graph: GraphSpec;
  /** Components not drawn, past {@link MAX_DRAWN}. */
  readonly hidden: number;
}

/** The model as a graph to lay out: its first `limit` components (by id), and the linkages between them. */
export function systemGraph(model: SystemModel, limit = MAX_DRAWN): SystemGraph {
  const drawn = [...model.components.values()].sort((a, b) => a.id - b.id).slice(0, limit);
  const ids = new Set(drawn.map((component) => component.id));
  const edges = [...model.linkages.values()].filter((linkage) => ids.has(linkage.source.id) && ids.has(linkage.sink.id)).map(edge);
  const used = new Set(edges.flatMap((found) => [found.source, found.target]));
  const children = new Map<number | null, SystemComponent[]>();
  for (const component of drawn) {
    const parent = component.parent !== null && component.parent !== component.id && ids.has(component.parent) ? component.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), component]);
  }
  const build = (component: SystemComponent): NodeSpec => node(component, (children.get(component.id) ?? []).map(build), used);
  return { hidden: model.components.size - drawn.length, graph: { nodes: (children.get(null) ?? []).map(build), edges } };
}

/** The model laid out (its first `limit` components), and the components left out of it. */
export function systemLayout(model: SystemModel, limit = MAX_DRAWN): { readonly layout: Layout; readonly hidden: number } {
  const { graph, hidden } = systemGraph(model, limit);
  return { layout: layOut(graph), hidden };
}
