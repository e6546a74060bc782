import { chromium } from "@playwright/test";
const [url, out, width = "1280", height = "900", full = ""] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url, { waitUntil: "networkidle" });
if (process.env.DARK) { await page.evaluate(() => { document.documentElement.dataset.theme = "dark"; }); }
await page.screenshot({ path: out, fullPage: full === "full" });
console.log(await page.evaluate(() => crossOriginIsolated));
await browser.close();
