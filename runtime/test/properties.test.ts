// Properties of whole systems: random pipelines and random graphs of components wired with link(),
// with random message counts, random pacing and (optionally) bounded inboxes. Every run is
// deterministic: a fresh scheduler on a virtual clock, stepped by hand or run by runThreads().
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Component, NoSpaceInBox, ProducerFinished, Scheduler, VirtualClock } from "../src/index.js";

/** The most children a node feeds; each child gets its own outbox (and signal box) of the node. */
const MAX_FAN_OUT = 4;

/** What a node does after handling a message: keep going in the same step, yield, or sleep some ms. */
type Beat = "continue" | "yield" | number;

/** One node of a generated system, in topological order: it is fed only by nodes before it. */
interface NodeSpec {
  /** The nodes feeding its inbox (fan-in); empty for a producer. */
  readonly parents: readonly number[];
  /** How many messages it makes itself, before passing on what it receives. */
  readonly own: number;
  /** Its pacing, cycled through after each message it handles. */
  readonly rhythm: readonly Beat[];
  /** The capacity of its inbox, shared by all its parents; undefined for no limit. */
  readonly width: number | undefined;
}

/** A generated system and how to run it. */
interface SystemSpec {
  readonly nodes: readonly NodeSpec[];
  readonly driver: "step" | "runThreads";
  /** Activate the nodes last to first instead of first to last (changes the round-robin order). */
  readonly reverseActivation: boolean;
}

/** A message made by node `origin`, its `seq`-th. */
interface Payload {
  readonly origin: number;
  readonly seq: number;
}

/** A payload on its way over one link: the `n`-th message node `from` sent from its box `box`. */
interface Envelope {
  readonly payload: Payload;
  readonly from: number;
  readonly box: number;
  readonly n: number;
}

/**
 * Makes its own messages, then passes on what it receives, spreading messages round robin over its
 * outboxes (one per child), or keeps them when it has no children (a sink). When a destination is
 * full it keeps the message, pauses and retries when woken, so it never holds more than one message
 * back. It ends, sending ProducerFinished to every child, once every parent has finished and it has
 * passed everything on.
 */
class Node extends Component {
  static override Outboxes = Array.from({ length: MAX_FAN_OUT }, (_, j) => [`out${String(j)}`, `sig${String(j)}`]).flat();

  /** For each link into it ("from:box"), the link sequence numbers in the order they arrived. */
  readonly arrivals = new Map<string, number[]>();
  /** What it kept as a sink, in order. */
  readonly consumed: Payload[] = [];
  /** How many messages it has sent (or is about to send) from each outbox. */
  readonly sentOn: number[] = [];
  /** The most messages seen waiting in its inbox, by itself or by the driver. */
  mostWaiting = 0;
  /** How many parents feed it (set while wiring). */
  parentCount = 0;
  /** How many children it feeds, one outbox each (set while wiring). */
  fanOut = 0;
  #made = 0;
  #finishes = 0;
  #beats = 0;
  #next = 0;
  #pending: Envelope | null = null;

  constructor(
    readonly index: number,
    readonly spec: NodeSpec,
  ) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    const rhythm = this.spec.rhythm;
    for (;;) {
      this.mostWaiting = Math.max(this.mostWaiting, this.dataReady("inbox"));
      const pending = this.#pending;
      if (pending !== null && !this.#flush(pending)) {
        this.pause();
        yield;
        continue;
      }
      const payload = this.#take();
      if (payload !== undefined) {
        this.#route(payload);
        const beat = rhythm[this.#beats++ % rhythm.length];
        if (beat === "yield") yield;
        else if (typeof beat === "number") yield this.sleep(beat);
        continue;
      }
      while (this.dataReady("control")) if (this.recv("control") instanceof ProducerFinished) this.#finishes++;
      if (this.#finishes === this.parentCount) {
        for (let j = 0; j < this.fanOut; j++) this.send(new ProducerFinished(this), `sig${String(j)}`);
        return;
      }
      this.pause();
      yield;
    }
  }

