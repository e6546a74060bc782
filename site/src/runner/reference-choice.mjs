// Which reference page a name in a program links to: a name that two of kamaelia's entries export as
// different things links to the page of the one the program imports it from. Used by the site's code
// blocks (code-links.mjs) and by the runner's editor, so it imports nothing.

/** The entries whose pages may differ from `kamaelia`'s for the same name. */
const modules = ["kamaelia/node", "kamaelia/browser"];

/**
 * The links for one program: every plain name's page, with the pages of the entries the program
 * imports from taking the place of the others' (keys `"<module>:<name>"` in `links`).
 * @param {string} code the program
 * @param {Readonly<Record<string, string>>} links as reference-links.mjs makes them
 * @returns {Record<string, string>}
 */
export function linksFor(code, links) {
  /** @type {Record<string, string>} */
  const chosen = {};
  for (const [key, url] of Object.entries(links)) if (!key.includes(":")) chosen[key] = url;
  for (const module of modules) {
    if (!new RegExp(`from\\s*["']${module}["']`).test(code)) continue;
    for (const [key, url] of Object.entries(links)) if (key.startsWith(`${module}:`)) chosen[key.slice(module.length + 1)] = url;
  }
  return chosen;
}
