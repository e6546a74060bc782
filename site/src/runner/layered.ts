/**
 * A layered ("Sugiyama") layout for data-flow graphs whose nodes have ports and may hold other nodes:
 * every edge runs from an output port on a node's right to an input port on another's left, so the
 * nodes go in columns (layers) from left to right. Each group is laid out on its own, innermost first,
 * and then placed as one box among its siblings. Per group:
 *
 * 1. Feedback loops are broken: a depth-first search finds the edges that close a cycle ("back edges"),
 *    which count as reversed while layers are assigned.
 * 2. Layers: each node one column right of its rightmost predecessor (the longest path), sources moved
 *    up to just before their first successor, and nodes that feed the group's output ports moved to the
 *    last column. Edges spanning several columns get a bend point ("dummy") in each column they cross.
 * 3. Crossings are reduced by barycentre sweeps: each column is sorted by the mean position of its
 *    neighbours' ports in the column before (then after), keeping the best order found.
 * 4. Positions: each column's nodes are placed as near as their order allows to the heights of the
 *    ports they are linked to (an isotonic regression per column, swept back and forth), so that linked
 *    ports line up and edges run straight.
 * 5. Edges are routed orthogonally: out of the source port, along its row, down or up a vertical track
 *    of their own in the gap between columns, and into the target port. Back edges (and edges from a
 *    node to itself) leave to the right, run back along a channel under the group, and come in from the
 *    left.
 *
 * The same graph always gives the same layout: nothing depends on timing or on chance.
 * @module
 */

/** Ports are squares this wide, centred on their node's left (inputs) or right (outputs) border. */
export const PORT_SIZE = 8;
/** The space between two boxes in a column. */
const NODE_GAP = 16;
/** The space between an edge passing through a column and a box or another edge. */
const EDGE_GAP = 10;
/** The space between two vertical tracks of edges, and between parallel back edges' channels. */
const TRACK = 6;
/** The room an edge keeps between a port and its first or last bend. */
const STUB = 12;
/** The least gap between two columns. */
const LAYER_GAP = 28;
/** The space around the whole picture. */
const MARGIN = 8;
/** The space between a port and its edge's label. */
const LABEL_PAD = 3;
/** Sweeps for crossing reduction, and for placing nodes in their columns. */
const ORDER_SWEEPS = 12;
const PLACE_SWEEPS = 8;

/** A port: where edges start (an `"out"` port, on the right) or end (an `"in"` port, on the left). */
export interface PortSpec {
  /** Unique in the graph. */
  readonly id: string;
  readonly side: "in" | "out";
  /** How far its centre is below its node's top. */
  readonly offset: number;
}

