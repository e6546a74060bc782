import { chromium } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] });
const page = await browser.newPage();
await page.setContent(`<h1>Part A</h1><h2>Chapter 1</h2><p>x</p><h2 style="break-before:page">Chapter 2</h2><h1 style="break-before:page">Part B</h1><h2>Chapter 3</h2>`);
const pdf = await page.pdf({ outline: true, tagged: true, format: "A4", displayHeaderFooter: true, headerTemplate: "<span style='font-size:8px'>Head</span>", footerTemplate: "<span style='font-size:8px' class='pageNumber'></span>", margin: { top: "20mm", bottom: "20mm" } });
await browser.close();
const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
console.log("pages", doc.numPages);
const outline = await doc.getOutline();
async function walk(items, depth) { for (const it of items ?? []) { const dest = typeof it.dest === "string" ? await doc.getDestination(it.dest) : it.dest; const idx = dest ? await doc.getPageIndex(dest[0]) : -1; console.log(" ".repeat(depth*2) + it.title, idx + 1); await walk(it.items, depth + 1); } }
await walk(outline, 0);
