/**
 * W3: many components, each waiting for one message.
 * Usage: `node --expose-gc idle.mjs memory <components>` measures heap and RSS after creating them, after
 * activating them and after one cycle (each has paused), then delivers one message to each and checks
 * that all finish. `node --expose-gc idle.mjs breakdown <components>` diffs two heap snapshots (before
 * creating them, and once they idle) and reports what an idle component is made of.
 * @module
 */

import { getHeapSnapshot } from "node:v8";
import { Component, Scheduler } from "kamaelia";
import { check, report, timed, workloadArgs } from "../support.mjs";

/** Pauses until one message arrives, takes it and ends. */
class Waiter extends Component {
  static finished = 0;
  static sum = 0;

  /** @override */
  *main() {
    while (!this.dataReady()) {
      this.pause();
      yield;
    }
    Waiter.sum += Number(this.recv());
    Waiter.finished++;
  }
}

/** Sends `i` to the `i`th waiter through a link made for that one message, yielding every 1024. */
class Feeder extends Component {
  /** @param {readonly Component[]} waiters */
  constructor(waiters) {
    super();
    this.waiters = waiters;
  }

  /** @override */
  *main() {
    const waiters = this.waiters;
    for (let i = 0; i < waiters.length; i++) {
      const linkage = this.link([this, "outbox"], [/** @type {Component} */ (waiters[i]), "inbox"]);
      this.send(i);
      this.unlink({ thelinkage: linkage });
      if ((i & 1023) === 1023) yield;
    }
  }
}

const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
check(gc !== undefined, "run with node --expose-gc");

/** Heap used and RSS after a full collection. */
function memory() {
  gc?.();
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed, rss };
}

/**
 * Creates `count` waiters, activates them and steps each once, so that each has paused.
 * @param {number} count
 * @param {(phase: "created" | "activated" | "idle") => void} measure called after each phase
 */
function idleWaiters(count, measure) {
  const scheduler = new Scheduler();
  /** @type {Waiter[]} */
  const waiters = [];
  for (let i = 0; i < count; i++) waiters.push(new Waiter());
  measure("created");
  for (const waiter of waiters) waiter.activate(scheduler);
  measure("activated");
  // The first cycle admits the activated waiters, the second steps each once, and each pauses.
  scheduler.runUntilIdle();
  check(waiters.every((waiter) => !waiter.finished && scheduler.isThreadPaused(waiter)), "a waiter is not idle");
  measure("idle");
  return { scheduler, waiters };
}

/**
 * Delivers one message to each waiter and checks that every one finishes.
 * @param {Scheduler} scheduler
 * @param {Waiter[]} waiters
 */
async function deliverToAll(scheduler, waiters) {
  Waiter.finished = 0;
  Waiter.sum = 0;
  new Feeder(waiters).activate(scheduler);
  const { seconds } = await timed(() => scheduler.runThreads());
  const count = waiters.length;
  check(Waiter.finished === count, `${String(Waiter.finished)} of ${String(count)} waiters finished`);
  check(Waiter.sum === (count * (count - 1)) / 2, "the waiters received the wrong messages");
  check(waiters.every((waiter) => waiter.finished), "a waiter has not ended");
  return seconds;
}

/** @param {number} count */
async function measureMemory(count) {
  const base = memory();
  const phases = { created: base, activated: base, idle: base };
  let total = base;
  const { scheduler, waiters } = idleWaiters(count, (phase) => {
    total = memory();
    phases[phase] = { heap: (total.heap - base.heap) / count, rss: (total.rss - base.rss) / count };
  });
  const deliverSeconds = await deliverToAll(scheduler, waiters);
  report({ components: count, phases, total, deliverSeconds });
}

/** @typedef {{ snapshot: { meta: { node_fields: string[], node_types: [string[]] } }, nodes: number[], strings: string[] }} HeapSnapshot */

/**
 * Self size and count of the objects on the heap, by kind (`object Waiter`, `array (object properties)`, ...).
 * @returns {Promise<Map<string, { count: number, size: number }>>}
 */
async function heapByKind() {
  gc?.();
  const chunks = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(/** @type {Buffer} */ (chunk));
  const text = Buffer.concat(chunks).toString("utf8");
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- typed by the JSDoc cast, which the rule does not see
  const snapshot = /** @type {HeapSnapshot} */ (JSON.parse(text));
  chunks.length = 0;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt = 0, nameAt = 0, sizeAt = 0] = ["type", "name", "self_size"].map((field) => fields.indexOf(field));
  const { nodes, strings } = snapshot;
  /** @type {Map<string, { count: number, size: number }>} */
  const kinds = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt] ?? 0] ?? "?";
    const name = strings[nodes[i + nameAt] ?? 0] ?? "?";
    const kind = type.endsWith("string") ? "string" : type === "number" ? "heap number" : `${type} ${name}`;
    const entry = kinds.get(kind) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += nodes[i + sizeAt] ?? 0;
    kinds.set(kind, entry);
  }
  return kinds;
}

/** @param {number} count */
async function breakdown(count) {
  // A small first round compiles everything and a first snapshot sets up the snapshot machinery, so
  // that the two snapshots compared differ only by the waiters.
  const warm = idleWaiters(100, () => undefined);
  await deliverToAll(warm.scheduler, warm.waiters);
  await heapByKind();
  const before = await heapByKind();
  const { scheduler, waiters } = idleWaiters(count, () => undefined);
  const after = await heapByKind();
  const kinds = [];
  for (const [kind, { count: n, size }] of after) {
    const old = before.get(kind) ?? { count: 0, size: 0 };
    const bytes = (size - old.size) / count;
    // Smaller differences are code compiled meanwhile, not the waiters.
    if (Math.abs(bytes) >= 4) kinds.push({ kind, objects: (n - old.count) / count, bytes });
  }
  kinds.sort((a, b) => b.bytes - a.bytes);
  await deliverToAll(scheduler, waiters);
  report({ components: count, kinds });
}

const { implementation: mode, sizes } = workloadArgs();
const [count = 100_000] = sizes;
if (mode === "memory") await measureMemory(count);
else if (mode === "breakdown") await breakdown(count);
else check(false, `unknown mode "${mode}": use memory or breakdown`);
