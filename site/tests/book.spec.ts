import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { makeBook } from "../../scripts/book.mjs";
import { readPdf } from "../../scripts/pdf-outline.mjs";
import { requireBuiltSite, siteDist } from "./site.js";

test("the book prints the reference, Axon first, with contents, page numbers and bookmarks", async () => {
  requireBuiltSite();
  const testInfo = test.info();
  test.setTimeout(300_000);
  const out = testInfo.outputPath("kamaelia-reference.pdf");
  await makeBook({ site: siteDist, out, log: () => undefined });
  const pdf = await readPdf(new Uint8Array(readFileSync(out)));

  expect(pdf.pageCount).toBeGreaterThan(100);
  const parts = pdf.bookmarks.map((bookmark) => bookmark.title);
  expect(parts.slice(0, 5)).toEqual(["Contents", "Introduction", "Axon", "Chassis", "Util"]);
  expect(parts.at(-1)).toBe("Appendix: the tutorial");

  // The contents say on which page each chapter starts, and it does start there, under a running header.
  const pipeline = pdf.bookmarks.find((bookmark) => bookmark.title === "Chassis")?.items.find((item) => item.title === "Pipeline");
  expect(pipeline?.page).toBeGreaterThan(2);
  const firstPart = pdf.bookmarks.find((bookmark) => bookmark.title === "Introduction")?.page ?? 0;
  let contents = "";
  for (let page = 2; page < firstPart; page += 1) contents += ` ${await pdf.pageText(page)}`;
  expect(contents).toMatch(new RegExp(`\\bPipeline\\s+${String(pipeline?.page)}\\b`));
  const chapter = await pdf.pageText(pipeline?.page ?? 0);
  expect(chapter).toContain("Kamaelia for TypeScript");
  expect(chapter).toContain("Inboxes");
  expect(chapter).toMatch(new RegExp(`\\b${String(pipeline?.page)}\\s*/\\s*${String(pdf.pageCount)}\\b`));
});
