/**
 * The picture of the running system: an SVG drawn from the model, laid out in columns from left to right
 * (layout.ts), restyled as components end and linkages go, and with each linkage's message count
 * updated, and a message shown travelling along it, as it counts up.
 * @module
 */

import type { Layout, PlacedNode } from "./layered.js";
import { BOX_FONT_SIZE, countRoom, FONT_SIZE, NAME_HEIGHT, nodeId, portId, systemLayout } from "./layout.js";
import type { ModelChange, SystemModel } from "./topology-model.js";

const SVG = "http://www.w3.org/2000/svg";
/** The space between a port and its box's name. */
const PORT_LABEL_GAP = 3;
/** The picture is scaled down to fit its pane, but no further than this. */
const MIN_SCALE = 0.75;

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const made = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, String(value));
  parent?.append(made);
  return made;
}

function text(content: string, x: number, y: number, className: string, parent: Element): SVGTextElement {
  const made = element("text", { x, y, class: className }, parent);
  made.textContent = content;
  return made;
}

/** Every node of a layout, containers before what they contain. */
function* nodesOf(nodes: readonly PlacedNode[]): Generator<PlacedNode> {
  for (const node of nodes) {
    yield node;
    yield* nodesOf(node.children);
  }
}

/** Draws one run's system into `host`, replacing what was there. */
export class Picture {
  readonly #host: HTMLElement;
  readonly #model: SystemModel;
  #svg: SVGSVGElement | null = null;
  readonly #reducedMotion = globalThis.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /**
   * @param host - the element the SVG goes in
   * @param model - the system as the run has shown it
   */
  constructor(host: HTMLElement, model: SystemModel) {
    this.#host = host;
    this.#model = model;
  }

