/**
 * Comparator: are two streams the same, item by item?
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "./checkShutdown.js";

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}

/** Equality by value: `===` for primitives; arrays, typed arrays and plain objects element by element. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  }
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor) return false;
    const left = a as unknown as ArrayLike<unknown>;
    const right = b as unknown as ArrayLike<unknown>;
    if (left.length !== right.length) return false;
    for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/**
 * Pairs the items of two streams, one from `inA` with one from `inB`, and sends whether each pair is
 * equal.
 * @remarks Port of Kamaelia.Util.Comparator. It waits until both `inA` and `inB` hold an item, takes one
 * from each and sends `combine(a, b)` from `outbox`: `true` when they are equal by value (`===` for
 * strings, numbers and other primitives; arrays, typed arrays such as `Uint8Array` chunks, and plain
 * objects element by element), else `false`. Override `combine` in a subclass to do something else with
 * each pair (an adder, say). `ShutdownMicroprocess` on `control` is passed on from `signal` at once and
 * it ends; `ProducerFinished` is passed on once every complete pair waiting has been compared (an item
 * without a partner is left unread). Kamaelia sent a new `ProducerFinished` either way. Other control
 * messages are passed on from `signal`.
 * @inbox inbox - not used
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @inbox inA - the first stream of items to compare
 * @inbox inB - the second stream of items to compare
 * @outbox outbox - the result for each pair: `true` when equal
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { Comparator, handle } from "kamaelia";
 * const compare = handle(new Comparator());
 * compare.put("blah", "inA");
 * compare.put("blah", "inB");
 * compare.put([1, 2], "inA");
 * compare.put([1, 3], "inB");
 * console.log(await compare.get(), await compare.get()); // true false
 * await compare.shutdown();
 * ```
 */
export class Comparator extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
    inA: "the first stream of items to compare",
    inB: "the second stream of items to compare",
  };
  static override Outboxes = {
    outbox: "the result for each pair: true when equal",
    signal: "the shutdown message when it ends, and other control messages",
  };

  /** What to send for one pair: whether they are equal by value. Override it in a subclass. */
  protected combine(valA: unknown, valB: unknown): unknown {
    return equal(valA, valB);
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      if (shutdown instanceof ShutdownMicroprocess) {
        this.send(shutdown, "signal");
        return;
      }
      while (this.dataReady("inA") > 0 && this.dataReady("inB") > 0) {
        this.send(this.combine(this.recv("inA"), this.recv("inB")), "outbox");
      }
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}
