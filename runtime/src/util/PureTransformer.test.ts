import { describe, expect, it } from "vitest";
import { ComponentError } from "../axon/AxonExceptions.js";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess, Status } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { PureTransformer } from "./PureTransformer.js";

describe("PureTransformer", () => {
  it("applies the function to each message and sends the results in order", async () => {
    const out = await runComponent(new PureTransformer((n: number) => n * 10), { inbox: [1, 2, 3], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([10, 20, 30]);
  });

  it("drops a message whose result is undefined but sends null, 0, false and empty strings", async () => {
    const results = [undefined, null, 0, false, ""];
    const out = await runComponent(new PureTransformer((i: number) => results[i]), { inbox: [0, 1, 2, 3, 4], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([null, 0, false, ""]);
  });

  it("drops every message when made without a function, as Kamaelia's did", async () => {
    const out = await runComponent(new PureTransformer(), { inbox: ["a", "b"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([]);
  });

  it("passes ProducerFinished on from signal after transforming every waiting message, then ends", async () => {
    const done = new ProducerFinished("source");
    const transformer = new PureTransformer((text: string) => text.toUpperCase());
    const out = await runComponent(transformer, { control: [done], inbox: ["a", "b"] });
    expect(out["outbox"]).toEqual(["A", "B"]);
    expect(out["signal"]).toEqual([done]);
    expect(out["signal"]?.[0]).toBe(done);
    expect(transformer.finished).toBe(true);
  });

  it("passes ShutdownMicroprocess on at once without transforming what waits, then ends", async () => {
    const stop = new ShutdownMicroprocess();
    const transformer = new PureTransformer((n: number) => n + 1);
    const out = await runComponent(transformer, { inbox: [1, 2], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
    expect(transformer.finished).toBe(true);
  });

  it("lets a ShutdownMicroprocess win over a ProducerFinished waiting before it", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new PureTransformer((n: number) => n), { inbox: [1], control: [new ProducerFinished(), stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("passes other control messages on from signal and carries on", () => {
    const report = new ErrorInformation("upstream", new Error("bad"), "skipped");
    const status = new Status("busy");
    const harness = new Harness(new PureTransformer((n: number) => -n));
    harness.send("control", report, status).send("inbox", 1).settle();
    expect(harness.take("signal")).toEqual([report, status]);
    expect(harness.take()).toEqual([-1]);
    expect(harness.component.finished).toBe(false);
  });

  it("sleeps while nothing arrives and wakes for the next message", () => {
    const transformer = new PureTransformer((n: number) => n * 2);
    const harness = new Harness(transformer).settle();
    expect(harness.scheduler.isThreadPaused(transformer)).toBe(true);
    harness.send("inbox", 21).settle();
    expect(harness.take()).toEqual([42]);
    expect(harness.scheduler.isThreadPaused(transformer)).toBe(true);
  });

  it("ends with the error its function throws", async () => {
    const boom = new Error("boom");
    const transformer = new PureTransformer(() => {
      throw boom;
    });
    const harness = new Harness(transformer).send("inbox", 1);
    const failure = await harness.finish().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ComponentError);
    expect((failure as ComponentError).component).toBe(transformer);
    expect((failure as ComponentError).cause).toBe(boom);
  });

  it("lets a subclass override processMessage, and flush what it held back before ProducerFinished leaves", async () => {
    class Pairs extends PureTransformer {
      #held: unknown[] = [];
      protected override processMessage(message: unknown): unknown {
        this.#held.push(message);
        if (this.#held.length < 2) return undefined;
        const pair = this.#held;
        this.#held = [];
        return pair;
      }
      protected override flush(): void {
        if (this.#held.length > 0) this.send(this.#held, "outbox");
      }
    }
    const done = new ProducerFinished();
    const harness = new Harness(new Pairs()).send("inbox", 1, 2, 3).send("control", done);
    await harness.finish();
    expect(harness.take()).toEqual([[1, 2], [3]]);
    expect(harness.take("signal")).toEqual([done]);
  });

  it("does not flush when told to stop with ShutdownMicroprocess", async () => {
    let flushed = 0;
    class Counting extends PureTransformer {
      protected override flush(): void {
        flushed++;
      }
    }
    await runComponent(new Counting(), { control: [new ShutdownMicroprocess()] });
    expect(flushed).toBe(0);
    await runComponent(new Counting(), { control: [new ProducerFinished()] });
    expect(flushed).toBe(1);
  });
});
