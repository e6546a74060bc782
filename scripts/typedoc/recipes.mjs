// Finds which cookbook recipes use which exports of kamaelia, so that each reference page can link to them.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

/**
 * A cookbook recipe: its page's URL and title.
 * @typedef {{ url: string, title: string }} Recipe
 */

/** The modules a recipe imports the runtime from. */
const runtimeModules = /^kamaelia(?:\/(?:node|browser))?$/;

/**
 * Lists every `main.ts` under a folder, depth first, in name order.
 * @param {string} folder
 * @returns {string[]}
 */
function programsUnder(folder) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(folder).sort()) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) found.push(...programsUnder(path));
    else if (entry === "main.ts") found.push(path);
  }
  return found;
}

/**
 * The names a program imports from `kamaelia`, `kamaelia/node` or `kamaelia/browser`, as the runtime exports them:
 * `import { Pipeline, type Clock as C } from "kamaelia"` gives `Pipeline` and `Clock`.
 * @param {string} source a program's text
 * @returns {Set<string>}
 */
export function importedRuntimeNames(source) {
  /** @type {Set<string>} */
  const names = new Set();
  const imports = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;
  for (const [, list = "", from = ""] of source.matchAll(imports)) {
    if (!runtimeModules.test(from)) continue;
    for (const item of list.split(",")) {
      const name = item.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]?.trim();
      if (name !== undefined && name !== "") names.add(name);
    }
  }
  return names;
}

/**
 * The texts of a recipe's program: its `main.ts` and the files beside it that it imports (`./chat.js`
 * for chat.ts), and those they import.
 * @param {string} program the path of a `main.ts`
 * @returns {string[]}
 */
function programSources(program) {
  /** @type {Map<string, string>} */
  const sources = new Map();
  const read = (/** @type {string} */ path) => {
    if (sources.has(path) || !existsSync(path)) return;
    const text = readFileSync(path, "utf8");
    sources.set(path, text);
    for (const [, name = ""] of text.matchAll(/\bfrom\s*["']\.\/([^"'/]+)\.[jt]s["']/g)) read(join(dirname(program), `${name}.ts`));
  };
  read(program);
  return [...sources.values()];
}

/**
 * The title a recipe's page declares in its front matter, else its folder's name.
 * @param {string} folder the recipe's folder
 * @returns {string}
 */
function recipeTitle(folder) {
  for (const page of ["index.mdx", "index.md", "README.md"]) {
    const path = join(folder, page);
    if (!existsSync(path)) continue;
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, "utf8"))?.[1] ?? "";
    const title = /^title:\s*(.+)$/m.exec(frontMatter)?.[1]?.trim().replace(/^(["'])(.*)\1$/, "$2");
    if (title !== undefined && title !== "") return title;
  }
  return basename(folder);
}

/**
 * Maps each runtime export to the recipes whose program (`main.ts`, or a file beside it that it imports)
 * imports it, in folder order.
 * @param {string} cookbook the cookbook's folder (`cookbook/` at the repository's root)
 * @param {string} [base] the URL the cookbook's pages live under
 * @returns {Map<string, Recipe[]>}
 */
export function recipesByExport(cookbook, base = "/cookbook/") {
  /** @type {Map<string, Recipe[]>} */
  const uses = new Map();
  if (!existsSync(cookbook)) return uses;
  for (const program of programsUnder(cookbook)) {
    const folder = dirname(program);
    const slug = relative(cookbook, folder).split(sep).join("/");
    const recipe = { url: `${base}${slug}/`, title: recipeTitle(folder) };
    for (const name of new Set(programSources(program).flatMap((source) => [...importedRuntimeNames(source)]))) {
      const list = uses.get(name) ?? [];
      list.push(recipe);
      uses.set(name, list);
    }
  }
  return uses;
}
