/**
 * W2: one source deals messages round robin to workers that all pass them to one collector.
 * Usage: `node fanout.mjs <kamaelia|rxjs> <messages> <workers>`; reports messages per second, after a
 * two warm-up runs at full size. The collector checks that every message arrives exactly once.
 * @module
 */

import { AdaptiveCommsComponent, Component, ProducerFinished, Scheduler } from "kamaelia";
import { Subject, map, merge } from "rxjs";
import { PassThrough } from "../components.mjs";
import { check, report, throughput, timed, workloadArgs } from "../support.mjs";

/** Sends 0, 1, 2, ... to one outbox per worker in turn, then `ProducerFinished` to each worker. */
class Distributor extends AdaptiveCommsComponent {
  /**
   * @param {number} count
   * @param {number} workers
   */
  constructor(count, workers) {
    super();
    this.count = count;
    /** @type {string[]} */
    this.outs = [];
    /** @type {string[]} */
    this.signals = [];
    for (let i = 0; i < workers; i++) {
      this.outs.push(this.addOutbox("out"));
      this.signals.push(this.addOutbox("finished"));
    }
  }

  /** @override */
  *main() {
    const { count, outs } = this;
    for (let i = 0; i < count; i++) {
      this.send(i, outs[i % outs.length]);
      if ((i & 1023) === 1023) yield;
    }
    for (const signal of this.signals) this.send(new ProducerFinished(this), signal);
  }
}

/** Takes messages from every worker, each exactly once; ends when every worker has finished. */
class Collector extends Component {
  /**
   * @param {number} count
   * @param {number} workers
   */
  constructor(count, workers) {
    super();
    this.seen = new Uint8Array(count);
    this.received = 0;
    this.workersLeft = workers;
  }

  /** @override */
  *main() {
    for (;;) {
      while (this.dataReady()) {
        const value = Number(this.recv());
        check(this.seen[value] === 0, `message ${String(value)} arrived twice or was never sent`);
        this.seen[value] = 1;
        this.received++;
      }
      while (this.dataReady("control")) {
        this.recv("control");
        this.workersLeft--;
      }
      if (this.workersLeft === 0) return;
      this.pause();
      yield;
    }
  }
}

/**
 * @param {number} messages
 * @param {number} workers
 */
async function kamaelia(messages, workers) {
  const scheduler = new Scheduler();
  const wiring = new Component();
  const distributor = new Distributor(messages, workers);
  const collector = new Collector(messages, workers);
  for (let i = 0; i < workers; i++) {
    const worker = new PassThrough();
    wiring.link([distributor, /** @type {string} */ (distributor.outs[i])], [worker, "inbox"]);
    wiring.link([distributor, /** @type {string} */ (distributor.signals[i])], [worker, "control"]);
    wiring.link([worker, "outbox"], [collector, "inbox"]);
    wiring.link([worker, "signal"], [collector, "control"]);
    worker.activate(scheduler);
  }
  distributor.activate(scheduler);
  collector.activate(scheduler);
  await scheduler.runThreads();
  return collector.received;
}

/**
 * One Subject per worker, each through `map(x => x)`, merged into one subscriber.
 * @param {number} messages
 * @param {number} workers
 */
function rxjs(messages, workers) {
  /** @type {Subject<number>[]} */
  const subjects = Array.from({ length: workers }, () => new Subject());
  const seen = new Uint8Array(messages);
  let received = 0;
  let completed = false;
  merge(...subjects.map((subject) => subject.pipe(map((x) => x)))).subscribe({
    next(value) {
      check(seen[value] === 0, `message ${String(value)} arrived twice or was never sent`);
      seen[value] = 1;
      received++;
    },
    complete() {
      completed = true;
    },
  });
  for (let i = 0; i < messages; i++) /** @type {Subject<number>} */ (subjects[i % workers]).next(i);
  for (const subject of subjects) subject.complete();
  check(completed, "the merged stream did not complete");
  return received;
}

const implementations = { kamaelia, rxjs };
const { implementation, sizes } = workloadArgs();
const [messages = 100_000, workers = 100] = sizes;
check(Object.hasOwn(implementations, implementation), `unknown implementation "${implementation}": use ${Object.keys(implementations).join(", ")}`);
const run = implementations[/** @type {keyof typeof implementations} */ (implementation)];
// Two full-size warm-up runs, so that every implementation is measured with its code optimised.
await run(messages, workers);
await run(messages, workers);
const { value: received, ...timing } = await timed(() => run(messages, workers));
check(received === messages, `${String(received)} of ${String(messages)} messages arrived`);
report(throughput(messages, timing));
