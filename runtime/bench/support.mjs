/**
 * What every workload shares: its arguments, correctness checks, timing, and reporting back to `run.mjs`.
 * A workload runs in its own process: `node runtime/bench/workloads/<name>.mjs <implementation> <sizes...>`.
 * Run by hand, it prints its result as JSON instead.
 * @module
 */

/**
 * What W1, W2 and W4 report: units of work per second of wall-clock time, and per second of the process's
 * CPU time (which other processes on a busy machine disturb less).
 * @typedef {{ rate: number, cpuRate: number, seconds: number }} ThroughputResult
 */
/** @typedef {{ heap: number, rss: number }} Memory bytes */
/**
 * What W3 reports: memory per component after each phase, the process's total once idle, and how long
 * delivering one message to each took.
 * @typedef {{ components: number, phases: Record<"created" | "activated" | "idle", Memory>, total: Memory, deliverSeconds: number }} MemoryResult
 */
/**
 * What W6 reports: heap used and RSS per open connection (less what the server used before the first), and
 * the process's total while it held them.
 * @typedef {{ connections: number, perConnection: Memory, total: Memory }} ConnectionsResult
 */
/**
 * What the W3 heap snapshots show: per kind of heap object, how many and how many bytes each component adds.
 * @typedef {{ components: number, kinds: { kind: string, objects: number, bytes: number }[] }} BreakdownResult
 */

// A failed workload prints its error and cause, not the whole component graph hanging off a ComponentError.
process.on("uncaughtException", (error) => {
  const cause = error.cause instanceof Error ? `\nCaused by: ${error.cause.stack ?? error.cause.message}` : "";
  console.error(`${error.stack ?? error.message}${cause}`);
  process.exit(1);
});

/**
 * Fails the workload (and so the benchmark) when a result is wrong.
 * @param {boolean} condition
 * @param {string} message what went wrong
 * @returns {asserts condition}
 */
export function check(condition, message) {
  if (!condition) throw new Error(`Check failed: ${message}`);
}

/** The implementation to run and the sizes, from the command line. */
export function workloadArgs() {
  const [implementation = "", ...sizes] = process.argv.slice(2);
  return { implementation, sizes: sizes.map(Number) };
}

/**
 * Runs `body` and measures how long it took, in wall-clock time and in CPU time of this process.
 * @template T
 * @param {() => T | Promise<T>} body
 * @returns {Promise<{ seconds: number, cpuSeconds: number, value: T }>}
 */
export async function timed(body) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = await body();
  const seconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage(cpuStart);
  return { seconds, cpuSeconds: (user + system) / 1e6, value };
}

/**
 * The rates for `work` units done in a timed run.
 * @param {number} work
 * @param {{ seconds: number, cpuSeconds: number }} timing
 * @returns {ThroughputResult}
 */
export function throughput(work, { seconds, cpuSeconds }) {
  return { rate: work / seconds, cpuRate: work / cpuSeconds, seconds };
}

/**
 * Hands the result to `run.mjs`, or prints it when the workload was started by hand.
 * @param {ThroughputResult | MemoryResult | BreakdownResult | ConnectionsResult} result
 */
export function report(result) {
  if (process.send === undefined) console.log(JSON.stringify(result, null, 2));
  else process.send(result);
}
