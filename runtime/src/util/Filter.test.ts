import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { Filter, type FilterObject } from "./Filter.js";

const stringsOnly: FilterObject = { filter: (message) => (typeof message === "string" ? message : undefined) };

/** A filter that holds back every message until the stream ends. */
class HoldingFilter implements FilterObject {
  readonly calls: unknown[] = [];
  readonly #held: unknown[] = [];
  filter(message: unknown): unknown {
    this.calls.push(message);
    this.#held.push(message);
    return undefined;
  }
  flush(): Iterable<unknown> {
    this.calls.push("flush");
    return this.#held.splice(0);
  }
}

describe("Filter", () => {
  it("sends on each result of the filter object that is not undefined, in order", async () => {
    const out = await runComponent(new Filter(stringsOnly), { inbox: ["a", 1, "b", null], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", "b"]);
  });

  it("sends what the filter returns, not what it was given", async () => {
    const out = await runComponent(new Filter({ filter: (n: number) => n * 2 }), { inbox: [1, 2], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([2, 4]);
  });

  it("takes a plain function as the filter", async () => {
    const out = await runComponent(new Filter((n: number) => (n > 1 ? n : undefined)), { inbox: [1, 2, 3], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([2, 3]);
  });

  it("passes everything unchanged without a filter", async () => {
    const out = await runComponent(new Filter(), { inbox: ["a", 0, ""], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", 0, ""]);
  });

  it("sends what the filter object's flush() gives on ProducerFinished, after the waiting messages and before passing it on", async () => {
    const holding = new HoldingFilter();
    const done = new ProducerFinished();
    const out = await runComponent(new Filter(holding), { control: [done], inbox: ["x", "y"] });
    expect(out["outbox"]).toEqual(["x", "y"]);
    expect(out["signal"]).toEqual([done]);
    expect(holding.calls).toEqual(["x", "y", "flush"]);
  });

  it("ends without a flush when the filter object has no flush()", async () => {
    const done = new ProducerFinished();
    const out = await runComponent(new Filter({ filter: (n: number) => n + 1 }), { inbox: [1], control: [done] });
    expect(out["outbox"]).toEqual([2]);
    expect(out["signal"]).toEqual([done]);
  });

  it("passes ShutdownMicroprocess on at once, without filtering what waits or flushing", async () => {
    const holding = new HoldingFilter();
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new Filter(holding), { inbox: ["x"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
    expect(holding.calls).toEqual([]);
  });
});
