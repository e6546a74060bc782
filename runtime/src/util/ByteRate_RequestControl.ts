/**
 * ByteRate_RequestControl: how much a prompted source should produce, asked for at a steady rate.
 * @module
 */

import { ArgumentsClash } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { Scheduler } from "../axon/Scheduler.js";
import { BadArgument, requirePositive } from "./BadArgument.js";
import { checkShutdown } from "./checkShutdown.js";
import { unhandled } from "./unhandled.js";

/** Options for a {@link ByteRate_RequestControl}: the rate, and either `chunksize` or `chunkrate`. */
export interface ByteRate_RequestControlOptions {
  /** Items (bytes, frames, ...) per second to ask for. Default 100000. */
  readonly rate?: number;
  /** Items per request, at least 1; the requests come rate / chunksize times a second. */
  readonly chunksize?: number;
  /** Requests per second, each for rate / chunkrate items. Default 10 when neither is given. */
  readonly chunkrate?: number;
  /** Let a request that catches up after a delay be bigger than a chunk. Default false. */
  readonly allowchunkaggregation?: boolean;
}

/**
 * Sends, at a steady pace, whole numbers saying how many items (bytes, say) a prompted source such as a
 * file reader should produce next, so that together they come to `rate` items a second.
 * @remarks Port of Kamaelia.Util.RateFilter.ByteRate_RequestControl. The first request goes out at
 * once, then one every 1000 / chunkrate ms of its scheduler's clock; it sleeps in between. Fractions
 * carry over from one request to the next, so rounding never adds up: a request may exceed `chunksize`
 * only with `allowchunkaggregation` (a rate of 100 at 3 requests a second asks for 33, 33, 34), otherwise
 * what is owed goes out as an extra small request (33, 33, 33 and 1). Woken late, it catches up the same
 * way: one bigger request with `allowchunkaggregation`, else several of at most `chunksize`. Give `chunksize` or `chunkrate`, not both
 * (`ArgumentsClash`); a chunk smaller than 1 is refused (`BadArgument`). Kamaelia's default with neither
 * was 1000 requests a second; this one makes 10, as Kamaelia's docs said. `ProducerFinished` or
 * `ShutdownMicroprocess` on `control` is passed on from `signal` and it ends; other control messages are
 * passed straight on from `signal`; anything sent to `inbox` is reported as an `ErrorInformation`.
 * @inbox inbox - not used
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - how many items to produce next: whole numbers, at the rate
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for anything sent to `inbox`
 * @example
 * ```ts
 * import { ByteRate_RequestControl, handle } from "kamaelia";
 * const control = handle(new ByteRate_RequestControl({ rate: 100, chunkrate: 3, allowchunkaggregation: true }));
 * const sizes = [await control.get(), await control.get(), await control.get()];
 * console.log(sizes); // [ 33, 33, 34 ]
 * await control.shutdown();
 * ```
 */
export class ByteRate_RequestControl extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "how many items to produce next: whole numbers, at the rate",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for anything sent to inbox",
  };

  readonly #chunksize: number;
  readonly #timestep: number;
  readonly #aggregate: boolean;

  /** @param options - the rate, and either `chunksize` or `chunkrate` */
  constructor(options: ByteRate_RequestControlOptions = {}) {
    super();
    const rate = requirePositive("ByteRate_RequestControl", "rate", options.rate ?? 100000, "items a second");
    const { chunksize, chunkrate } = options;
    if (chunksize !== undefined && chunkrate !== undefined) throw new ArgumentsClash("chunksize", "chunkrate");
    if (chunksize !== undefined) {
      if (!(chunksize >= 1 && Number.isFinite(chunksize))) throw new BadArgument("ByteRate_RequestControl", "chunksize", chunksize, "a number of items, 1 or more");
      this.#chunksize = chunksize;
    } else {
      this.#chunksize = rate / requirePositive("ByteRate_RequestControl", "chunkrate", chunkrate ?? 10, "requests a second");
      if (this.#chunksize < 1) {
        throw new BadArgument("ByteRate_RequestControl", "chunkrate", chunkrate, `at most the rate (${String(rate)}), so that each request is for 1 item or more`);
      }
    }
    this.#timestep = (1000 * this.#chunksize) / rate;
    this.#aggregate = options.allowchunkaggregation ?? false;
  }

  override *main(): Generator<unknown, void, unknown> {
    const clock = (this.scheduler ?? Scheduler.run).clock;
    let due = clock.now();
    let owed = 0;
    let cancel = (): void => undefined;
    try {
      for (;;) {
        const end = checkShutdown(this);
        if (end !== undefined) {
          this.send(end, "signal");
          return;
        }
        while (this.dataReady("inbox") > 0) this.send(unhandled(this, "inbox", this.recv("inbox"), "nothing"), "signal");
        const now = clock.now();
        for (; now >= due; due += this.#timestep) owed += this.#chunksize;
        while (owed >= 1) {
          const chunk = Math.floor(this.#aggregate ? owed : Math.min(owed, this.#chunksize));
          this.send(chunk);
          owed -= chunk;
        }
        // Re-armed on every wake, so a timer firing a rounding error early only delays the request by as much.
        cancel();
        cancel = this.wakeAfter(due - now);
        this.pause();
        yield;
      }
    } finally {
      cancel();
    }
  }
}