  /** Its next own message, else the next one received, else undefined. */
  #take(): Payload | undefined {
    if (this.#made < this.spec.own) return { origin: this.index, seq: this.#made++ };
    if (this.dataReady("inbox") === 0) return undefined;
    const envelope = this.recv("inbox") as Envelope;
    const key = `${String(envelope.from)}:${String(envelope.box)}`;
    let arrived = this.arrivals.get(key);
    if (arrived === undefined) this.arrivals.set(key, (arrived = []));
    arrived.push(envelope.n);
    return envelope.payload;
  }

  #route(payload: Payload): void {
    if (this.fanOut === 0) {
      this.consumed.push(payload);
      return;
    }
    const box = this.#next++ % this.fanOut;
    const n = this.sentOn[box] ?? 0;
    this.sentOn[box] = n + 1;
    this.#pending = { payload, from: this.index, box, n };
    this.#flush(this.#pending);
  }

  /** Tries to send the message held back; false if its destination is still full. */
  #flush(envelope: Envelope): boolean {
    try {
      this.send(envelope, `out${String(envelope.box)}`);
    } catch (error) {
      if (error instanceof NoSpaceInBox) return false;
      throw error;
    }
    this.#pending = null;
    return true;
  }
}

/** One link of a built system: `parent`'s outbox `box` feeds `child`'s inbox. */
interface Link {
  readonly parent: Node;
  readonly box: number;
  readonly child: Node;
}

/** Builds the system, wired by a component that is never activated (so its links last). */
function build(spec: SystemSpec) {
  const clock = new VirtualClock();
  const scheduler = new Scheduler({ clock });
  const nodes = spec.nodes.map((node, i) => new Node(i, node));
  const links: Link[] = [];
  const wiring = new Component();
  for (const child of nodes) {
    const width = child.spec.width;
    for (const index of child.spec.parents) {
      const parent = nodes[index];
      if (parent === undefined || parent.fanOut >= MAX_FAN_OUT) continue;
      const box = parent.fanOut++;
      child.parentCount++;
      links.push({ parent, box, child });
      wiring.link([parent, `out${String(box)}`], [child, "inbox"], width === undefined ? {} : { pipewidth: width });
      wiring.link([parent, `sig${String(box)}`], [child, "control"]);
    }
  }
  const order = spec.reverseActivation ? [...nodes].reverse() : nodes;
  for (const node of order) node.activate(scheduler);
  return { clock, scheduler, nodes, links };
}

/**
 * Runs the system to its end. The step driver also looks at every inbox after every cycle, recording
 * the most waiting in each node's `mostWaiting`; with runThreads each node records what it sees.
 */
async function run(spec: SystemSpec, system: ReturnType<typeof build>): Promise<void> {
  const { clock, scheduler, nodes } = system;
  if (spec.driver === "step") {
    for (let cycles = 0; scheduler.listAllThreads().length > 0; cycles++) {
      if (cycles > 1_000_000) throw new Error("the system did not shut down");
      if (scheduler.runUntilIdle(1) === 0 && !clock.advanceToNext()) {
        throw new Error("deadlock: every component waits and no timer is set");
      }
      for (const node of nodes) node.mostWaiting = Math.max(node.mostWaiting, node.dataReady("inbox"));
    }
    return;
  }
  const watchdog = { fired: false };
  // Far beyond any pacing timer: it fires only if everything waits for ever.
  clock.setTimeout(() => {
    watchdog.fired = true;
    scheduler.stop();
  }, 1e9);
  await scheduler.runThreads();
  if (watchdog.fired) throw new Error("deadlock: every component waits and no timer is set");
}

