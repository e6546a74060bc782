// Prints the reference to one PDF: `npm run book` (or `node scripts/book.mjs [--out file.pdf]`).
// It reads the built site (building it first when there is none): the reference's overview and entry
// modules, then every reference group in the sidebar's order (Axon first, then the component library),
// then the tutorial as an appendix. A title page, a table of contents with page numbers, PDF bookmarks,
// running headers and page numbers; Chromium prints it twice, the second time with the page numbers the
// first run found, read back from the PDF's own bookmarks.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";
import { siteDescription, siteTitle, siteUrl } from "../site/settings.mjs";
import { chromiumPath, howToProvideChromium } from "./chromium-path.mjs";
import { readPdf } from "./pdf-outline.mjs";

const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

/** Where `npm run book` writes the book (reference/*.pdf is not committed). */
export const defaultBookPath = join(repositoryRoot, "reference", "kamaelia-reference.pdf");

/**
 * One part of the book (a sidebar group) and its chapters (the group's pages).
 * @typedef {{ title: string, chapters: { title: string, href: string }[] }} Part
 * @typedef {{ parts: Part[], html: string }} Assembled
 * @typedef {{ site?: string, out?: string, log?: (line: string) => void }} BookOptions
 */

/**
 * Serves a folder with scripts/static-server.mjs on a free port.
 * @param {string} folder
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
async function serve(folder) {
  const child = spawn(process.execPath, [join(repositoryRoot, "scripts", "static-server.mjs"), folder, "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)?.[1];
    if (url !== undefined) return { url, stop: () => child.kill() };
  }
  throw new Error(`book: the static server for ${folder} ended before printing its address.`);
}

/**
 * Reads the sidebar of a built page: the groups under the top-level group `label`, each with its links.
 * Runs in the page.
 * @param {string} label
 * @returns {Part[]}
 */
function sidebarParts(label) {
  const text = (/** @type {Element | null} */ element) => element?.textContent.replace(/\s+/g, " ").trim() ?? "";
  const top = [...document.querySelectorAll("nav[aria-label='Main'] ul.top-level > li")].find(
    (item) => text(item.querySelector(":scope > details > summary")) === label,
  );
  /** @type {Part[]} */
  const parts = [];
  /** @type {Part} */
  const loose = { title: label, chapters: [] };
  for (const item of top?.querySelectorAll(":scope > details > ul > li") ?? []) {
    const group = item.querySelector(":scope > details");
    if (group === null) {
      const link = item.querySelector(":scope > a");
      if (link !== null) loose.chapters.push({ title: text(link), href: link.getAttribute("href") ?? "" });
    } else {
      parts.push({
        title: text(group.querySelector(":scope > summary")),
        chapters: [...group.querySelectorAll("a[href]")].map((link) => ({ title: text(link), href: link.getAttribute("href") ?? "" })),
      });
    }
  }
  return loose.chapters.length > 0 ? [loose, ...parts] : parts;
}

/**
 * Fetches every chapter's page and builds the book's body: parts as `<h1>`, chapters as `<h2>`, their
 * headings one level down, ids made unique and links between chapters made internal. Runs in the page.
 * Chapters take their page's own title (the sidebar may shorten it).
 * @param {{ parts: Part[], siteUrl: string }} input
 * @returns {Promise<{ body: string, titles: Record<string, string>, stylesheets: string[] }>}
 */
