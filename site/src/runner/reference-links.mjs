// The map from every name `kamaelia` exports (runtime/src/index.ts, node.ts and browser.ts) to the URL
// of its reference page, built from the entry files and the reference pages the site generates. The
// editor and the site's code blocks link names with it.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pageId } from "../page-id.mjs";

/** The runtime's entry files and the modules they are, in the order their names win a link. */
const entries = [
  { file: "index.ts", module: "kamaelia" },
  { file: "node.ts", module: "kamaelia/node" },
  { file: "browser.ts", module: "kamaelia/browser" },
];

/**
 * The names an entry file exports by name (`export { A, type B, C as D } from "./x.js"`), types included.
 * @param {string} source the entry file's text
 * @returns {string[]}
 */
export function exportedNames(source) {
  /** @type {string[]} */
  const names = [];
  for (const match of source.matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const item of (match[1] ?? "").split(",")) {
      const words = item.replace(/\/\/.*$/gm, "").trim().replace(/^type\s+/, "").split(/\s+as\s+/);
      const name = (words[1] ?? words[0] ?? "").trim();
      if (/^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
    }
  }
  return names;
}

/**
 * The names an entry file exports, each with the runtime folder it comes from (`browser` for
 * `export { WebSocketClient } from "./browser/WebSocketClient.js"`), which is where its reference page is.
 * @param {string} source the entry file's text
 * @returns {{ name: string, folder: string }[]}
 */
export function exportedNamesByFolder(source) {
  /** @type {{ name: string, folder: string }[]} */
  const found = [];
  for (const match of source.matchAll(/\bexport\s+(?:type\s+)?\{[^}]*\}\s*from\s*["']\.\/([^/"']+)\//g)) {
    for (const name of exportedNames(match[0])) found.push({ name, folder: match[1] ?? "" });
  }
  return found;
}

/**
 * Every page under a folder: its path from the repository's root, and its title.
 * @param {string} root the repository's root
 * @param {string} folder a folder inside it
 * @returns {{ path: string, title: string }[]}
 */
function pagesUnder(root, folder) {
  /** @type {{ path: string, title: string }[]} */
  const found = [];
  const absolute = join(root, folder);
  if (!existsSync(absolute)) return found;
  for (const entry of readdirSync(absolute, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const file = join(entry.parentPath, entry.name);
    const title = /^title:\s*"?([^"\n]+)"?\s*$/m.exec(readFileSync(file, "utf8"))?.[1];
    if (title !== undefined) found.push({ path: relative(root, file).split(sep).join("/"), title });
  }
  return found;
}

/**
 * Exported name to the URL of its reference page, for the names that have one. A name two entries
 * export as different things (`WebSocketClient` in `kamaelia/node` and in `kamaelia/browser`) links to
 * the first entry's page; the other's is under `"<module>:<name>"`, for code that imports from it
 * (see reference-choice.mjs).
 * @param {string} root the repository's root
 * @returns {Record<string, string>}
 */
export function referenceLinks(root) {
  /** @type {Map<string, string[]>} */
  const pagesByTitle = new Map();
  for (const { path, title } of pagesUnder(root, "site/src/content/docs/reference")) {
    // Entry pages (index.md) list a module's exports; the names' own pages are the others.
    if (path.endsWith("/index.md")) continue;
    pagesByTitle.set(title, [...(pagesByTitle.get(title) ?? []), path]);
  }
  /** @type {Record<string, string>} */
  const links = {};
  for (const { file, module } of entries) {
    const path = join(root, "runtime", "src", file);
    if (!existsSync(path)) continue;
    for (const { name, folder } of exportedNamesByFolder(readFileSync(path, "utf8"))) {
      const pages = pagesByTitle.get(name) ?? [];
      const page = pages.find((candidate) => candidate.includes(`/reference/${folder}/`)) ?? pages[0];
      if (page === undefined) continue;
      const url = `/${pageId(page)}/`;
      if (links[name] === undefined) links[name] = url;
      else if (links[name] !== url) links[`${module}:${name}`] = url;
    }
  }
  return Object.fromEntries(Object.entries(links).sort(([a], [b]) => a.localeCompare(b)));
}