/** Checks what every run must show: a clean end, every link exact and in order, every message kept once. */
function expectDelivered(system: ReturnType<typeof build>): void {
  const { scheduler, nodes, links } = system;
  expect(scheduler.listAllThreads()).toEqual([]);
  for (const node of nodes) {
    expect(node.finished).toBe(true);
    expect(node.exitError).toBeUndefined();
  }
  for (const { parent, box, child } of links) {
    const sent = parent.sentOn[box] ?? 0;
    const arrived = child.arrivals.get(`${String(parent.index)}:${String(box)}`) ?? [];
    expect(arrived).toEqual(Array.from({ length: sent }, (_, n) => n));
  }
  const arrivalLinks = nodes.reduce((total, node) => total + node.arrivals.size, 0);
  expect(arrivalLinks).toBeLessThanOrEqual(links.length);
  const made = nodes.flatMap((node) => Array.from({ length: node.spec.own }, (_, seq) => `${String(node.index)}/${String(seq)}`));
  const kept = nodes.flatMap((node) => node.consumed.map(({ origin, seq }) => `${String(origin)}/${String(seq)}`));
  expect(kept.sort()).toEqual(made.sort());
}

/** Checks that no inbox ever held more than its capacity. */
function expectBounded(system: ReturnType<typeof build>): void {
  for (const node of system.nodes) expect(node.mostWaiting).toBeLessThanOrEqual(node.spec.width ?? Infinity);
}

/** Checks that a pipeline's last node kept the first node's messages, all of them, in order. */
function expectInOrderAtTheEnd(system: ReturnType<typeof build>): void {
  const [first] = system.nodes;
  const last = system.nodes.at(-1);
  const own = first?.spec.own ?? 0;
  expect(last?.consumed).toEqual(Array.from({ length: own }, (_, seq) => ({ origin: 0, seq })));
}

const beat: fc.Arbitrary<Beat> = fc.oneof(fc.constant("continue" as const), fc.constant("yield" as const), fc.integer({ min: 1, max: 3 }));
const rhythm = fc.array(beat, { minLength: 1, maxLength: 4 });

function nodeSpec(i: number, shape: "pipeline" | "graph", bounded: boolean): fc.Arbitrary<NodeSpec> {
  const parents =
    i === 0
      ? fc.constant<number[]>([])
      : shape === "pipeline"
        ? fc.constant([i - 1])
        : fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { maxLength: 3 });
  return parents.chain((chosen) =>
    fc.record({
      parents: fc.constant(chosen),
      own: chosen.length === 0 ? fc.integer({ min: 0, max: 20 }) : shape === "pipeline" ? fc.constant(0) : fc.integer({ min: 0, max: 3 }),
      rhythm,
      width: bounded ? fc.integer({ min: 1, max: 8 }) : fc.constant(undefined),
    }),
  );
}

function systemSpec(shape: "pipeline" | "graph", bounded: boolean): fc.Arbitrary<SystemSpec> {
  return fc.integer({ min: 1, max: 50 }).chain((size) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: size }, (_, i) => nodeSpec(i, shape, bounded))),
      driver: fc.constantFrom("step" as const, "runThreads" as const),
      reverseActivation: fc.boolean(),
    }),
  );
}

const runs = { numRuns: 100 };

describe("random pipelines", () => {
  it("deliver every message exactly once and in order, then shut down", async () => {
    await fc.assert(
      fc.asyncProperty(systemSpec("pipeline", false), async (spec) => {
        const system = build(spec);
        await run(spec, system);
        expectDelivered(system);
        expectInOrderAtTheEnd(system);
      }),
      runs,
    );
  });

  it("with bounded inboxes lose nothing and never queue more than the pipewidth", async () => {
    await fc.assert(
      fc.asyncProperty(systemSpec("pipeline", true), async (spec) => {
        const system = build(spec);
        await run(spec, system);
        expectDelivered(system);
        expectInOrderAtTheEnd(system);
        expectBounded(system);
      }),
      runs,
    );
  });
});

describe("random graphs", () => {
  it("deliver every message exactly once and in order on each link, then shut down", async () => {
    await fc.assert(
      fc.asyncProperty(systemSpec("graph", false), async (spec) => {
        const system = build(spec);
        await run(spec, system);
        expectDelivered(system);
      }),
      runs,
    );
  });

  it("with bounded inboxes shared by their producers lose nothing and never queue more than the pipewidth", async () => {
    await fc.assert(
      fc.asyncProperty(systemSpec("graph", true), async (spec) => {
        const system = build(spec);
        await run(spec, system);
        expectDelivered(system);
        expectBounded(system);
      }),
      runs,
    );
  });
});
