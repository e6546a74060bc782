// Page ids (and so URLs) for the pages read from the repository, shared by the content loader and the sidebar.

/** Where the site's own pages live, relative to the repository's root. */
const siteDocs = "site/src/content/docs/";

/**
 * A path segment as a URL slug, the way Starlight slugs its own pages: lower case, spaces as dashes,
 * punctuation other than `-` and `_` dropped.
 * @param {string} segment
 * @returns {string}
 */
function slugify(segment) {
  return segment
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/**
 * The id (and so the URL) of a page, from its path relative to the repository's root: the site's own
 * pages lose their folder prefix, `index` pages take their folder's id, and a `slug` in the front
 * matter wins. `cookbook/composition/hello-pipeline/index.mdx` is `cookbook/composition/hello-pipeline`.
 * @param {string} entry the page's path, from the repository's root, with `/` separators
 * @param {Record<string, unknown>} [data] its front matter
 * @returns {string}
 */
export function pageId(entry, data = {}) {
  const slug = data["slug"];
  if (typeof slug === "string" && slug !== "") return slug;
  const path = (entry.startsWith(siteDocs) ? entry.slice(siteDocs.length) : entry).replace(/\.mdx?$/, "");
  const segments = path.split("/");
  if (segments[segments.length - 1] === "index") segments.pop();
  return segments.map(slugify).join("/") || "index";
}
