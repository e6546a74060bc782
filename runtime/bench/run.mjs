/**
 * Runs every workload in fresh processes, prints kamaelia beside its baselines and the targets, and
 * writes the results section of runtime/BENCHMARKS.md.
 * Usage: `npm run bench [-- --runs N] [-- --quick]`. `--runs N` takes the median of N runs (default 5);
 * `--quick` makes one run at reduced sizes and leaves BENCHMARKS.md alone. Exits non-zero when a
 * workload fails its own correctness checks.
 * @module
 */

import { fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, release } from "node:os";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: { runs: { type: "string" }, quick: { type: "boolean", default: false } },
});
const quick = options.quick;
const runs = quick ? 1 : Number(options.runs ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number of runs, 1 or more: got ${String(options.runs)}.`);

const sizes = quick
  ? { pipeline: 20_000, stages: 10, fanout: 10_000, workers: 100, idle: [10_000, 100_000], pingpong: 10_000, breakdown: 10_000, echo: { clients: 100, rounds: 200, bytes: 64 }, connections: 1_000 }
  : { pipeline: 200_000, stages: 10, fanout: 100_000, workers: 100, idle: [100_000, 1_000_000], pingpong: 100_000, breakdown: 10_000, echo: { clients: 100, rounds: 2_000, bytes: 64 }, connections: 10_000 };
const KB = 1024;
const GB = 1024 ** 3;
/** The RSS target holds for a million idle components. */
const rssTargetComponents = 1_000_000;

/** @typedef {import("./support.mjs").ThroughputResult} ThroughputResult */
/** @typedef {import("./support.mjs").MemoryResult} MemoryResult */
/** @typedef {import("./support.mjs").BreakdownResult} BreakdownResult */
/** @typedef {import("./support.mjs").ConnectionsResult} ConnectionsResult */

/**
 * Runs one workload in a fresh Node process and resolves with what it reports.
 * @template {ThroughputResult | MemoryResult | BreakdownResult | ConnectionsResult} T
 * @param {string} file under workloads/
 * @param {(string | number)[]} args
 * @param {string[]} [execArgv]
 * @returns {Promise<T>}
 */
function runWorkload(file, args, execArgv = []) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(`workloads/${file}`, import.meta.url), args.map(String), {
      execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    /** @type {T | undefined} */
    let result;
    child.on("message", (message) => {
      result = /** @type {T} */ (message);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const command = `node ${execArgv.join(" ")} runtime/bench/workloads/${file} ${args.join(" ")}`.replace(/ +/g, " ");
      if (code !== 0) reject(new Error(`${command} failed (${signal ?? `exit code ${String(code)}`}); its error is printed above.`));
      else if (result === undefined) reject(new Error(`${command} ended without reporting a result.`));
      else resolve(result);
    });
  });
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** @param {number} value */
function count(value) {
  return value.toLocaleString("en-US");
}

/** @param {number} value a rate, as 12.3 M or 456 k */
function rate(value) {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(0)} k`;
  return value.toFixed(0);
}

/** @param {number} value bytes */
function bytes(value) {
  if (value >= GB) return `${(value / GB).toFixed(2)} GB`;
  if (value >= 1024 ** 2) return `${(value / 1024 ** 2).toFixed(0)} MB`;
  return `${value.toFixed(0)} B`;
}

/**
 * One throughput comparison: kamaelia and each baseline, run alternately, `runs` times each.
 * @param {string} file
 * @param {(string | number)[]} args
 * @param {string[]} implementations kamaelia first
 * @returns {Promise<Record<string, ThroughputResult[]>>}
 */
