// Reads a PDF's page count, bookmarks (with the page each one opens) and page text, with pdfjs-dist.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * A bookmark: its title, the page it opens (1 for the first page) and the bookmarks under it.
 * @typedef {{ title: string, page: number | undefined, items: Bookmark[] }} Bookmark
 */

/**
 * What pdfjs-dist says of one outline item (its own types leave it untyped).
 * @typedef {{ title: string, dest: string | unknown[] | null, items: OutlineItem[] }} OutlineItem
 */

/**
 * Opens a PDF.
 * @param {Uint8Array} data the PDF's bytes (pdfjs-dist takes ownership of them)
 * @returns {Promise<{ pageCount: number, bookmarks: Bookmark[], pageText: (page: number) => Promise<string> }>}
 */
export async function readPdf(data) {
  const document = await getDocument({ data, verbosity: 0 }).promise;
  /** @param {OutlineItem} item @returns {Promise<number | undefined>} */
  const pageOf = async (item) => {
    const named = typeof item.dest === "string" ? /** @type {Promise<unknown>} */ (document.getDestination(item.dest)) : undefined;
    const dest = named === undefined ? item.dest : await named;
    /** @type {unknown[]} */
    const target = Array.isArray(dest) ? dest : [];
    const ref = /** @type {{ num: number, gen: number } | undefined} */ (target[0]);
    return ref === undefined ? undefined : (await document.getPageIndex(ref)) + 1;
  };
  /** @param {OutlineItem[]} items @returns {Promise<Bookmark[]>} */
  const convert = async (items) =>
    Promise.all(items.map(async (item) => ({ title: item.title.replace(/\s+/g, " ").trim(), page: await pageOf(item), items: await convert(item.items) })));
  const outline = /** @type {OutlineItem[] | null} */ (await document.getOutline());
  return {
    pageCount: document.numPages,
    bookmarks: await convert(outline ?? []),
    pageText: async (page) => {
      const content = await (await document.getPage(page)).getTextContent();
      return content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    },
  };
}