async function assembleBody({ parts, siteUrl: publicUrl }) {
  const progress = /** @type {{ bookProgress?: (done: number, total: number, title: string) => void }} */ (
    /** @type {unknown} */ (window)
  ).bookProgress;
  const chapters = parts.flatMap((part, p) => part.chapters.map((chapter, c) => ({ ...chapter, id: `c${String(p)}-${String(c)}` })));
  const chapterByPath = new Map(chapters.map((chapter) => [new URL(chapter.href, location.href).pathname, chapter.id]));
  const parser = new DOMParser();
  const bodies = new Map();
  /** @type {Record<string, string>} */
  const titles = {};
  /** @type {Set<string>} */
  const stylesheets = new Set();
  let done = 0;
  for (const chapter of chapters) {
    const pageUrl = new URL(chapter.href, location.href);
    const page = parser.parseFromString(await (await fetch(pageUrl)).text(), "text/html");
    // Code blocks' styles are linked only from the pages that have code blocks.
    for (const link of page.querySelectorAll("link[rel=stylesheet][href]")) stylesheets.add(new URL(link.getAttribute("href") ?? "", pageUrl).href);
    const content = page.querySelector("main .sl-markdown-content") ?? page.createElement("div");
    const heading = page.querySelector("h1")?.textContent.replace(/\s+/g, " ").trim() ?? "";
    titles[chapter.id] = heading === "" ? chapter.title : heading;
    for (const junk of content.querySelectorAll("script, style, link, button, .sl-anchor-link, .copy, starlight-tabs [role=tablist]")) junk.remove();
    for (const element of content.querySelectorAll("[id]")) element.id = `${chapter.id}-${element.id}`;
    for (const heading of content.querySelectorAll("h2, h3, h4, h5")) {
      const lower = page.createElement(`h${String(Number(heading.tagName[1]) + 1)}`);
      for (const attribute of heading.attributes) lower.setAttribute(attribute.name, attribute.value);
      lower.append(...heading.childNodes);
      heading.replaceWith(lower);
    }
    for (const link of content.querySelectorAll("a[href]")) {
      const target = new URL(link.getAttribute("href") ?? "", pageUrl);
      if (target.origin !== location.origin) continue;
      const inBook = chapterByPath.get(target.pathname);
      const fragment = target.hash.slice(1);
      if (inBook !== undefined) link.setAttribute("href", fragment === "" ? `#${inBook}` : `#${inBook}-${fragment}`);
      else link.setAttribute("href", new URL(`${target.pathname}${target.hash}`, publicUrl).href);
    }
    for (const image of content.querySelectorAll("img[src]")) image.setAttribute("src", new URL(image.getAttribute("src") ?? "", pageUrl).href);
    bodies.set(chapter.id, content.innerHTML);
    done += 1;
    progress?.(done, chapters.length, chapter.title);
  }
  const escape = (/** @type {string} */ text) => text.replace(/[&<>"]/g, (c) => `&#${String(c.charCodeAt(0))};`);
  const body = parts
    .map(
      (part, p) =>
        `<section class="part" id="p${String(p)}"><h1>${escape(part.title)}</h1></section>` +
        part.chapters
          .map((_chapter, c) => {
            const id = `c${String(p)}-${String(c)}`;
            return `<article class="chapter" id="${id}"><h2>${escape(titles[id] ?? "")}</h2><div class="sl-markdown-content">${String(bodies.get(id))}</div></article>`;
          })
          .join(""),
    )
    .join("");
  return { body, titles, stylesheets: [...stylesheets] };
}

/** The book's own styles: print layout over the site's styles, so code and tables keep their look. */
const bookStyles = `
  @page { size: A4; margin: 20mm 16mm 18mm 16mm; }
  html { font-size: 10pt; background: white; }
  body.book { background: white; color: #111; margin: 0; --sl-content-width: 100%; }
  body.book * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .title-page { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
  .title-page .book-title { font-size: 36pt; font-weight: 700; margin: 0; }
  .title-page .book-subtitle { font-size: 18pt; margin: 0.3em 0 1.5em; color: #333; }
  .title-page p { font-size: 11pt; color: #333; max-width: 36em; }
  .toc { break-after: page; }
  .toc h1 { font-size: 20pt; }
  .toc ol { list-style: none; padding: 0; margin: 0; }
  .toc li { margin: 0; }
  .toc .entry { display: flex; align-items: baseline; gap: 0.4em; color: inherit; text-decoration: none; }
  .toc .entry .leader { flex: 1; border-bottom: 1px dotted #999; }
  .toc .part-entry { font-weight: 700; margin-top: 0.8em; }
  .toc .chapter-entry { padding-left: 1.5em; font-size: 9.5pt; }
  .part { break-before: page; }
  .part h1 { font-size: 30pt; margin-top: 70mm; }
  .chapter { break-before: page; }
  .chapter > h2 { font-size: 20pt; margin: 0 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid #333; }
  .sl-markdown-content { font-size: 10pt; line-height: 1.45; }
  .sl-markdown-content :is(h3, h4, h5, h6) { break-after: avoid; margin-top: 1.2em; }
  .sl-markdown-content h3 { font-size: 14pt; }
  .sl-markdown-content h4 { font-size: 12pt; }
  .sl-markdown-content :is(h5, h6) { font-size: 10.5pt; }
  .sl-markdown-content table { display: table; width: 100%; border-collapse: collapse; font-size: 8.5pt; break-inside: auto; }
  .sl-markdown-content tr { break-inside: avoid; }
  .sl-markdown-content :is(th, td) { border: 1px solid #bbb; padding: 2pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
  .sl-markdown-content thead { display: table-header-group; }
  .expressive-code, .sl-markdown-content pre { break-inside: avoid; }
  .expressive-code pre, .sl-markdown-content pre { white-space: pre-wrap !important; overflow: visible !important; font-size: 8.5pt; }
  .expressive-code .ec-line { white-space: pre-wrap !important; }
  .expressive-code .frame .header { display: none; }
  .sl-markdown-content a { color: #1a4fb4; text-decoration: none; }
  .sl-markdown-content code { overflow-wrap: anywhere; }
`;

/**
 * The whole book's HTML.
 * @param {{ parts: Part[], body: string, stylesheets: string[], pages: Map<string, number> | undefined, version: string }} input
 * @returns {string}
 */
function bookHtml({ parts, body, stylesheets, pages, version }) {
  const escape = (/** @type {string} */ text) => text.replace(/[&<>"]/g, (c) => `&#${String(c.charCodeAt(0))};`);
  // Placeholders as wide as real numbers, so the second run lays the contents out the same way.
  const page = (/** @type {string} */ id) => String(pages?.get(id) ?? "000");
  const entry = (/** @type {string} */ id, /** @type {string} */ title, /** @type {string} */ kind) =>
    `<li class="${kind}"><a class="entry" href="#${id}"><span>${escape(title)}</span><span class="leader"></span><span>${page(id)}</span></a></li>`;
  const contents = parts
    .map(
      (part, p) =>
        entry(`p${String(p)}`, part.title, "part-entry") +
        part.chapters.map((chapter, c) => entry(`c${String(p)}-${String(c)}`, chapter.title, "chapter-entry")).join(""),
    )
    .join("");
  const date = new Date().toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="en" data-theme="light">
<head>
<meta charset="utf-8">
<title>${escape(siteTitle)} reference</title>
${stylesheets.map((href) => `<link rel="stylesheet" href="${escape(href)}">`).join("\n")}
<style>${bookStyles}</style>
</head>
<body class="book">
<section class="title-page">
<p class="book-title">${escape(siteTitle)}</p>
<p class="book-subtitle">API reference, with the tutorial</p>
<p>${escape(siteDescription)}</p>
<p>Version ${escape(version)}, printed ${date}. The same reference, searchable, is at ${escape(siteUrl)}/reference/.</p>
</section>
<nav class="toc"><h1>Contents</h1><ol>${contents}</ol></nav>
${body}
</body>
</html>`;
}

/**
 * The page each part and chapter starts on, read from the PDF's bookmarks: parts are the top-level
 * bookmarks after "Contents", chapters their children, in order.
 * @param {Uint8Array} pdf
 * @param {Part[]} parts
 * @returns {Promise<{ pages: Map<string, number>, count: number }>}
 */
async function pagesFromBookmarks(pdf, parts) {
  const { pageCount, bookmarks } = await readPdf(pdf);
  const normal = (/** @type {string} */ text) => text.replace(/\s+/g, " ").trim();
  /** @type {Map<string, number>} */
  const pages = new Map();
  let at = bookmarks.findIndex((bookmark) => bookmark.title === "Contents") + 1;
  for (const [p, part] of parts.entries()) {
    while (at < bookmarks.length && bookmarks[at]?.title !== normal(part.title)) at += 1;
    const bookmark = bookmarks[at];
    if (bookmark === undefined) throw new Error(`book: no bookmark for the part "${part.title}"; the PDF's outline does not match the contents.`);
    if (bookmark.page !== undefined) pages.set(`p${String(p)}`, bookmark.page);
    let child = 0;
    for (const [c, chapter] of part.chapters.entries()) {
      while (child < bookmark.items.length && bookmark.items[child]?.title !== normal(chapter.title)) child += 1;
      const chapterPage = bookmark.items[child]?.page;
      if (child === bookmark.items.length) throw new Error(`book: no bookmark for "${chapter.title}" in "${part.title}".`);
      if (chapterPage !== undefined) pages.set(`c${String(p)}-${String(c)}`, chapterPage);
      child += 1;
    }
    at += 1;
  }
  return { pages, count: pageCount };
}

/**
 * Builds the book.
 * @param {BookOptions} [options]
 * @returns {Promise<{ out: string, pages: number, chapters: number }>}
 */
export async function makeBook({ site = join(repositoryRoot, "site", "dist"), out = defaultBookPath, log = console.log } = {}) {
  if (!existsSync(join(site, "index.html"))) {
    if (resolve(site) !== join(repositoryRoot, "site", "dist")) throw new Error(`book: ${site} holds no built site (no index.html).`);
    log("book: no built site yet, building it (npm run build:site)…");
    const build = spawnSync("npm", ["run", "build:site"], { cwd: repositoryRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("book: building the site failed (see above).");
  }
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error(howToProvideChromium);
  /** @type {unknown} */
  const runtimePackage = JSON.parse(readFileSync(join(repositoryRoot, "runtime", "package.json"), "utf8"));
  const version = typeof runtimePackage === "object" && runtimePackage !== null && "version" in runtimePackage ? String(runtimePackage.version) : "";

  const server = await serve(site);
  const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const page = await browser.newPage();
    await page.exposeFunction("bookProgress", (/** @type {number} */ done, /** @type {number} */ total, /** @type {string} */ title) => {
      if (done === 1 || done === total || done % 25 === 0) log(`book: read ${String(done)}/${String(total)} pages (${title})`);
    });
    await page.goto(new URL("reference/", server.url).href);
    const reference = await page.evaluate(sidebarParts, "Reference");
    const tutorial = (await page.evaluate(sidebarParts, "Tutorial")).flatMap((part) => part.chapters);
    // The overview and entry modules open the book as its introduction; the tutorial closes it.
    const [introduction, ...groups] = reference;
    /** @type {Part[]} */
    const parts = [
      ...(introduction === undefined ? [] : [{ title: "Introduction", chapters: introduction.chapters }]),
      ...groups,
      ...(tutorial.length === 0 ? [] : [{ title: "Appendix: the tutorial", chapters: tutorial }]),
    ];
    const chapters = parts.reduce((sum, part) => sum + part.chapters.length, 0);
    log(`book: ${String(parts.length)} parts, ${String(chapters)} chapters`);
    const { body, titles, stylesheets } = await page.evaluate(assembleBody, { parts, siteUrl });
    for (const [p, part] of parts.entries()) {
      part.chapters = part.chapters.map((chapter, c) => ({ ...chapter, title: titles[`c${String(p)}-${String(c)}`] ?? chapter.title }));
    }

    const bookUrl = new URL("__book__.html", server.url).href;
    /** @type {string} */
    let html = bookHtml({ parts, body, stylesheets, pages: undefined, version });
    await page.route(bookUrl, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
    const print = async () => {
      await page.goto(bookUrl, { waitUntil: "load", timeout: 120_000 });
      return page.pdf({
        format: "A4",
        printBackground: true,
        outline: true,
        tagged: true,
        displayHeaderFooter: true,
        margin: { top: "20mm", bottom: "18mm", left: "16mm", right: "16mm" },
        headerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;color:#555;display:flex;justify-content:space-between"><span>${siteTitle} for TypeScript</span><span>API reference</span></div>`,
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;color:#555;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      });
    };

    // Page numbers: print, read where each part and chapter landed, print again with them; twice more at
    // most if filling them in moved anything.
    let pdf = await print();
    let previous = "";
    for (let pass = 2; pass <= 4; pass += 1) {
      const { pages, count } = await pagesFromBookmarks(new Uint8Array(pdf), parts);
      const key = JSON.stringify([...pages]);
      if (key === previous) break;
      previous = key;
      log(`book: pass ${String(pass)}, ${String(count)} pages: filling in the table of contents`);
      html = bookHtml({ parts, body, stylesheets, pages, version });
      pdf = await print();
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pdf);
    const { count } = await pagesFromBookmarks(new Uint8Array(pdf), parts);
    log(`book: wrote ${relative(process.cwd(), out) || out} (${String(count)} pages)`);
    return { out, pages: count, chapters };
  } finally {
    await browser.close();
    server.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outFlag = process.argv.indexOf("--out");
  const out = outFlag >= 0 ? process.argv[outFlag + 1] : undefined;
  makeBook(out === undefined ? {} : { out: resolve(out) }).catch((/** @type {unknown} */ error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