async function throughput(file, args, implementations) {
  /** @type {Record<string, ThroughputResult[]>} */
  const results = Object.fromEntries(implementations.map((name) => [name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const name of implementations) {
      /** @type {ThroughputResult} */
      const result = await runWorkload(file, [name, ...args]);
      results[name]?.push(result);
      console.error(`  ${file} ${name} run ${String(run)}/${String(runs)}: ${rate(result.rate)}/s (${rate(result.cpuRate)}/s of CPU time)`);
    }
  }
  return results;
}

console.error(`Running each workload ${String(runs)} time(s), each run in a fresh process${quick ? " (quick: reduced sizes)" : ""}.`);
const startedAt = new Date();
const loadAtStart = loadavg();
const pipeline = await throughput("pipeline.mjs", [sizes.pipeline, sizes.stages], ["kamaelia", "streams", "rxjs"]);
const fanout = await throughput("fanout.mjs", [sizes.fanout, sizes.workers], ["kamaelia", "rxjs"]);
const pingpong = await throughput("pingpong.mjs", [sizes.pingpong], ["kamaelia", "async-generators", "channels"]);
/** @type {{ components: number, results: MemoryResult[] }[]} */
const idle = [];
for (const components of sizes.idle) {
  /** @type {MemoryResult[]} */
  const results = [];
  for (let run = 1; run <= runs; run++) {
    /** @type {MemoryResult} */
    const result = await runWorkload("idle.mjs", ["memory", components], ["--expose-gc"]);
    results.push(result);
    console.error(`  idle.mjs ${count(components)} run ${String(run)}/${String(runs)}: ${bytes(result.phases.idle.heap)} heap per component`);
  }
  idle.push({ components, results });
}
/** @type {BreakdownResult} */
const breakdown = await runWorkload("idle.mjs", ["breakdown", sizes.breakdown], ["--expose-gc"]);
const echo = await throughput("echo.mjs", [sizes.echo.clients, sizes.echo.rounds, sizes.echo.bytes], ["kamaelia", "net"]);
/** @type {Record<string, ConnectionsResult[]>} */
const connections = { kamaelia: [], net: [] };
for (let run = 1; run <= runs; run++) {
  for (const name of ["kamaelia", "net"]) {
    /** @type {ConnectionsResult} */
    const result = await runWorkload("connections.mjs", [name, sizes.connections], ["--expose-gc"]);
    connections[name]?.push(result);
    console.error(`  connections.mjs ${name} run ${String(run)}/${String(runs)}: ${bytes(result.perConnection.heap)} heap, ${bytes(result.perConnection.rss)} RSS per connection`);
  }
}
const loadAtEnd = loadavg();

/** @typedef {{ workload: string, kamaelia: string, baseline: string, ratio: string, target: string, met: string }} Row */
/** @type {Row[]} by wall-clock time, the targets' measure */
const rows = [];
/** @type {Row[]} the throughput rows again, by CPU time */
const cpuRows = [];

/**
 * Adds a throughput row to both tables.
 * @param {string} workload
 * @param {Record<string, ThroughputResult[]>} results
 * @param {string} baseline implementation name
 * @param {string} label how the baseline is shown
 * @param {string} unit
 * @param {number | null} target the ratio kamaelia / baseline must reach, or null for none
 */
function compare(workload, results, baseline, label, unit, target) {
  for (const [table, measure] of /** @type {const} */ ([[rows, "rate"], [cpuRows, "cpuRate"]])) {
    const ours = median((results["kamaelia"] ?? []).map((result) => result[measure]));
    const theirs = median((results[baseline] ?? []).map((result) => result[measure]));
    const ratio = ours / theirs;
    table.push({
      workload,
      kamaelia: `${rate(ours)} ${unit}`,
      baseline: `${label}: ${rate(theirs)} ${unit}`,
      ratio: `${ratio.toFixed(2)}x`,
      target: target === null ? "(for reference)" : `>= ${String(target)}x`,
      met: target === null ? "" : ratio >= target ? "yes" : "NO",
    });
  }
}

/**
 * @param {MemoryResult[]} results
 * @param {"created" | "activated" | "idle"} phase
 * @param {"heap" | "rss"} measure
 */
function phaseMedian(results, phase, measure) {
  return median(results.map((result) => result.phases[phase][measure]));
}

const pipelineName = `W1 pipeline, ${count(sizes.pipeline)} msgs x ${String(sizes.stages)} stages`;
compare(pipelineName, pipeline, "streams", "Node streams", "hops/s", 2);
compare(pipelineName, pipeline, "rxjs", "RxJS", "hops/s", null);
const fanoutName = `W2 fan-out/fan-in, ${count(sizes.fanout)} msgs, ${String(sizes.workers)} workers`;
compare(fanoutName, fanout, "rxjs", "RxJS", "msgs/s", 1);
for (const { components, results } of idle) {
  const heap = phaseMedian(results, "idle", "heap");
  rows.push({
    workload: `W3 ${count(components)} idle components: heap per component`,
    kamaelia: bytes(heap),
    baseline: "",
    ratio: "",
    target: "<= 1.0 KB",
    met: heap <= KB ? "yes" : "NO",
  });
  const rss = median(results.map((result) => result.total.rss));
  const rssTarget = components === rssTargetComponents;
  rows.push({
    workload: `W3 ${count(components)} idle components: process RSS`,
    kamaelia: bytes(rss),
    baseline: "",
    ratio: "",
    target: rssTarget ? "< 1.5 GB" : "(for reference)",
    met: rssTarget ? (rss < 1.5 * GB ? "yes" : "NO") : "",
  });
}
const pingpongName = `W4 ping-pong, ${count(sizes.pingpong)} round trips`;
compare(pingpongName, pingpong, "async-generators", "async generators", "round trips/s", 1);
compare(pingpongName, pingpong, "channels", "promise channel", "round trips/s", null);
const echoName = `W5 TCP echo, ${String(sizes.echo.clients)} clients x ${count(sizes.echo.rounds)} round trips of ${String(sizes.echo.bytes)} B`;
compare(echoName, echo, "net", "raw node:net", "round trips/s", 0.8);
for (const measure of /** @type {const} */ (["heap", "rss"])) {
  const ours = median((connections["kamaelia"] ?? []).map((result) => result.perConnection[measure]));
  const theirs = median((connections["net"] ?? []).map((result) => result.perConnection[measure]));
  rows.push({
    workload: `W6 ${count(sizes.connections)} idle TCP connections: ${measure === "heap" ? "heap" : "RSS"} per connection`,
    kamaelia: bytes(ours),
    baseline: `raw node:net: ${bytes(theirs)}`,
    ratio: `${(ours / theirs).toFixed(2)}x`,
    target: "(for reference)",
    met: "",
  });
}

/** @type {(keyof Row)[]} */
const columns = ["workload", "kamaelia", "baseline", "ratio", "target", "met"];
/** @type {Row} */
const headings = { workload: "Workload", kamaelia: "kamaelia", baseline: "Baseline", ratio: "Ratio", target: "Target", met: "Met?" };

/** @param {Row[]} table */
function textTable(table) {
  const widths = columns.map((column) => Math.max(...[headings, ...table].map((row) => row[column].length)));
  /** @param {Row} row */
  const line = (row) => columns.map((column, i) => row[column].padEnd(widths[i] ?? 0)).join(" | ").trimEnd();
  return [line(headings), widths.map((width) => "-".repeat(width)).join("-|-"), ...table.map(line)].join("\n");
}

/** @param {string[]} cells */
const markdownRow = (cells) => `| ${cells.join(" | ")} |`;

/** @param {Row[]} table */
function markdownTable(table) {
  return [markdownRow(columns.map((column) => headings[column])), markdownRow(columns.map(() => "---")), ...table.map((row) => markdownRow(columns.map((column) => row[column])))];
}

const cpuNote = "The same throughput runs measured by the CPU time of the benchmark process, which load from other processes disturbs less (the targets are judged on the wall-clock table above):";
console.log(`\n${textTable(rows)}\n\n${cpuNote}\n\n${textTable(cpuRows)}`);

const machine = `${platform()} ${release()} (${arch()}), ${cpus()[0]?.model ?? "unknown CPU"}, ${String(cpus().length)} cores, Node ${process.version}`;
/** @param {number[]} load */
const loadText = (load) => load.map((value) => value.toFixed(2)).join(" ");
/** @param {Record<string, ThroughputResult[]>} results */
const everyRun = (results) =>
  Object.entries(results).map(([name, all]) => `${name}: ${all.map((result) => rate(result.rate)).join(", ")}`).join("; ");

const results = [
  "## Results",
  "",
  `Measured ${startedAt.toISOString()} on ${machine}. Load average (1, 5, 15 min): ${loadText(loadAtStart)} at the start, ${loadText(loadAtEnd)} at the end.`,
  `Median of ${String(runs)} run(s), each in a fresh process; rates by wall-clock time.`,
  "",
  ...markdownTable(rows),
  "",
  cpuNote,
  "",
  ...markdownTable(cpuRows),
  "",
  "### Every run (wall-clock)",
  "",
  `- W1 (hops/s): ${everyRun(pipeline)}`,
  `- W2 (msgs/s): ${everyRun(fanout)}`,
  `- W4 (round trips/s): ${everyRun(pingpong)}`,
  `- W5 (round trips/s): ${everyRun(echo)}`,
  `- W6 (heap, RSS per connection): ${Object.entries(connections).map(([name, all]) => `${name}: ${all.map((result) => `${bytes(result.perConnection.heap)}, ${bytes(result.perConnection.rss)}`).join("; ")}`).join(" | ")}`,
  ...idle.map(({ components, results: all }) => `- W3 ${count(components)} (heap per idle component): ${all.map((result) => bytes(result.phases.idle.heap)).join(", ")}`),
  "",
  "### W3: memory per component, by phase (medians)",
  "",
  markdownRow(["Components", "Phase", "Heap per component", "RSS per component"]),
  markdownRow(["---", "---", "---", "---"]),
  ...idle.flatMap(({ components, results: all }) =>
    /** @type {["created" | "activated" | "idle", string][]} */ ([["created", "created, not activated"], ["activated", "activated"], ["idle", "after one step each (paused)"]]).map(([phase, label]) =>
      markdownRow([count(components), label, bytes(phaseMedian(all, phase, "heap")), bytes(phaseMedian(all, phase, "rss"))]),
    ),
  ),
  "",
  ...idle.map(({ components, results: all }) =>
    `Delivering one message to each of ${count(components)} idle components (one link, send and unlink each): all finished, in a median ${median(all.map((result) => result.deliverSeconds)).toFixed(2)} s.`,
  ),
  "",
  `### W3: what an idle component is made of (heap snapshots, ${count(breakdown.components)} components)`,
  "",
  markdownRow(["Heap object (snapshot type and name)", "Objects per component", "Bytes per component"]),
  markdownRow(["---", "---", "---"]),
  ...breakdown.kinds.map(({ kind, objects, bytes: size }) =>
    markdownRow([`\`${kind}\``, objects.toFixed(2), size.toFixed(0)]),
  ),
  "",
];

if (quick) {
  console.log("\nQuick run: runtime/BENCHMARKS.md left as it was.");
} else {
  const path = new URL("../BENCHMARKS.md", import.meta.url);
  const text = readFileSync(path, "utf8");
  const at = text.indexOf("\n## Results");
  writeFileSync(path, `${(at === -1 ? text : text.slice(0, at)).trimEnd()}\n\n${results.join("\n")}`);
  console.log("\nResults written to runtime/BENCHMARKS.md.");
}
