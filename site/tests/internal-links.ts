// Finds internal links in a built site that lead nowhere: every href and src of every HTML file, resolved
// against its page, must name a file (or a folder with an index.html), and a #fragment an id on that page.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** One broken link: the page it is on and the link as written. */
export interface BrokenLink {
  readonly page: string;
  readonly link: string;
  readonly reason: string;
}

/** Every HTML file under a folder, as paths relative to it with `/` separators. */
function htmlFiles(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return htmlFiles(root, path);
    return entry.endsWith(".html") ? [relative(root, path).split(sep).join("/")] : [];
  });
}

/** The values of every href and src attribute of a page's elements, entities decoded. */
export function linksIn(html: string): string[] {
  const links: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const [, , value = ""] of tag[0].matchAll(/\s(href|src)\s*=\s*"([^"]*)"/g)) {
      links.push(value.replaceAll("&amp;", "&").replaceAll("&#38;", "&").replaceAll("&quot;", '"'));
    }
  }
  return links;
}

/** The ids of a page's elements. */
function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid\s*=\s*"([^"]*)"/g)].map((match) => match[1] ?? ""));
}

/** The file a site path is served from, or undefined. */
function fileFor(root: string, pathname: string): string | undefined {
  const path = join(root, decodeURIComponent(pathname));
  if (pathname.endsWith("/")) return existsSync(join(path, "index.html")) ? join(path, "index.html") : undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  return existsSync(join(path, "index.html")) ? join(path, "index.html") : undefined;
}

/** Lists every internal link of a built site that names no file, or an id its page lacks. */
export function brokenLinks(root: string): BrokenLink[] {
  const origin = "http://site.invalid";
  const broken: BrokenLink[] = [];
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string): Set<string> => {
    let found = idCache.get(file);
    if (found === undefined) {
      found = idsIn(readFileSync(file, "utf8"));
      idCache.set(file, found);
    }
    return found;
  };
  for (const page of htmlFiles(root)) {
    const pageUrl = new URL(`/${page.replace(/(^|\/)index\.html$/, "$1")}`, origin);
    for (const link of new Set(linksIn(readFileSync(join(root, page), "utf8")))) {
      if (link === "" || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link) && !link.startsWith(origin)) continue;
      const target = new URL(link, pageUrl);
      const file = fileFor(root, target.pathname);
      if (file === undefined) {
        broken.push({ page, link, reason: "no such file" });
      } else if (target.hash.length > 1 && file.endsWith(".html") && !ids(file).has(decodeURIComponent(target.hash.slice(1)))) {
        broken.push({ page, link, reason: `no id "${decodeURIComponent(target.hash.slice(1))}" on that page` });
      }
    }
  }
  return broken;
}