/** The room a group keeps between its border and what it holds. */
export interface Padding {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A node: a box, or a group of nodes (when it has children). */
export interface NodeSpec {
  /** Unique in the graph. */
  readonly id: string;
  /** Its width: a box's own, a group's least. */
  readonly width: number;
  /** Its height: a box's own, a group's least. */
  readonly height: number;
  readonly ports: readonly PortSpec[];
  readonly children: readonly NodeSpec[];
  /** For a group, the room around its children. */
  readonly padding: Padding;
}

/**
 * An edge from a port to a port. Between siblings it runs from an `"out"` port to an `"in"` port; a
 * group's own `"in"` port can also feed its children (an edge from it, inside the group), and its
 * `"out"` port be fed by them.
 */
export interface EdgeSpec {
  /** Unique in the graph. */
  readonly id: string;
  /** The id of the port it starts from. */
  readonly source: string;
  /** The id of the port it ends at. */
  readonly target: string;
  /** The size of its label, drawn just after its source port. */
  readonly labelWidth: number;
  readonly labelHeight: number;
}

/** What to lay out: the top-level nodes (each with its children), and every edge. */
export interface GraphSpec {
  readonly nodes: readonly NodeSpec[];
  readonly edges: readonly EdgeSpec[];
}

/** A point of the picture. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle of the picture: its top left corner and its size. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A port placed. */
export interface PlacedPort extends Rect {
  readonly id: string;
  readonly side: "in" | "out";
}

/** A node placed, with its ports and children. */
export interface PlacedNode extends Rect {
  readonly id: string;
  readonly ports: readonly PlacedPort[];
  readonly children: readonly PlacedNode[];
}

/** An edge routed. */
export interface PlacedEdge {
  readonly id: string;
  /** From the source port to the target port: horizontal and vertical segments. */
  readonly points: readonly Point[];
  /** Where its label goes. */
  readonly label: Rect;
  /** True for an edge against the flow: one that closes a feedback loop, or that returns to its node. */
  readonly back: boolean;
}

/** A laid-out graph; every coordinate is from the picture's top left corner. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/** A node while it is laid out: its position is relative to its parent's top left corner. */
interface Tree {
  readonly spec: NodeSpec | null;
  readonly parent: Tree | null;
  readonly children: Tree[];
  /** Its place among its siblings. */
  readonly index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The edges laid out inside it (between its children, or between them and its own ports). */
  readonly edges: LevelEdge[];
  /** The routes of those edges, relative to its top left corner. */
  readonly routes: PlacedEdge[];
}

interface PortRef {
  readonly owner: Tree;
  readonly port: PortSpec;
}

/** One end of an edge, as the group it is laid out in sees it. */
type End =
  /** A child of the group, or something inside one. */
  | { readonly kind: "item"; readonly item: number; readonly ref: PortRef; readonly inner: boolean }
  /** The group's own input port (on its left border) or output port (on its right). */
  | { readonly kind: "border"; readonly ref: PortRef };

interface LevelEdge {
  readonly spec: EdgeSpec;
  readonly from: End;
  readonly to: End;
}

/** A node of one column: a child of the group, or a bend of an edge passing through. */
type Slot = { readonly kind: "item"; readonly item: number } | { readonly kind: "dummy"; readonly chain: number };

/** A forward edge as a chain of slots, one per column from its source's to its target's. */
interface Chain {
  /** Its place among the group's chains: its bends are known by it. */
  readonly id: number;
  readonly edge: LevelEdge;
  /** The column of its source (-1 for the group's input port) and of its target (the column count for its output port). */
  readonly first: number;
  readonly last: number;
}

/** A vertical segment of an edge in the gap after column `gap`. */
interface Track {
  readonly key: string;
  readonly gap: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Lays out a graph: nodes in columns from left to right, groups around their children, edges routed
 * between them.
 * @throws {Error} when an edge names a port that no node has, or two nodes or ports share an id
 */
export function layOut(graph: GraphSpec): Layout {
  const root = tree(null, null, 0, graph.nodes);
  const ports = new Map<string, PortRef>();
  const nodeIds = new Set<string>();
  const index = (node: Tree): void => {
    if (node.spec !== null) {
      if (nodeIds.has(node.spec.id)) throw new Error(`Two nodes have the id "${node.spec.id}": give each node its own.`);
      nodeIds.add(node.spec.id);
      for (const port of node.spec.ports) {
        if (ports.has(port.id)) throw new Error(`Two ports have the id "${port.id}": give each port its own.`);
        ports.set(port.id, { owner: node, port });
      }
    }
    for (const child of node.children) index(child);
  };
  index(root);
  for (const edge of graph.edges) place(edge, ports, root);
  layOutGroup(root);
  const nodes = root.children.map((child) => placed(child, 0, 0));
  const edges: PlacedEdge[] = [];
  collectRoutes(root, 0, 0, edges);
  const order = new Map(graph.edges.map((edge, position) => [edge.id, position]));
  edges.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { width: root.width, height: root.height, nodes, edges };
}

function tree(spec: NodeSpec | null, parent: Tree | null, index: number, children: readonly NodeSpec[]): Tree {
  const node: Tree = { spec, parent, children: [], index, x: 0, y: 0, width: spec?.width ?? 0, height: spec?.height ?? 0, edges: [], routes: [] };
  children.forEach((child, position) => node.children.push(tree(child, node, position, child.children)));
  return node;
}

function depth(node: Tree): number {
  let count = 0;
  for (let at = node.parent; at !== null; at = at.parent) count++;
  return count;
}

/** The innermost group holding both. */
function commonGroup(a: Tree, b: Tree): Tree {
  let [x, y] = [a, b];
  while (depth(x) > depth(y)) x = x.parent ?? x;
  while (depth(y) > depth(x)) y = y.parent ?? y;
  while (x !== y) {
    x = x.parent ?? x;
    y = y.parent ?? y;
  }
  return x;
}

/** The child of `group` that is or holds `node`. */
function childHolding(group: Tree, node: Tree): Tree {
  let at = node;
  while (at.parent !== group && at.parent !== null) at = at.parent;
  return at;
}

/**
 * Files an edge under the group it is laid out in. An end is on the inside of its node's border when
 * the edge starts from an input port or ends at an output port (a group passing its own boxes on to
 * its children): it is then laid out inside that node, else beside it.
 */
function place(edge: EdgeSpec, ports: ReadonlyMap<string, PortRef>, root: Tree): void {
  const source = ports.get(edge.source);
  const target = ports.get(edge.target);
  if (source === undefined || target === undefined) {
    throw new Error(`The edge "${edge.id}" joins the port "${source === undefined ? edge.source : edge.target}", which no node has: add the port to its node, or leave the edge out.`);
  }
  const sourceInner = source.port.side === "in";
  const targetInner = target.port.side === "out";
  const scope = (ref: PortRef, inner: boolean): Tree => (inner ? ref.owner : (ref.owner.parent ?? root));
  const group = commonGroup(scope(source, sourceInner), scope(target, targetInner));
  const end = (ref: PortRef, inner: boolean): End =>
    inner && ref.owner === group ? { kind: "border", ref } : { kind: "item", item: childHolding(group, ref.owner).index, ref, inner };
  group.edges.push({ spec: edge, from: end(source, sourceInner), to: end(target, targetInner) });
}

/**
 * Where an end joins its item, from the item's top left corner: a port's outer side (or, for an end
 * inside a node's border, its inner side), through every group between the port's node and the item.
 */
function anchor(group: Tree, end: End): Point {
  const { owner, port } = end.ref;
  const inner = end.kind === "border" || end.inner;
  const outward = port.side === "in" ? -PORT_SIZE / 2 : PORT_SIZE / 2;
  let x = (port.side === "in" ? 0 : owner.width) + (inner ? -outward : outward);
  let y = port.offset;
  if (end.kind === "border") return { x, y };
  for (let at = owner; at.parent !== group && at.parent !== null; at = at.parent) {
    x += at.x;
    y += at.y;
  }
  return { x, y };
}

/** Lays out a group's children (after laying out each of theirs), sizes it, and routes its edges. */
function layOutGroup(group: Tree): void {
  for (const child of group.children) if (child.children.length > 0) layOutGroup(child);
  const isRoot = group.spec === null;
  const padding = group.spec?.padding ?? { top: MARGIN, left: MARGIN, bottom: MARGIN, right: MARGIN };
  const items = group.children;
  const count = items.length;

  // 1. Feedback loops: which edges between two children close a cycle.
  const successors: number[][] = items.map(() => []);
  for (const edge of group.edges) {
    if (edge.from.kind === "item" && edge.to.kind === "item" && edge.from.item !== edge.to.item) successors[edge.from.item]?.push(edge.to.item);
  }
  const backPairs = backEdges(successors);
  const isBack = (edge: LevelEdge): boolean =>
    edge.from.kind === "item" && edge.to.kind === "item" && (edge.from.item === edge.to.item || backPairs.has(pairKey(edge.from.item, edge.to.item)));

  // 2. Layers, over the edges with the back edges reversed.
  const dag: number[][] = items.map(() => []);
  for (let from = 0; from < count; from++) {
    for (const to of successors[from] ?? []) {
      if (backPairs.has(pairKey(from, to))) dag[to]?.push(from);
      else dag[from]?.push(to);
    }
  }
  const fedByBorder = new Set(group.edges.flatMap((edge) => (edge.from.kind === "border" && edge.to.kind === "item" ? [edge.to.item] : [])));
  const feedsBorder = new Set(group.edges.flatMap((edge) => (edge.to.kind === "border" && edge.from.kind === "item" ? [edge.from.item] : [])));
  const layer = layers(dag, fedByBorder, feedsBorder);
  const columns = count === 0 ? 0 : Math.max(...layer) + 1;
  const columnOf = (end: End, side: "from" | "to"): number => (end.kind === "item" ? (layer[end.item] ?? 0) : side === "from" ? -1 : columns);

  const chains: Chain[] = [];
  const loops: LevelEdge[] = [];
  for (const edge of group.edges) {
    if (isBack(edge)) loops.push(edge);
    else chains.push({ id: chains.length, edge, first: columnOf(edge.from, "from"), last: columnOf(edge.to, "to") });
  }

  // The columns' slots: each child in its layer, and a bend for each column a chain crosses.
  const order: Slot[][] = Array.from({ length: columns }, () => []);
  for (let item = 0; item < count; item++) order[layer[item] ?? 0]?.push({ kind: "item", item });
  for (const chain of chains) {
    for (let column = chain.first + 1; column < chain.last; column++) order[column]?.push({ kind: "dummy", chain: chain.id });
  }

  /** The slot a chain passes through in a column, with where it joins it (from the slot's top). */
  const stop = (chain: Chain, column: number): { slot: Slot | null; at: Point } => {
    if (column === chain.first) return endStop(chain.edge.from);
    if (column === chain.last) return endStop(chain.edge.to);
    return { slot: { kind: "dummy", chain: chain.id }, at: { x: 0, y: 0 } };
  };
  const endStop = (end: End): { slot: Slot | null; at: Point } =>
    end.kind === "item" ? { slot: { kind: "item", item: end.item }, at: anchor(group, end) } : { slot: null, at: anchor(group, end) };
  // Between each column and the next (-1: the group's input ports; `columns`: its output ports).
  interface Hop {
    readonly chain: Chain;
    readonly gap: number;
    readonly upper: { slot: Slot | null; at: Point };
    readonly lower: { slot: Slot | null; at: Point };
  }
  const hops: Hop[] = [];
  for (const chain of chains) {
    for (let column = chain.first; column < chain.last; column++) hops.push({ chain, gap: column, upper: stop(chain, column), lower: stop(chain, column + 1) });
  }
  const hopsByGap = new Map<number, Hop[]>();
  for (const hop of hops) {
    const inGap = hopsByGap.get(hop.gap);
    if (inGap === undefined) hopsByGap.set(hop.gap, [hop]);
    else inGap.push(hop);
  }
  const slotKey = (slot: Slot): string => (slot.kind === "item" ? `i${String(slot.item)}` : `d${String(slot.chain)}`);
  const heightOf = (slot: Slot): number => (slot.kind === "item" ? (items[slot.item]?.height ?? 0) : 0);

  // 3. Crossings: barycentre sweeps over the columns, keeping the best order.
  const position = new Map<string, number>();
  const renumber = (): void => {
    for (const column of order) column.forEach((slot, at) => position.set(slotKey(slot), at));
  };
  /** Where a hop's end is in its column, ports apart; the group's own ports come first, in their order. */
  const rank = (end: { slot: Slot | null; at: Point }): number => {
    if (end.slot === null) return -1 + end.at.y / (group.height + end.at.y + 1);
    const height = heightOf(end.slot);
    return (position.get(slotKey(end.slot)) ?? 0) + (height > 0 ? Math.min(Math.max(end.at.y / height, 0), 1) * 0.9 : 0.5);
  };
  const crossings = (): number => {
    let total = 0;
    for (const gapHops of hopsByGap.values()) {
      const ends = gapHops.map((hop) => [rank(hop.upper), rank(hop.lower)] as const);
      for (let a = 0; a < ends.length; a++) {
        for (let b = a + 1; b < ends.length; b++) {
          const [ua, la] = ends[a] ?? [0, 0];
          const [ub, lb] = ends[b] ?? [0, 0];
          if ((ua - ub) * (la - lb) < 0) total++;
        }
      }
    }
    return total;
  };
  renumber();
  let best = order.map((column) => [...column]);
  let fewest = crossings();
  for (let sweep = 0; sweep < ORDER_SWEEPS && fewest > 0; sweep++) {
    const down = sweep % 2 === 0;
    for (let step = 0; step < columns; step++) {
      const column = down ? step : columns - 1 - step;
      const slots = order[column] ?? [];
      const sum = new Map<string, { total: number; count: number }>();
      for (const hop of hopsByGap.get(down ? column - 1 : column) ?? []) {
        const [mine, theirs] = down ? [hop.lower, hop.upper] : [hop.upper, hop.lower];
        if (mine.slot === null) continue;
        const key = slotKey(mine.slot);
        const found = sum.get(key) ?? { total: 0, count: 0 };
        sum.set(key, { total: found.total + rank(theirs), count: found.count + 1 });
      }
      const weight = (slot: Slot, at: number): number => {
        const found = sum.get(slotKey(slot));
        return found === undefined ? at : found.total / found.count;
      };
      const sorted = slots.map((slot, at) => ({ slot, weight: weight(slot, at) })).sort((a, b) => a.weight - b.weight);
      order[column] = sorted.map((entry) => entry.slot);
      renumber();
    }
    const now = crossings();
    if (now < fewest) {
      fewest = now;
      best = order.map((column) => [...column]);
    }
  }
  best.forEach((column, at) => (order[at] = column));
  renumber();

  // 4. Heights: each column placed near the ports its slots are linked to.
  const top = new Map<string, number>();
  const topOf = (slot: Slot): number => top.get(slotKey(slot)) ?? 0;
  const gapBetween = (a: Slot, b: Slot): number => (a.kind === "item" && b.kind === "item" ? NODE_GAP : EDGE_GAP);
  for (const column of order) {
    let y = padding.top;
    column.forEach((slot, at) => {
      if (at > 0) y += gapBetween(column[at - 1] ?? slot, slot);
      top.set(slotKey(slot), y);
      y += heightOf(slot);
    });
  }
  const endY = (end: { slot: Slot | null; at: Point }): number => (end.slot === null ? end.at.y : topOf(end.slot) + end.at.y);
  for (let sweep = 0; sweep < PLACE_SWEEPS; sweep++) {
    // Down, up, down, up, then both sides at once.
    const sides = sweep < 4 ? [sweep % 2 === 0 ? "before" : "after"] : ["before", "after"];
    const down = sweep % 2 === 0;
    for (let step = 0; step < columns; step++) {
      const column = down ? step : columns - 1 - step;
      const slots = order[column] ?? [];
      const wish = new Map<string, { total: number; count: number }>();
      const wishFor = (mine: { slot: Slot | null; at: Point }, theirs: { slot: Slot | null; at: Point }): void => {
        if (mine.slot === null) return;
        const key = slotKey(mine.slot);
        const found = wish.get(key) ?? { total: 0, count: 0 };
        wish.set(key, { total: found.total + endY(theirs) - mine.at.y, count: found.count + 1 });
      };
      if (sides.includes("before")) for (const hop of hopsByGap.get(column - 1) ?? []) wishFor(hop.lower, hop.upper);
      if (sides.includes("after")) for (const hop of hopsByGap.get(column) ?? []) wishFor(hop.upper, hop.lower);
      const wanted = slots.map((slot) => {
        const found = wish.get(slotKey(slot));
        return found === undefined ? topOf(slot) : found.total / found.count;
      });
      const placedTops = fit(
        wanted,
        slots.map(heightOf),
        slots.map((slot, at) => (at === 0 ? 0 : gapBetween(slots[at - 1] ?? slot, slot))),
        padding.top,
      );
      slots.forEach((slot, at) => top.set(slotKey(slot), placedTops[at] ?? 0));
    }
  }
  // Nothing left hanging below the top padding.
  const highest = Math.min(...[...top.values()]);
  if (Number.isFinite(highest) && highest > padding.top) for (const [key, value] of top) top.set(key, value - (highest - padding.top));
  let bottom = padding.top;
  for (const column of order) for (const slot of column) bottom = Math.max(bottom, topOf(slot) + heightOf(slot));

  // 5. Widths: each column as wide as its widest child, each gap as wide as its labels and tracks.
  const columnWidth = order.map((column) => Math.max(0, ...column.map((slot) => (slot.kind === "item" ? (items[slot.item]?.width ?? 0) : 0))));
  const tracks = new Map<number, Track[]>();
  const addTrack = (track: Track): void => {
    const inGap = tracks.get(track.gap);
    if (inGap === undefined) tracks.set(track.gap, [track]);
    else inGap.push(track);
  };
  const labelRoom = new Map<number, number>();
  const roomFor = (gap: number, edge: EdgeSpec): void => {
    labelRoom.set(gap, Math.max(labelRoom.get(gap) ?? 0, edge.labelWidth));
  };
  for (const hop of hops) {
    const [from, to] = [endY(hop.upper), endY(hop.lower)];
    if (Math.abs(from - to) > 0.5) addTrack({ key: `${hop.chain.edge.spec.id}@${String(hop.gap)}`, gap: hop.gap, from, to });
    if (hop.gap === hop.chain.first) roomFor(hop.gap, hop.chain.edge.spec);
  }
  const channelBase = bottom + EDGE_GAP;
  const channel = new Map(loops.map((edge, at) => [edge.spec.id, channelBase + at * TRACK]));
  for (const edge of loops) {
    const [from, to] = [columnOf(edge.from, "from"), columnOf(edge.to, "to")];
    const y = channel.get(edge.spec.id) ?? channelBase;
    addTrack({ key: `${edge.spec.id}@out`, gap: from, from: itemEndY(edge.from), to: y });
    addTrack({ key: `${edge.spec.id}@in`, gap: to - 1, from: y, to: itemEndY(edge.to) });
    roomFor(from, edge.spec);
  }
  function itemEndY(end: End): number {
    return end.kind === "item" ? topOf({ kind: "item", item: end.item }) + anchor(group, end).y : anchor(group, end).y;
  }
  const trackX = new Map<string, number>();
  /** Where labels may start in a gap: a group's own boxes' names come first in its margins. */
  const labelsFrom = new Map<number, number>();
  /**
   * Lays out the gap after `column` from `start`: room kept `before` and `after` it (for a group's
   * names of its own boxes, in its margins), its labels, then its tracks. Returns its width.
   */
  const layOutGap = (column: number, start: number, least: number, before = 0, after = 0): number => {
    const labels = labelRoom.has(column) ? LABEL_PAD + (labelRoom.get(column) ?? 0) : 0;
    const inGap = sortTracks(tracks.get(column) ?? []);
    // Ports stick out half their size on each side of the gap.
    const needed = before + labels + STUB + (inGap.length > 0 ? (inGap.length - 1) * TRACK + STUB : 0) + PORT_SIZE + after;
    const width = Math.max(least, needed);
    const first = start + before + PORT_SIZE / 2 + labels + STUB + (width - needed) / 2;
    inGap.forEach((track, at) => trackX.set(track.key, first + at * TRACK));
    labelsFrom.set(column, start + before);
    return width;
  };
  const columnX: number[] = [];
  let x = isRoot ? layOutGap(-1, 0, MARGIN) : layOutGap(-1, 0, 0, padding.left);
  for (let column = 0; column < columns; column++) {
    columnX.push(x);
    x += columnWidth[column] ?? 0;
    const last = column === columns - 1;
    x += last && isRoot ? layOutGap(column, x, MARGIN) : last ? layOutGap(column, x, 0, 0, padding.right) : layOutGap(column, x, LAYER_GAP);
  }
  const contentBottom = loops.length > 0 ? channelBase + (loops.length - 1) * TRACK + EDGE_GAP : bottom;
  group.width = Math.max(group.spec?.width ?? 0, x);
  group.height = Math.max(group.spec?.height ?? 0, contentBottom + padding.bottom);
  for (const item of items) {
    item.x = columnX[layer[item.index] ?? 0] ?? 0;
    item.y = topOf({ kind: "item", item: item.index });
  }

  // 6. Routes, relative to the group's top left corner.
  const endPoint = (end: End): Point => {
    const at = anchor(group, end);
    if (end.kind === "border") {
      // The group's own ports: on its left border, or its right one (its width is only known now).
      return end.ref.port.side === "in" ? at : { x: group.width - PORT_SIZE / 2, y: at.y };
    }
    const item = items[end.item];
    return { x: (item?.x ?? 0) + at.x, y: (item?.y ?? 0) + at.y };
  };
  const label = (start: Point, gap: number, edge: EdgeSpec): Rect => ({
    x: Math.max(start.x + LABEL_PAD, labelsFrom.get(gap) ?? 0),
    y: start.y - edge.labelHeight - 1,
    width: edge.labelWidth,
    height: edge.labelHeight,
  });
  for (const chain of chains) {
    const start = endPoint(chain.edge.from);
    const points: Point[] = [start];
    for (let column = chain.first; column < chain.last; column++) {
      const x = trackX.get(`${chain.edge.spec.id}@${String(column)}`);
      if (x === undefined) continue;
      points.push({ x, y: endY(stop(chain, column)) }, { x, y: endY(stop(chain, column + 1)) });
    }
    points.push(endPoint(chain.edge.to));
    group.routes.push({ id: chain.edge.spec.id, points: straightened(points), label: label(start, chain.first, chain.edge.spec), back: false });
  }
  for (const edge of loops) {
    const start = endPoint(edge.from);
    const end = endPoint(edge.to);
    const y = channel.get(edge.spec.id) ?? channelBase;
    const out = trackX.get(`${edge.spec.id}@out`) ?? start.x + STUB;
    const back = trackX.get(`${edge.spec.id}@in`) ?? end.x - STUB;
    const points = [start, { x: out, y: start.y }, { x: out, y }, { x: back, y }, { x: back, y: end.y }, end];
    group.routes.push({ id: edge.spec.id, points: straightened(points), label: label(start, columnOf(edge.from, "from"), edge.spec), back: true });
  }
}

function pairKey(from: number, to: number): string {
  return `${String(from)}>${String(to)}`;
}

/**
 * The edges (as `from>to` pairs) that close a cycle: those a depth-first search, from each node in turn,
 * meets going back to a node it is still exploring.
 */
function backEdges(successors: readonly (readonly number[])[]): Set<string> {
  const state = successors.map(() => 0);
  const back = new Set<string>();
  const visit = (node: number): void => {
    state[node] = 1;
    for (const next of successors[node] ?? []) {
      if (state[next] === 1) back.add(pairKey(node, next));
      else if (state[next] === 0) visit(next);
    }
    state[node] = 2;
  };
  for (let node = 0; node < successors.length; node++) if (state[node] === 0) visit(node);
  return back;
}

/**
 * Each node's layer in an acyclic graph: one more than its highest predecessor's; a source (unless a
 * group's input port feeds it) just before its first successor, and a node feeding the group's output
 * ports (with no successor) in the last layer.
 */
function layers(dag: readonly (readonly number[])[], fedByBorder: ReadonlySet<number>, feedsBorder: ReadonlySet<number>): number[] {
  const count = dag.length;
  const incoming = dag.map(() => 0);
  for (const targets of dag) for (const to of targets) incoming[to] = (incoming[to] ?? 0) + 1;
  const hasPredecessor = incoming.map((value) => value > 0);
  const layer = dag.map(() => 0);
  const ready = incoming.flatMap((value, node) => (value === 0 ? [node] : []));
  const sorted: number[] = [];
  while (ready.length > 0) {
    const node = ready.shift() ?? 0;
    sorted.push(node);
    for (const to of dag[node] ?? []) {
      layer[to] = Math.max(layer[to] ?? 0, (layer[node] ?? 0) + 1);
      incoming[to] = (incoming[to] ?? 0) - 1;
      if (incoming[to] === 0) ready.push(to);
    }
  }
  for (const node of [...sorted].reverse()) {
    const next = dag[node] ?? [];
    if (!hasPredecessor[node] && next.length > 0 && !fedByBorder.has(node)) layer[node] = Math.min(...next.map((to) => layer[to] ?? 0)) - 1;
  }
  const last = count === 0 ? 0 : Math.max(...layer);
  for (let node = 0; node < count; node++) if ((dag[node]?.length ?? 0) === 0 && feedsBorder.has(node)) layer[node] = last;
  return layer;
}

/**
 * Tops for a column's slots, in order, each as near as it can be to the top wanted for it: they may not
 * overlap (`gaps[i]` is the least space above slot i, after the one before) nor start above `least`.
 * An isotonic regression (pool adjacent violators) on the wanted tops less each slot's least offset.
 */
function fit(wanted: readonly number[], heights: readonly number[], gaps: readonly number[], least: number): number[] {
  const offsets: number[] = [];
  let offset = 0;
  wanted.forEach((_, at) => {
    if (at > 0) offset += (heights[at - 1] ?? 0) + (gaps[at] ?? 0);
    offsets.push(offset);
  });
  const blocks: { value: number; count: number }[] = [];
  wanted.forEach((value, at) => {
    blocks.push({ value: value - (offsets[at] ?? 0), count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const before = blocks[blocks.length - 2];
      if (last === undefined || before === undefined || before.value <= last.value) break;
      blocks.splice(-2, 2, { value: (before.value * before.count + last.value * last.count) / (before.count + last.count), count: before.count + last.count });
    }
  });
  const tops: number[] = [];
  for (const block of blocks) for (let at = 0; at < block.count; at++) tops.push(Math.max(block.value, least) + (offsets[tops.length] ?? 0));
  return tops.map((value) => Math.round(value * 2) / 2);
}

/**
 * A gap's tracks, left to right, so that few of their segments cross: rising ones first, lowest start
 * leftmost; then falling ones, lowest start rightmost.
 */
function sortTracks(tracks: readonly Track[]): Track[] {
  const rising = tracks.filter((track) => track.to < track.from).sort((a, b) => a.from - b.from);
  const falling = tracks.filter((track) => track.to >= track.from).sort((a, b) => b.from - a.from);
  return [...rising, ...falling];
}

/** A route without repeated points, or points in the middle of a straight run. */
function straightened(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of points) {
    const last = kept[kept.length - 1];
    if (last?.x === point.x && last.y === point.y) continue;
    const before = kept[kept.length - 2];
    if (last !== undefined && before !== undefined && ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y))) kept.pop();
    kept.push(point);
  }
  return kept;
}

function placed(node: Tree, parentX: number, parentY: number): PlacedNode {
  const spec = node.spec;
  if (spec === null) throw new Error("The graph's root is not a node.");
  const [x, y] = [parentX + node.x, parentY + node.y];
  return {
    id: spec.id,
    x,
    y,
    width: node.width,
    height: node.height,
    ports: spec.ports.map((port) => ({
      id: port.id,
      side: port.side,
      x: (port.side === "in" ? x : x + node.width) - PORT_SIZE / 2,
      y: y + port.offset - PORT_SIZE / 2,
      width: PORT_SIZE,
      height: PORT_SIZE,
    })),
    children: node.children.map((child) => placed(child, x, y)),
  };
}

function collectRoutes(node: Tree, x: number, y: number, into: PlacedEdge[]): void {
  const shift = (point: Point): Point => ({ x: point.x + x, y: point.y + y });
  for (const route of node.routes) {
    into.push({ ...route, points: route.points.map(shift), label: { ...route.label, ...shift(route.label) } });
  }
  for (const child of node.children) collectRoutes(child, x + child.x, y + child.y, into);
}
