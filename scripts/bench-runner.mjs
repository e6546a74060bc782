// Measures the site's live runner against the built site (it builds nothing): how soon a program's
// output appears after Run on a cold page (just loaded, in a fresh browser context) and on a warm one
// (after a first run), how much gzipped JavaScript the runner adds to a page (when the page loads, and
// on the first Run, which brings in the picture), and how long the picture's layout takes for a
// 200-component system. Writes the numbers to the runner's section of runtime/BENCHMARKS.md.
// Usage: `node scripts/bench-runner.mjs [--dist site/dist] [--runs 7] [--no-write]` after `npm run build -w site`.
// Targets: output under 1.5 s cold and 300 ms warm; at most 250 KB of gzipped JavaScript added in all.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { chromiumPath, howToProvideChromium } from "./chromium-path.mjs";

const { values: options } = parseArgs({
  options: { dist: { type: "string", default: "site/dist" }, runs: { type: "string", default: "7" }, "no-write": { type: "boolean", default: false } },
});
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number, 1 or more: got ${options.runs}.`);
if (!existsSync(join(options.dist, "playground", "index.html"))) {
  throw new Error(`There is no built site with a playground in ${options.dist}: build it first with \`npm run build -w site\`.`);
}
const executablePath = chromiumPath();
if (executablePath === undefined) throw new Error(howToProvideChromium);

const targets = { coldMs: 1500, warmMs: 300, addedKB: 250 };

/**
 * The picture's layout, bundled from the site's sources for Node.
 * @returns {Promise<{ systemLayout: typeof import("../site/src/runner/layout.js").systemLayout, SystemModel: typeof import("../site/src/runner/topology-model.js").SystemModel }>}
 */
