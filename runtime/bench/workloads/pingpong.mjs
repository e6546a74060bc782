/**
 * W4: a value handed back and forth between two parties, each round trip checked.
 * Usage: `node pingpong.mjs <kamaelia|async-generators|channels> <round trips>`; reports round trips per
 * second, after two warm-up runs at full size.
 * @module
 */

import { Component, ProducerFinished, Scheduler } from "kamaelia";
import { PassThrough } from "../components.mjs";
import { check, report, throughput, timed, workloadArgs } from "../support.mjs";

/** Sends 0, waits for it to come back, sends 1, ...; after the last round trip it signals and ends. */
class Ping extends Component {
  /** @param {number} rounds */
  constructor(rounds) {
    super();
    this.rounds = rounds;
    this.returned = 0;
  }

  /** @override */
  *main() {
    this.send(0);
    for (;;) {
      while (this.dataReady()) {
        const value = this.recv();
        check(value === this.returned, `round trip ${String(this.returned)} came back as ${String(value)}`);
        this.returned++;
        if (this.returned === this.rounds) {
          this.send(new ProducerFinished(this), "signal");
          return;
        }
        this.send(this.returned);
      }
      this.pause();
      yield;
    }
  }
}

/** @param {number} rounds */
async function kamaelia(rounds) {
  const scheduler = new Scheduler();
  const wiring = new Component();
  const ping = new Ping(rounds);
  const pong = new PassThrough();
  wiring.link([ping, "outbox"], [pong, "inbox"]);
  wiring.link([pong, "outbox"], [ping, "inbox"]);
  wiring.link([ping, "signal"], [pong, "control"]);
  ping.activate(scheduler);
  pong.activate(scheduler);
  await scheduler.runThreads();
  return ping.returned;
}

/**
 * Two async generators: each value ping yields goes into pong, and what pong yields goes back into ping.
 * @param {number} rounds
 */
async function asyncGenerators(rounds) {
  /** @returns {AsyncGenerator<number, number, unknown>} */
  // eslint-disable-next-line @typescript-eslint/require-await -- the baseline is the async generator protocol alone
  async function* ping() {
    let returned = 0;
    while (returned < rounds) {
      const value = yield returned;
      check(value === returned, `round trip ${String(returned)} came back as ${String(value)}`);
      returned++;
    }
    return returned;
  }
  /** @returns {AsyncGenerator<unknown, void, unknown>} */
  // eslint-disable-next-line @typescript-eslint/require-await -- the baseline is the async generator protocol alone
  async function* pong() {
    let value = yield;
    for (;;) value = yield value;
  }
  const pinger = ping();
  const ponger = pong();
  await ponger.next();
  let out = await pinger.next();
  while (out.done !== true) {
    const back = await ponger.next(out.value);
    out = await pinger.next(back.value);
  }
  await ponger.return(undefined);
  return out.value;
}

/** An unbounded promise-based channel: `put` never waits, `take` waits for a value. */
class Channel {
  /** @type {unknown[]} */
  #items = [];
  /** @type {((value: unknown) => void)[]} */
  #takers = [];

  /** @param {unknown} value */
  put(value) {
    const taker = this.#takers.shift();
    if (taker === undefined) this.#items.push(value);
    else taker(value);
  }

  /** @returns {Promise<unknown>} */
  take() {
    if (this.#items.length > 0) return Promise.resolve(this.#items.shift());
    return new Promise((resolve) => this.#takers.push(resolve));
  }
}

/**
 * Two async functions over a pair of channels.
 * @param {number} rounds
 */
async function channels(rounds) {
  const there = new Channel();
  const back = new Channel();
  const pong = (async () => {
    for (;;) {
      const value = await there.take();
      if (value === undefined) return;
      back.put(value);
    }
  })();
  const ping = (async () => {
    let returned = 0;
    for (let i = 0; i < rounds; i++) {
      there.put(i);
      const value = await back.take();
      check(value === i, `round trip ${String(i)} came back as ${String(value)}`);
      returned++;
    }
    there.put(undefined);
    return returned;
  })();
  const [returned] = await Promise.all([ping, pong]);
  return returned;
}

const implementations = { kamaelia, "async-generators": asyncGenerators, channels };
const { implementation, sizes } = workloadArgs();
const [rounds = 100_000] = sizes;
check(Object.hasOwn(implementations, implementation), `unknown implementation "${implementation}": use ${Object.keys(implementations).join(", ")}`);
const run = implementations[/** @type {keyof typeof implementations} */ (implementation)];
// Two full-size warm-up runs, so that every implementation is measured with its code optimised.
await run(rounds);
await run(rounds);
const { value: returned, ...timing } = await timed(() => run(rounds));
check(returned === rounds, `${String(returned)} of ${String(rounds)} round trips completed`);
report(throughput(rounds, timing));
