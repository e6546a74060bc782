// What the runner needs served beside the site, made from the runtime's build (runtime/dist, from
// `npm run build -w kamaelia`): the browser build of `kamaelia` (and `kamaelia/testing`, and
// `kamaelia/browser`) the worker imports, the files a
// WebContainer mounts to run programs that need Node, and the reference links.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { build } from "esbuild";
import { referenceLinks } from "./reference-links.mjs";

/**
 * The runtime's entries for pages: `kamaelia`, `kamaelia/testing` (the Harness the tutorial's checks
 * drive components with), and `kamaelia/browser` once the runtime has it.
 * @param {string} root the repository's root
 * @returns {string[]}
 */
export function browserEntries(root) {
  const dist = join(root, "runtime", "dist");
  if (!existsSync(join(dist, "index.js"))) {
    throw new Error(`The runner needs the runtime's build, and ${join(dist, "index.js")} is missing. Run \`npm run build -w kamaelia\` first.`);
  }
  return ["index.js", "testing.js", "browser.js"].map((file) => join(dist, file)).filter((file) => existsSync(file));
}

/**
 * The browser build of `kamaelia`: its entries bundled (with the code they share in chunks, so that both
 * entries use the same classes), minified, class names kept (components are named after their class).
 * @param {string} root the repository's root
 * @returns {Promise<Map<string, Uint8Array>>} file name to contents
 */
export async function browserRuntime(root) {
  const result = await build({
    entryPoints: browserEntries(root),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    keepNames: true,
    write: false,
    outdir: "/kamaelia",
    chunkNames: "chunk-[hash]",
    legalComments: "none",
    logLevel: "silent",
  });
  return new Map(result.outputFiles.map((file) => [file.path.slice("/kamaelia/".length), file.contents]));
}

/**
 * A folder's files as a WebContainer file tree, those `keep` accepts.
 * @param {string} folder
 * @param {(path: string) => boolean} keep given each file's path inside the folder
 * @returns {import("@webcontainer/api").FileSystemTree}
 */
function fileTree(folder, keep) {
  /** @type {import("@webcontainer/api").FileSystemTree} */
  const tree = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(folder, join(entry.parentPath, entry.name)).split(sep);
    if (!keep(path.join("/"))) continue;
    let directory = tree;
    for (const name of path.slice(0, -1)) {
      const node = (directory[name] ??= { directory: {} });
      if (!("directory" in node)) throw new Error(`${name} is both a file and a folder in ${folder}.`);
      directory = node.directory;
    }
    directory[path[path.length - 1] ?? ""] = { file: { contents: readFileSync(join(entry.parentPath, entry.name), "utf8") } };
  }
  return tree;
}

/**
 * What a WebContainer mounts to run a program that imports `kamaelia` or `kamaelia/node`: the runtime's
 * build as the package `kamaelia`, and its one dependency, `ws`.
 * @param {string} root the repository's root
 * @returns {import("@webcontainer/api").FileSystemTree}
 */
export function nodeFiles(root) {
  browserEntries(root);
  const require = createRequire(join(root, "runtime", "package.json"));
  const ws = dirname(require.resolve("ws/package.json"));
  const runtimeFile = (/** @type {string} */ path) => path === "package.json" || (path.startsWith("dist/") && path.endsWith(".js") && !path.endsWith(".test.js"));
  return {
    "package.json": { file: { contents: JSON.stringify({ name: "kamaelia-program", private: true, type: "module" }, null, 2) } },
    node_modules: {
      directory: {
        kamaelia: { directory: fileTree(join(root, "runtime"), (path) => !path.startsWith("node_modules/") && runtimeFile(path)) },
        ws: { directory: fileTree(ws, (path) => path === "package.json" || path.endsWith(".js") || path.endsWith(".mjs")) },
      },
    },
  };
}

/**
 * Every file the runner serves, by its path under `_runner/`.
 * @param {string} root the repository's root
 * @returns {Promise<Map<string, string | Uint8Array>>}
 */
export async function runnerFiles(root) {
  /** @type {Map<string, string | Uint8Array>} */
  const files = new Map();
  for (const [name, contents] of await browserRuntime(root)) files.set(`kamaelia/${name}`, contents);
  files.set("node-files.json", JSON.stringify(nodeFiles(root)));
  files.set("reference-links.json", JSON.stringify(referenceLinks(root)));
  return files;
}
