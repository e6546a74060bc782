// Sidebar groups for the folders authored beside the code (tutorial/, cookbook/): the folder's index page,
// then one group per section folder, each listing its pages (a page is a .md/.mdx file, or the index of a
// folder such as a recipe's) in their front matter's `order`, then by title.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { repositoryRoot } from "../scripts/typedoc/options.mjs";
import { fillSidebarGroup } from "./sidebar-group.mjs";
import { pageId } from "./src/page-id.mjs";

/**
 * @typedef {{ path: string, id: string, title: string, label: string | undefined, order: number }} PageInfo
 * @typedef {import("./sidebar-group.mjs").SidebarLink} SidebarLink
 * @typedef {import("./sidebar-group.mjs").SidebarGroup} SidebarGroup
 */

/**
 * The few front matter fields the sidebar needs, read without a YAML parser: `title`, `order`,
 * and `sidebar`'s `label` and `order` (as indented lines under `sidebar:`).
 * @param {string} text the page's source
 */
export function frontMatter(text) {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  /** @param {RegExp} pattern */
  const field = (pattern) => pattern.exec(block)?.[1]?.trim().replace(/^(["'])(.*)\1$/, "$2");
  const order = field(/^ {2,}order:\s*(.+)$/m) ?? field(/^order:\s*(.+)$/m);
  return {
    title: field(/^title:\s*(.+)$/m),
    label: field(/^ {2,}label:\s*(.+)$/m),
    order: order === undefined || Number.isNaN(Number(order)) ? undefined : Number(order),
  };
}

/**
 * Every page under a folder, with what the sidebar shows of it.
 * @param {string} folder an absolute path
 * @returns {PageInfo[]}
 */
function pagesUnder(folder) {
  /** @type {PageInfo[]} */
  const pages = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (entry === "node_modules" || entry.startsWith(".") || entry.startsWith("_")) continue;
    if (statSync(path).isDirectory()) {
      pages.push(...pagesUnder(path));
    } else if (/\.mdx?$/.test(entry) && !/^README\.mdx?$/.test(entry)) {
      const rel = relative(repositoryRoot, path).split(sep).join("/");
      const meta = frontMatter(readFileSync(path, "utf8"));
      pages.push({
        path: rel,
        id: pageId(rel),
        title: meta.title ?? entry,
        label: meta.label,
        order: meta.order ?? Number.MAX_SAFE_INTEGER,
      });
    }
  }
  return pages;
}

/**
 * @param {PageInfo} a
 * @param {PageInfo} b
 */
function byOrderThenTitle(a, b) {
  return a.order - b.order || a.title.localeCompare(b.title);
}

/**
 * @param {PageInfo} page
 * @returns {SidebarLink}
 */
function link(page) {
  return { label: page.label ?? page.title, slug: page.id };
}

/**
 * The sidebar items for a folder at the repository's root.
 * @param {string} folder its name, e.g. `"cookbook"`
 * @param {readonly { slug: string, title: string }[]} [sections] known sections, in order; others follow by name
 * @returns {(SidebarLink | SidebarGroup)[]}
 */
export function folderItems(folder, sections = []) {
  const root = join(repositoryRoot, folder);
  if (!existsSync(root)) return [];
  const pages = pagesUnder(root);
  const overview = pages.find((page) => page.id === folder);
  const loose = pages.filter((page) => page !== overview && page.id.split("/").length === 2 && !page.path.endsWith("/index.md") && !page.path.endsWith("/index.mdx"));
  const sectionSlugs = [...new Set(pages.map((page) => page.id.split("/")[1]).filter((slug) => slug !== undefined))].filter(
    (slug) => statSync(join(root, slug), { throwIfNoEntry: false })?.isDirectory() === true,
  );
  const known = sections.map((section) => section.slug);
  sectionSlugs.sort((a, b) => {
    const rank = (/** @type {string} */ slug) => (known.includes(slug) ? known.indexOf(slug) : known.length);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  /** @type {SidebarGroup[]} */
  const groups = sectionSlugs.map((slug) => {
    const inSection = pages.filter((page) => page.id === `${folder}/${slug}` || page.id.startsWith(`${folder}/${slug}/`));
    const sectionIndex = inSection.find((page) => page.id === `${folder}/${slug}`);
    const title = sections.find((section) => section.slug === slug)?.title ?? sectionIndex?.title ?? slug;
    const items = inSection.filter((page) => page !== sectionIndex).sort(byOrderThenTitle).map(link);
    return { label: title, items: sectionIndex === undefined ? items : [{ label: "Overview", slug: sectionIndex.id }, ...items] };
  });
  return [...(overview === undefined ? [] : [{ label: "Overview", slug: overview.id }]), ...loose.sort(byOrderThenTitle).map(link), ...groups];
}

/**
 * A Starlight plugin that fills the sidebar group labelled `label` with a root folder's pages.
 * @param {{ label: string, folder: string, sections?: readonly { slug: string, title: string }[] }} options
 */
export function folderSidebar({ label, folder, sections = [] }) {
  return fillSidebarGroup(`kamaelia-${folder}-sidebar`, label, () => folderItems(folder, sections));
}
