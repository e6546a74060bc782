// Fills the sidebar's reference group once starlight-typedoc has written the pages: the entry modules
// (kamaelia, kamaelia/node, and the others its package.json exports), then one group per runtime folder, in the runtime's order.
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runtimeFolders } from "../scripts/typedoc/kamaelia-plugin.mjs";
import { entryPoints } from "../scripts/typedoc/options.mjs";
import { fillSidebarGroup } from "./sidebar-group.mjs";

const docsFolder = fileURLToPath(new URL("./src/content/docs/", import.meta.url));

/**
 * The reference's sidebar items, from the generated folders that exist.
 * @param {string} output the reference's folder under the docs folder, also its URL path
 * @returns {import("./sidebar-group.mjs").SidebarItem[]}
 */
export function referenceItems(output) {
  const root = join(docsFolder, output);
  const modules = entryPoints()
    .map((file) => basename(file, ".ts"))
    .map((entry) => (entry === "index" ? "kamaelia" : `kamaelia/${entry}`))
    .filter((name) => existsSync(join(root, name, "index.md")))
    .map((name) => ({ label: name, slug: `${output}/${name}` }));
  const groups = runtimeFolders
    .filter(([folder]) => existsSync(join(root, folder)) && readdirSync(join(root, folder)).length > 0)
    .map(([folder, title]) => ({ label: title, collapsed: true, autogenerate: { directory: `${output}/${folder}` } }));
  return [{ label: "Overview", slug: output }, ...modules, ...groups];
}

/**
 * A Starlight plugin that fills the sidebar group labelled `label` with the reference; list it after starlight-typedoc.
 * @param {{ label: string, output: string }} options
 */
export function referenceSidebar({ label, output }) {
  return fillSidebarGroup("kamaelia-reference-sidebar", label, () => referenceItems(output));
}