async function layoutModules() {
  const folder = mkdtempSync(join(tmpdir(), "kamaelia-bench-layout-"));
  try {
    const file = join(folder, "layout.mjs");
    await build({
      stdin: {
        contents: 'export { systemLayout } from "./layout.ts"; export { SystemModel } from "./topology-model.ts";',
        resolveDir: fileURLToPath(new URL("../site/src/runner/", import.meta.url)),
        loader: "ts",
      },
      bundle: true,
      format: "esm",
      platform: "node",
      outfile: file,
      logLevel: "silent",
    });
    /** @type {unknown} */
    const loaded = await import(pathToFileURL(file).href);
    return /** @type {Awaited<ReturnType<typeof layoutModules>>} */ (loaded);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A system of `pipelines` Pipelines of `length` components each, as the runtime reports it: each
 * Pipeline's children linked outbox to inbox and signal to control, its own inbox and control passed to
 * the first and the last one's boxes to its outbox and signal; each Pipeline feeding the next, in a ring;
 * and a feedback loop in each, from its seventh child back to its third.
 * @param {number} pipelines
 * @param {number} length
 * @returns {import("kamaelia").Topology}
 */
function pipelineRing(pipelines, length) {
  /** @type {import("kamaelia").TopologyComponent[]} */
  const components = [];
  /** @type {import("kamaelia").TopologyLinkage[]} */
  const linkages = [];
  const boxes = { inboxes: ["inbox", "control"], outboxes: ["outbox", "signal"] };
  const link = (/** @type {number} */ from, /** @type {string} */ outbox, /** @type {number} */ to, /** @type {string} */ inbox, /** @type {0 | 1 | 2} */ passthrough = 0) => {
    linkages.push({ source: { id: from, box: outbox }, sink: { id: to, box: inbox }, passthrough, delivered: 12 });
  };
  let id = 0;
  /** @type {number[]} */
  const heads = [];
  for (let p = 0; p < pipelines; p++) {
    const pipeline = ++id;
    heads.push(pipeline);
    components.push({ id: pipeline, name: `Pipeline_${String(pipeline)}`, parent: null, ...boxes, state: "sleeping" });
    const children = Array.from({ length }, () => ++id);
    for (const child of children) components.push({ id: child, name: `PureTransformer_${String(child)}`, parent: pipeline, ...boxes, state: "sleeping" });
    link(pipeline, "inbox", children[0] ?? 0, "inbox", 1);
    link(pipeline, "control", children[0] ?? 0, "control", 1);
    for (let c = 0; c + 1 < length; c++) {
      link(children[c] ?? 0, "outbox", children[c + 1] ?? 0, "inbox");
      link(children[c] ?? 0, "signal", children[c + 1] ?? 0, "control");
    }
    link(children[length - 1] ?? 0, "outbox", pipeline, "outbox", 2);
    link(children[length - 1] ?? 0, "signal", pipeline, "signal", 2);
    if (length > 6) link(children[6] ?? 0, "signal", children[2] ?? 0, "inbox");
  }
  heads.forEach((head, at) => {
    link(head, "outbox", heads[(at + 1) % heads.length] ?? 0, "inbox");
  });
  return { components, linkages };
}

/**
 * The median time, in milliseconds, of laying out a system, after a few untimed warm-up layouts.
 * @param {() => unknown} layOnce
 */
function timeLayout(layOnce) {
  for (let i = 0; i < 3; i++) layOnce();
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < Math.max(runs, 5); i++) {
    const started = performance.now();
    layOnce();
    times.push(performance.now() - started);
  }
  return median(times);
}

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

  const { systemLayout, SystemModel } = await layoutModules();
  // 20 Pipelines of 9: 200 components, laid out through the picture's own graph of them; the picture
  // draws at most its first 120.
  const ring = new SystemModel();
  ring.update(pipelineRing(20, 9));
  const layoutMs = timeLayout(() => systemLayout(ring, 200));
  const drawnMs = timeLayout(() => systemLayout(ring));

  const coldMs = median(cold.map((result) => result.runToOutput));
  const coldLoadMs = median(cold.map((result) => result.loadToOutput));
  const warmMs = median(warm);
  const addedKB = kilobytes(added.map(([, size]) => size));
  const firstRunKB = kilobytes(layout.map(([, size]) => size));
  const totalKB = addedKB + firstRunKB;
  const met = { cold: coldMs < targets.coldMs, warm: warmMs < targets.warmMs, size: totalKB <= targets.addedKB };
  const verdict = (/** @type {boolean} */ ok) => (ok ? "meets" : "MISSES");
  const files = [...added, ...layout].sort((a, b) => b[1] - a[1]);
  console.log(`Runner on ${playground} (median of ${String(runs)} runs):`);
  console.log(`  cold page: output ${coldMs.toFixed(0)} ms after Run (${coldLoadMs.toFixed(0)} ms after navigation started); target < ${String(targets.coldMs)} ms: ${verdict(met.cold)}`);
  console.log(`  warm page: output ${warmMs.toFixed(0)} ms after Run; target < ${String(targets.warmMs)} ms: ${verdict(met.warm)}`);
  console.log(`  JavaScript the runner adds to a page, gzipped: ${addedKB.toFixed(1)} KB when it loads, ${firstRunKB.toFixed(1)} KB more on the first Run`);
  console.log(`  in all ${totalKB.toFixed(1)} KB; target <= ${String(targets.addedKB)} KB: ${verdict(met.size)}`);
  for (const [path, size] of files) console.log(`    ${(size / 1024).toFixed(1).padStart(7)} KB  ${path}${layout.some(([other]) => other === path) ? " (first Run)" : ""}`);
  console.log(`  layout of a 200-component system: ${layoutMs.toFixed(1)} ms; of the 120 components the picture draws of it: ${drawnMs.toFixed(1)} ms`);

  if (!options["no-write"]) {
    const yes = (/** @type {boolean} */ ok) => (ok ? "yes" : "no");
    const section = [
      "## The site's runner",
      "",
      `Measured ${new Date().toISOString()} by \`node scripts/bench-runner.mjs\` (the last part of \`npm run bench\`) against the built`,
      `site, in Chromium ${browser.version()}; times are medians of ${String(runs)} runs. A cold page is loaded in a fresh browser context and`,
      "Run pressed as soon as it can be; a warm page has run once. The JavaScript is what the playground loads that a page without a",
      "runner does not (the editor, the worker with sucrase, the runtime, the runner), then what its first Run adds; the layout is the",
      "picture's, in Node, of 20 Pipelines of 9 components in a ring, each with a feedback loop.",
      "",
      "| Measure | Result | Target | Met? |",
      "| --- | --- | --- | --- |",
      `| Output after Run, cold page | ${coldMs.toFixed(0)} ms | < ${String(targets.coldMs)} ms | ${yes(met.cold)} |`,
      `| Output after Run, warm page | ${warmMs.toFixed(0)} ms | < ${String(targets.warmMs)} ms | ${yes(met.warm)} |`,
      `| Gzipped JavaScript when the page loads | ${addedKB.toFixed(1)} KB | | |`,
      `| Gzipped JavaScript the first Run adds | ${firstRunKB.toFixed(1)} KB | | |`,
      `| Gzipped JavaScript in all | ${totalKB.toFixed(1)} KB | <= ${String(targets.addedKB)} KB | ${yes(met.size)} |`,
      `| Layout of a 200-component system | ${layoutMs.toFixed(1)} ms | (for reference) | |`,
      `| Layout of the 120 components the picture draws of it | ${drawnMs.toFixed(1)} ms | (for reference) | |`,
      "",
      "| File (gzipped) | Size |",
      "| --- | --- |",
      ...files.map(([path, size]) => `| \`${path.replace(/[.-][\w-]{8}(\.js)$/, "$1")}\`${layout.some(([other]) => other === path) ? " (first Run)" : ""} | ${(size / 1024).toFixed(1)} KB |`),
    ].join("\n");
    const path = new URL("../runtime/BENCHMARKS.md", import.meta.url);
    const text = readFileSync(path, "utf8");
    const heading = "\n## The site's runner\n";
    const start = text.indexOf(heading);
    let rest = text;
    if (start !== -1) {
      const next = text.indexOf("\n## ", start + heading.length);
      rest = text.slice(0, start) + (next === -1 ? "" : text.slice(next));
    }
    const results = rest.indexOf("\n## Results");
    const updated = results === -1 ? `${rest.trimEnd()}\n\n${section}\n` : `${rest.slice(0, results).trimEnd()}\n\n${section}\n${rest.slice(results)}`;
    writeFileSync(path, updated);
    console.log("  written to the runner's section of runtime/BENCHMARKS.md");
  }
  if (!met.cold || !met.warm || !met.size) process.exitCode = 1;
} finally {
  await browser.close();
  server.stop();
}
