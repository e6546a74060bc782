/**
 * The running system as a graph for ELK's layered layout: components as nodes, their inboxes (left) and
 * outboxes (right) as ports, containers as nodes holding their children, linkages as edges labelled with
 * their message counts. Coordinates come back absolute (ELK's `ROOT` coordinates), ready to draw.
 * @module
 */

import type { ElkExtendedEdge, ElkNode, ElkPort } from "elkjs/lib/elk-api.js";
import type { SystemComponent, SystemLinkage, SystemModel } from "./topology-model.js";

/** At most this many components are drawn; the rest are counted under the picture. */
export const MAX_DRAWN = 120;

/** The size of the text the picture draws, in pixels: names, and message counts. */
export const FONT_SIZE = 12;
/** The size of the boxes' names. */
export const BOX_FONT_SIZE = 10;
/** The advance of one character of the picture's monospace font, per pixel of its size. */
const CHAR_ADVANCE = 0.62;
const PORT_SIZE = 8;
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

function ports(component: SystemComponent, used: ReadonlySet<string>): ElkPort[] {
  // Their names are drawn beside them, inside the node, which is made wide enough for them.
  const port = (side: "in" | "out", box: string): ElkPort => ({
    id: portId(component.id, side, box),
    width: PORT_SIZE,
    height: PORT_SIZE,
    layoutOptions: { "elk.port.side": side === "in" ? "WEST" : "EAST" },
  });
  return [
    ...drawnBoxes(component.inboxes, "in", component.id, used).map((box) => port("in", box)),
    ...drawnBoxes(component.outboxes, "out", component.id, used).map((box) => port("out", box)),
  ];
}

function widest(texts: readonly string[]): number {
  return texts.reduce((width, text) => Math.max(width, textWidth(text, BOX_FONT_SIZE)), 0);
}

function node(component: SystemComponent, children: ElkNode[], used: ReadonlySet<string>): ElkNode {
  const inboxes = drawnBoxes(component.inboxes, "in", component.id, used);
  const outboxes = drawnBoxes(component.outboxes, "out", component.id, used);
  const shared = {
    id: nodeId(component.id),
    ports: ports(component, used),
  };
  // Ports start below the name.
  const portsBelowName = `[top=${String(NAME_HEIGHT)},left=0,bottom=0,right=0]`;
  if (children.length === 0) {
    return {
      ...shared,
      width: Math.max(textWidth(component.name) + 2 * PORT_SIZE, widest(inboxes) + widest(outboxes) + 3 * PORT_SIZE),
      height: NAME_HEIGHT + Math.max(inboxes.length, outboxes.length) * PORT_GAP,
      layoutOptions: { "elk.portConstraints": "FIXED_SIDE", "elk.spacing.portsSurrounding": portsBelowName },
    };
  }
  // A container: its own boxes on its border, its children inside, clear of the boxes' names.
  return {
    ...shared,
    children,
    layoutOptions: {
      "elk.portConstraints": "FIXED_SIDE",
      // Its boxes' names are drawn above their ports: room for one under its own name.
      "elk.spacing.portsSurrounding": `[top=${String(NAME_HEIGHT + BOX_FONT_SIZE)},left=0,bottom=0,right=0]`,
      "elk.nodeSize.constraints": "MINIMUM_SIZE",
      "elk.nodeSize.minimum": `(${String(textWidth(component.name) + 2 * PORT_SIZE)}, ${String(NAME_HEIGHT + Math.max(inboxes.length, outboxes.length) * PORT_GAP)})`,
      "elk.padding": `[top=${String(NAME_HEIGHT + 4)},left=${String(widest(inboxes) + 2 * PORT_SIZE)},bottom=8,right=${String(widest(outboxes) + 2 * PORT_SIZE)}]`,
    },
  };
}

function edge(linkage: SystemLinkage): ElkExtendedEdge {
  const label = String(linkage.delivered);
  return {
    id: linkage.key,
    sources: [portId(linkage.source.id, linkage.passthrough === 1 ? "in" : "out", linkage.source.box)],
    targets: [portId(linkage.sink.id, linkage.passthrough === 2 ? "out" : "in", linkage.sink.box)],
    // Room for a few digits, so that counting up seldom needs a new layout.
    labels: [{ id: `${linkage.key}#count`, text: label, width: textWidth("0".repeat(countRoom(linkage.delivered))), height: FONT_SIZE }],
  };
}

/** The graph ELK lays out, and the components left out of it. */
export interface SystemGraph {
  readonly graph: ElkNode;
  /** Components not drawn, past {@link MAX_DRAWN}. */
  readonly hidden: number;
}

/** The model as a graph for ELK. */
export function systemGraph(model: SystemModel): SystemGraph {
  const drawn = [...model.components.values()].sort((a, b) => a.id - b.id).slice(0, MAX_DRAWN);
  const ids = new Set(drawn.map((component) => component.id));
  const linkages = [...model.linkages.values()].filter((linkage) => ids.has(linkage.source.id) && ids.has(linkage.sink.id));
  const used = new Set(linkages.flatMap((linkage) => [...edge(linkage).sources, ...edge(linkage).targets]));
  const children = new Map<number | null, SystemComponent[]>();
  for (const component of drawn) {
    const parent = component.parent !== null && ids.has(component.parent) ? component.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), component]);
  }
  const build = (component: SystemComponent): ElkNode =>
    node(component, (children.get(component.id) ?? []).map(build), used);
  return {
    hidden: model.components.size - drawn.length,
    graph: {
      id: "system",
      layoutOptions: {
        "elk.algorithm": "layered",
        "elk.direction": "RIGHT",
        "elk.hierarchyHandling": "INCLUDE_CHILDREN",
        "elk.json.edgeCoords": "ROOT",
        "elk.json.shapeCoords": "ROOT",
        "elk.edgeLabels.placement": "CENTER",
        "elk.layered.spacing.nodeNodeBetweenLayers": "28",
        "elk.layered.spacing.edgeNodeBetweenLayers": "8",
        "elk.spacing.edgeLabel": "2",
        "elk.spacing.nodeNode": "16",
        "elk.padding": "[top=8,left=8,bottom=8,right=8]",
      },
      children: (children.get(null) ?? []).map(build),
      edges: linkages.map(edge),
    },
  };
}
