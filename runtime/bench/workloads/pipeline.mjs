/**
 * W1: integers through a pipeline of pass-through stages, counted and checked in order at the end.
 * Usage: `node pipeline.mjs <kamaelia|streams|rxjs> <messages> <stages>`; reports hops per second
 * (messages x stages / seconds), after two warm-up runs at full size.
 * @module
 */

import { PassThrough as StreamPassThrough, Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Component, ProducerFinished, Scheduler } from "kamaelia";
import { map, range } from "rxjs";
import { PassThrough } from "../components.mjs";
import { check, report, throughput, timed, workloadArgs } from "../support.mjs";

/** Sends 0, 1, 2, ... and then `ProducerFinished`, yielding every 1024 sends. */
class Source extends Component {
  /** @param {number} count */
  constructor(count) {
    super();
    this.count = count;
  }

  /** @override */
  *main() {
    const count = this.count;
    for (let i = 0; i < count; i++) {
      this.send(i);
      if ((i & 1023) === 1023) yield;
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Counts what arrives, checking that it is 0, 1, 2, ... in order; ends on a message on `control`. */
class Sink extends Component {
  received = 0;

  /** @override */
  *main() {
    for (;;) {
      while (this.dataReady()) {
        const value = this.recv();
        check(value === this.received, `message ${String(this.received)} arrived as ${String(value)}`);
        this.received++;
      }
      if (this.dataReady("control")) return;
      this.pause();
      yield;
    }
  }
}

/**
 * Source, stages and sink wired by a component that never runs, so the links outlive every stage.
 * @param {number} messages
 * @param {number} stages
 */
async function kamaelia(messages, stages) {
  const scheduler = new Scheduler();
  const wiring = new Component();
  const sink = new Sink();
  const chain = [new Source(messages), ...Array.from({ length: stages }, () => new PassThrough()), sink];
  for (let i = 1; i < chain.length; i++) {
    const from = /** @type {Component} */ (chain[i - 1]);
    const to = /** @type {Component} */ (chain[i]);
    wiring.link([from, "outbox"], [to, "inbox"]);
    wiring.link([from, "signal"], [to, "control"]);
  }
  for (const component of chain) component.activate(scheduler);
  await scheduler.runThreads();
  return sink.received;
}

/** @param {number} count */
function* integers(count) {
  for (let i = 0; i < count; i++) yield i;
}

/**
 * Object-mode `stream.pipeline` of PassThrough streams.
 * @param {number} messages
 * @param {number} stages
 */
async function streams(messages, stages) {
  let received = 0;
  const sink = new Writable({
    objectMode: true,
    write(chunk, _encoding, callback) {
      if (chunk !== received) {
        callback(new Error(`Check failed: message ${String(received)} arrived as ${String(chunk)}`));
        return;
      }
      received++;
      callback();
    },
  });
  const passThroughs = Array.from({ length: stages }, () => new StreamPassThrough({ objectMode: true }));
  await pipeline([Readable.from(integers(messages)), ...passThroughs, sink]);
  return received;
}

/**
 * `range` through `map(x => x)` operators.
 * @param {number} messages
 * @param {number} stages
 */
function rxjs(messages, stages) {
  let received = 0;
  let observable = range(0, messages);
  for (let i = 0; i < stages; i++) observable = observable.pipe(map((x) => x));
  observable.subscribe((value) => {
    check(value === received, `message ${String(received)} arrived as ${String(value)}`);
    received++;
  });
  return received;
}

const implementations = { kamaelia, streams, rxjs };
const { implementation, sizes } = workloadArgs();
const [messages = 200_000, stages = 10] = sizes;
check(Object.hasOwn(implementations, implementation), `unknown implementation "${implementation}": use ${Object.keys(implementations).join(", ")}`);
const run = implementations[/** @type {keyof typeof implementations} */ (implementation)];
// Two full-size warm-up runs, so that every implementation is measured with its code optimised.
await run(messages, stages);
await run(messages, stages);
const { value: received, ...timing } = await timed(() => run(messages, stages));
check(received === messages, `${String(received)} of ${String(messages)} messages arrived`);
report(throughput(messages * stages, timing));
