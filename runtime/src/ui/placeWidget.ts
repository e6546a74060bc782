/**
 * Where a page widget shows itself: an element it is given, or a new one it adds to a parent.
 * @module
 * @internal
 */

import { BadArgument } from "../util/BadArgument.js";

/** The options every widget takes to find its element. @internal */
export interface Placement {
  /** The element to use. */
  readonly element?: Element | undefined;
  /** Where to add a new element, when no `element` is given. */
  readonly parent?: Element | undefined;
}

/** `a <div>`, `an <img>`. */
function aTag(tag: string): string {
  return `${/^[aeiou]/.test(tag) ? "an" : "a"} <${tag}>`;
}

function isElement(value: unknown): value is Element {
  return typeof (value as Partial<Element> | null | undefined)?.append === "function";
}

/**
 * The element widget `component` uses: `options.element` (which must be a `<tag>` when `strict`), else a
 * new `<tag>` appended to `options.parent`. Throws {@link BadArgument} saying what to give otherwise.
 * @internal
 */
export function placeWidget<K extends keyof HTMLElementTagNameMap>(component: string, tag: K, options: Placement, strict: boolean): HTMLElementTagNameMap[K] {
  const { element, parent } = options;
  if (element !== undefined) {
    if (!isElement(element)) throw new BadArgument(component, "options.element", element, `a page element${strict ? `: ${aTag(tag)}` : ""}`);
    if (strict && element.localName !== tag) throw new BadArgument(component, "options.element", `<${element.localName}>`, aTag(tag));
    return element as HTMLElementTagNameMap[K];
  }
  if (!isElement(parent)) {
    throw new BadArgument(component, "options.parent", parent, `an element to add ${aTag(tag)} to (or give options.element, the <${tag}> to use)`);
  }
  return parent.appendChild(parent.ownerDocument.createElement(tag));
}