  /**
   * The run is over: says so when no component ran on the default scheduler (or, with `why`, why
   * nothing ran).
   */
  finish(why = "No components ran on the default scheduler, so there is nothing to draw."): void {
    if (this.#model.components.size > 0) return;
    const note = document.createElement("p");
    note.className = "runner-hint";
    note.textContent = why;
    this.#host.replaceChildren(note);
  }

  /** Shows what a snapshot changed: a new layout, new styles, or new counts. */
  update(change: ModelChange): void {
    if (change.shape || this.#svg === null) {
      this.#layOut();
      return;
    }
    if (change.states) this.#restyle();
    for (const key of change.counts) this.#count(key);
  }

  #layOut(): void {
    if (this.#model.components.size === 0) return;
    const { layout, hidden } = systemLayout(this.#model);
    this.#draw(layout, hidden);
  }

  #draw(layout: Layout, hidden: number): void {
    const width = Math.ceil(layout.width);
    const height = Math.ceil(layout.height);
    const svg = element("svg", {
      viewBox: `0 0 ${String(width)} ${String(height)}`,
      width,
      height,
      role: "img",
      class: "runner-svg",
      style: `font-size: ${String(FONT_SIZE)}px`,
    });
    // As wide as the pane, but never so small that its text cannot be read: then the pane scrolls.
    const room = this.#host.clientWidth;
    if (room > 0 && width > room) {
      const shown = Math.max(room, Math.round(width * MIN_SCALE));
      svg.setAttribute("width", String(shown));
      svg.setAttribute("height", String(Math.round((height * shown) / width)));
    }
    const title = element("title", {}, svg);
    const defs = element("defs", {}, svg);
    const marker = element("marker", { id: `${this.#host.id}-arrow`, viewBox: "0 0 8 8", refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    element("path", { d: "M 0 0 L 8 4 L 0 8 z", class: "runner-arrow" }, marker);
    const nodes = element("g", { class: "runner-nodes" }, svg);
    const edges = element("g", { class: "runner-edges" }, svg);
    for (const laid of nodesOf(layout.nodes)) this.#drawNode(laid, nodes);
    for (const laid of layout.edges) {
      const linkage = this.#model.linkages.get(laid.id);
      const group = element("g", { class: "runner-edge", "data-linkage": laid.id, "data-room": countRoom(linkage?.delivered ?? 0) }, edges);
      element("path", { d: `M ${laid.points.map((point) => `${String(point.x)} ${String(point.y)}`).join(" L ")}`, "marker-end": `url(#${this.#host.id}-arrow)` }, group);
      const { label } = laid;
      text(String(linkage?.delivered ?? 0), label.x + label.width / 2, label.y + FONT_SIZE - 2, "runner-count", group).setAttribute("text-anchor", "middle");
    }
    const components = this.#model.components.size - hidden;
    const linkages = layout.edges.length;
    title.textContent = `${String(components)} components and ${String(linkages)} linkages`;
    const names = [...this.#model.components.values()].slice(0, components).map((component) => component.name);
    svg.setAttribute("aria-label", `${title.textContent}: ${names.join(", ")}${hidden > 0 ? `, and ${String(hidden)} more not drawn` : ""}`);
    this.#svg = svg;
    this.#host.replaceChildren(svg);
    if (hidden > 0) {
      const more = document.createElement("p");
      more.className = "runner-picture-more";
      more.textContent = `${String(hidden)} more components are running but not drawn.`;
      this.#host.append(more);
    }
    this.#restyle();
  }

  #drawNode(laid: PlacedNode, parent: Element): void {
    const id = Number(laid.id.slice(1));
    const component = this.#model.components.get(id);
    if (component === undefined) return;
    const container = laid.children.length > 0;
    const { x, y, width, height } = laid;
    const group = element("g", { class: "runner-component", "data-component": component.name, "data-id": id }, parent);
    if (container) group.classList.add("is-container");
    element("rect", { x, y, width, height, rx: 4 }, group);
    // A component's name over its middle; a container's at its top left, clear of its children.
    const name = text(component.name, container ? x + 2 * PORT_LABEL_GAP : x + width / 2, y + NAME_HEIGHT / 2 + FONT_SIZE / 2 - 1, "runner-name", group);
    if (!container) name.setAttribute("text-anchor", "middle");
    for (const port of laid.ports) {
      const { side } = port;
      const box = port.id.slice(port.id.indexOf(":", port.id.indexOf(":") + 1) + 1);
      const [px, py, pw, ph] = [port.x, port.y, port.width, port.height];
      element("rect", { x: px, y: py, width: pw, height: ph, class: `runner-port is-${side}`, "data-port": portId(id, side, box) }, group);
      // Each box's name inside the border, beside its port; a container's just above its port, clear
      // of the linkage that runs on from it to a child.
      const inbox = side === "in";
      const baseline = container ? py - 1 : py + ph / 2 + BOX_FONT_SIZE / 2 - 1;
      const label = text(box, inbox ? px + pw + PORT_LABEL_GAP : px - PORT_LABEL_GAP, baseline, "runner-box", group);
      if (!inbox) label.setAttribute("text-anchor", "end");
    }
    group.dataset["node"] = nodeId(id);
  }

  #restyle(): void {
    const svg = this.#svg;
    if (svg === null) return;
    for (const group of svg.querySelectorAll<SVGGElement>(".runner-component")) {
      const component = this.#model.components.get(Number(group.dataset["id"]));
      if (component !== undefined) group.dataset["state"] = component.state;
    }
    for (const group of svg.querySelectorAll<SVGGElement>(".runner-edge")) {
      const linkage = this.#model.linkages.get(group.dataset["linkage"] ?? "");
      if (linkage === undefined) continue;
      group.classList.toggle("is-removed", linkage.removed);
      group.classList.toggle("is-idle", linkage.delivered === 0);
      const count = group.querySelector(".runner-count");
      if (count !== null) count.textContent = String(linkage.delivered);
    }
  }

  /** A linkage's count went up: show the new count, and a message travelling along it. */
  #count(key: string): void {
    const group = this.#svg?.querySelector<SVGGElement>(`.runner-edge[data-linkage="${CSS.escape(key)}"]`);
    const linkage = this.#model.linkages.get(key);
    if (group === undefined || group === null || linkage === undefined) return;
    const count = group.querySelector(".runner-count");
    if (count !== null) count.textContent = String(linkage.delivered);
    group.classList.toggle("is-idle", linkage.delivered === 0);
    // A count with more digits than its label has room for: lay out again, with more room.
    if (countRoom(linkage.delivered) > Number(group.dataset["room"])) this.#layOut();
    if (this.#reducedMotion || group.querySelector(".runner-message") !== null) return;
    const path = group.querySelector("path")?.getAttribute("d");
    if (path === null || path === undefined) return;
    const message = element("circle", { r: 3.5, class: "runner-message" }, group);
    const motion = element("animateMotion", { dur: "0.4s", path, fill: "freeze" }, message);
    motion.addEventListener("endEvent", () => {
      message.remove();
    });
    motion.beginElement();
    // endEvent does not fire when the document's timeline is paused; make sure it goes anyway.
    setTimeout(() => {
      message.remove();
    }, 500);
  }
}
