// Links the names `kamaelia` exports to their reference pages in the site's TypeScript and JavaScript code
// blocks: a rehype plugin that runs after Expressive Code has rendered them (see integration.mjs).
import { linksFor } from "./reference-choice.mjs";
import { referenceLinks } from "./reference-links.mjs";

/** @typedef {{ type: "text", value: string }} Text */
/** @typedef {{ type: "element", tagName: string, properties: Record<string, unknown>, children: Node[] }} Element */
/** @typedef {Text | Element | { type: string, children?: Node[] }} Node */

const languages = new Set(["ts", "tsx", "typescript", "js", "jsx", "javascript", "mjs"]);

// Tokens that are prose, where a name is a word and not a reference.
const prose = /^\s*(["'`]|\/\/|\/\*|\*)/;

const linkStyle = "color: inherit; text-decoration: underline dotted 1px; text-underline-offset: 3px";

/**
 * A text node cut into text and links around the names found in it.
 * @param {Text} text
 * @param {RegExp} names
 * @param {Record<string, string>} links
 * @returns {Node[]}
 */
function linked(text, names, links) {
  if (prose.test(text.value)) return [text];
  /** @type {Node[]} */
  const out = [];
  let last = 0;
  for (const match of text.value.matchAll(names)) {
    const url = links[match[0]];
    if (url === undefined) continue;
    if (match.index > last) out.push({ type: "text", value: text.value.slice(last, match.index) });
    out.push({ type: "element", tagName: "a", properties: { href: url, className: ["ref-link"], style: linkStyle }, children: [{ type: "text", value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (out.length === 0) return [text];
  if (last < text.value.length) out.push({ type: "text", value: text.value.slice(last) });
  return out;
}

/**
 * Links the names in every text node under `node`.
 * @param {Node} node
 * @param {RegExp} names
 * @param {Record<string, string>} links
 */
function linkWithin(node, names, links) {
  if (!("children" in node)) return;
  if (node.type === "element" && "tagName" in node && node.tagName === "a") return;
  node.children = (node.children ?? []).flatMap((child) => (child.type === "text" && "value" in child ? linked(child, names, links) : [child]));
  for (const child of node.children ?? []) linkWithin(child, names, links);
}

/**
 * The text under a node.
 * @param {Node} node
 * @returns {string}
 */
function textOf(node) {
  if (node.type === "text" && "value" in node) return node.value;
  return ("children" in node ? (node.children ?? []) : []).map(textOf).join("");
}

/**
 * Finds the code blocks (`<pre data-language>`) under `node` and links the names in them, each to the
 * page of the entry the block imports it from.
 * @param {Node} node
 * @param {() => { names: RegExp, links: Record<string, string> } | null} map
 */
function visit(node, map) {
  if (node.type === "element" && "tagName" in node && node.tagName === "pre") {
    const language = node.properties["dataLanguage"];
    const found = typeof language === "string" && languages.has(language) ? map() : null;
    if (found !== null) linkWithin(node, found.names, linksFor(textOf(node), found.links));
    return;
  }
  for (const child of ("children" in node ? node.children : undefined) ?? []) visit(child, map);
}

/**
 * The rehype plugin.
 * @param {{ root: string }} options the repository's root
 */
export function rehypeReferenceLinks({ root }) {
  /** @type {{ names: RegExp, links: Record<string, string> } | null | undefined} */
  let map;
  // Read when the first page is rendered: the reference's pages are generated while the site is set up.
  const load = () => {
    if (map === undefined) {
      const links = referenceLinks(root);
      const names = Object.keys(links)
        .filter((name) => !name.includes(":"))
        .sort((a, b) => b.length - a.length);
      map = names.length === 0 ? null : { links, names: new RegExp(`\\b(?:${names.join("|")})\\b`, "g") };
    }
    return map;
  };
  return (/** @type {Node} */ tree) => {
    visit(tree, load);
  };
}
