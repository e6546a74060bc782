// Measures the site's live runner against the built site (it builds nothing): how soon a program's
// output appears after Run on a cold page (just loaded, in a fresh browser context) and on a warm one
// (after a first run), and how much gzipped JavaScript the runner adds to a page.
// Usage: `node scripts/bench-runner.mjs [--dist site/dist] [--runs 7]` after `npm run build -w site`.
// Targets: output under 1.5 s cold and 300 ms warm; at most 250 KB of gzipped JavaScript added.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumPath, howToProvideChromium } from "./chromium-path.mjs";

const { values: options } = parseArgs({ options: { dist: { type: "string", default: "site/dist" }, runs: { type: "string", default: "7" } } });
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number, 1 or more: got ${options.runs}.`);
if (!existsSync(join(options.dist, "playground", "index.html"))) {
  throw new Error(`There is no built site with a playground in ${options.dist}: build it first with \`npm run build -w site\`.`);
}
const executablePath = chromiumPath();
if (executablePath === undefined) throw new Error(howToProvideChromium);

const targets = { coldMs: 1500, warmMs: 300, addedKB: 250 };

/**
 * Serves the built site with the repository's static server, as the page tests do.
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
function serve() {
  const server = spawn(process.execPath, ["scripts/static-server.mjs", options.dist, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.stdout.on("data", (/** @type {Buffer} */ chunk) => {
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString())?.[0];
      if (url !== undefined) resolve({ url, stop: () => server.kill() });
    });
  });
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/**
 * Waits for the run just started to print its first line, and to finish.
 * @param {import("@playwright/test").Page} page
 * @returns {Promise<{ runToOutput: number, loadToOutput: number }>} milliseconds from Run, and from the start of navigation
 */
async function firstOutput(page) {
  await page.locator("#runner-playground .runner-line").first().waitFor();
  const result = await page.evaluate(() => {
    const run = performance.getEntriesByName("runner:run")[0];
    const output = performance.getEntriesByName("runner:first-output")[0];
    return { runToOutput: (output?.startTime ?? Number.NaN) - (run?.startTime ?? Number.NaN), loadToOutput: output?.startTime ?? Number.NaN };
  });
  await page.locator('#runner-playground[data-state="finished"]').waitFor();
  return result;
}

/**
 * Clicks the playground's Run and waits for its first line of output.
 * @param {import("@playwright/test").Page} page
 * @returns {Promise<{ runToOutput: number, loadToOutput: number }>} milliseconds from Run, and from the start of navigation
 */
async function runOnce(page) {
  const runner = page.locator("#runner-playground");
  await runner.locator("[data-runner-log]").evaluate((log) => {
    log.replaceChildren();
  });
  await page.evaluate(() => {
    performance.clearMarks();
  });
  await runner.locator('button[data-action="run"]').click();
  return firstOutput(page);
}

/**
 * The JavaScript a page loads (its own scripts, its workers' and what they import), gzipped, by path,
 * in a fresh browser context.
 * @param {import("@playwright/test").Browser} browser
 * @param {string} url
 * @param {(page: import("@playwright/test").Page) => Promise<void>} [act] what to do once it has loaded
 * @returns {Promise<Map<string, number>>}
 */
async function javascript(browser, url, act) {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {Map<string, number>} */
  const sizes = new Map();
  /** @type {Promise<void>[]} */
  const pending = [];
  context.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    // The learner's program itself comes from a blob: URL, and is not the runner's.
    if (!type.includes("javascript") || response.url().startsWith("blob:")) return;
    pending.push(
      response.body().then(
        (body) => {
          sizes.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
        },
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  if (act !== undefined) await act(page);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await context.close();
  return sizes;
}

/** @param {Iterable<number>} sizes */
function kilobytes(sizes) {
  let total = 0;
  for (const size of sizes) total += size;
  return total / 1024;
}

const server = await serve();
const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
try {
  const playground = `${server.url}/playground/`;

  /** @type {{ runToOutput: number, loadToOutput: number }[]} */
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(playground, { waitUntil: "commit" });
    // Pressed in the first frame Run can be pressed in: the runtime is still loading then.
    await page.waitForFunction(() => {
      const run = document.querySelector('#runner-playground button[data-action="run"]');
      if (!(run instanceof HTMLButtonElement) || run.disabled) return false;
      run.click();
      return true;
    }, null, { polling: "raf" });
    cold.push(await firstOutput(page));
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(playground, { waitUntil: "networkidle" });
  await runOnce(page);
  /** @type {number[]} */
  const warm = [];
  for (let i = 0; i < runs; i++) {
    // The next run's worker loads while this one runs; give it the moment a reader would.
    await page.waitForTimeout(500);
    warm.push((await runOnce(page)).runToOutput);
  }
  await context.close();

  const without = await javascript(browser, `${server.url}/about/`);
  const before = await javascript(browser, playground);
  const after = await javascript(browser, playground, async (loaded) => {
    await loaded.locator('#runner-playground button[data-action="run"]').click();
    await loaded.locator("#runner-playground .runner-component").first().waitFor();
  });
  const added = [...before].filter(([path]) => !without.has(path));
  const layout = [...after].filter(([path]) => !before.has(path));

  const coldMs = median(cold.map((result) => result.runToOutput));
  const coldLoadMs = median(cold.map((result) => result.loadToOutput));
  const warmMs = median(warm);
  const addedKB = kilobytes(added.map(([, size]) => size));
  const layoutKB = kilobytes(layout.map(([, size]) => size));
  const verdict = (/** @type {boolean} */ met) => (met ? "meets" : "MISSES");
  console.log(`Runner on ${playground} (median of ${String(runs)} runs):`);
  console.log(`  cold page: output ${coldMs.toFixed(0)} ms after Run (${coldLoadMs.toFixed(0)} ms after navigation started); target < ${String(targets.coldMs)} ms: ${verdict(coldMs < targets.coldMs)}`);
  console.log(`  warm page: output ${warmMs.toFixed(0)} ms after Run; target < ${String(targets.warmMs)} ms: ${verdict(warmMs < targets.warmMs)}`);
  console.log(`  JavaScript the runner adds to a page, gzipped: ${addedKB.toFixed(1)} KB; target <= ${String(targets.addedKB)} KB: ${verdict(addedKB <= targets.addedKB)}`);
  for (const [path, size] of added.sort((a, b) => b[1] - a[1])) console.log(`    ${(size / 1024).toFixed(1).padStart(7)} KB  ${path}`);
  console.log(`  loaded on the first Run, for the picture's layout: ${layoutKB.toFixed(1)} KB`);
  for (const [path, size] of layout.sort((a, b) => b[1] - a[1])) console.log(`    ${(size / 1024).toFixed(1).padStart(7)} KB  ${path}`);
} finally {
  await browser.close();
  server.stop();
}
