import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { Chooser } from "./Chooser.js";

const items = ["a", "b", "c"];

async function choose(chooser: Chooser, ...commands: unknown[]): Promise<Record<string, unknown[]>> {
  return runComponent(chooser, { inbox: commands, control: [new ProducerFinished()] });
}

describe("Chooser", () => {
  it("sends the first item as soon as it starts", () => {
    const harness = new Harness(new Chooser(items)).settle();
    expect(harness.take()).toEqual(["a"]);
    expect(harness.scheduler.isThreadPaused(harness.component)).toBe(true);
  });

  it("steps forwards with NEXT and backwards with PREV, sending each item it lands on", async () => {
    const out = await choose(new Chooser(items), "NEXT", "NEXT", "PREV", "PREV");
    expect(out["outbox"]).toEqual(["a", "b", "c", "b", "a"]);
  });

  it("sends nothing for NEXT at the last item or PREV at the first", async () => {
    const out = await choose(new Chooser(items), "PREV", "NEXT", "NEXT", "NEXT", "NEXT", "PREV");
    expect(out["outbox"]).toEqual(["a", "b", "c", "b"]);
  });

  it("wraps round both ways when looping", async () => {
    const out = await choose(new Chooser(items, true), "PREV", "PREV", "NEXT", "NEXT", "NEXT");
    expect(out["outbox"]).toEqual(["a", "c", "b", "c", "a", "b"]);
  });

  it("jumps with FIRST and LAST, sending even when already there, and repeats with SAME", async () => {
    const out = await choose(new Chooser(items), "FIRST", "LAST", "LAST", "SAME", "FIRST");
    expect(out["outbox"]).toEqual(["a", "a", "c", "c", "c", "a"]);
  });

  it("never sends anything when it has no items", async () => {
    const out = await choose(new Chooser([], true), "NEXT", "PREV", "FIRST", "LAST", "SAME");
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([new ProducerFinished()]);
  });

  it("copies the items it is given", async () => {
    const list = ["a", "b"];
    const chooser = new Chooser(list);
    list.push("c");
    const out = await choose(chooser, "LAST");
    expect(out["outbox"]).toEqual(["a", "b"]);
  });

  it("passes ProducerFinished on after handling the waiting commands, then ends", async () => {
    const done = new ProducerFinished("buttons");
    const chooser = new Chooser(items);
    const out = await runComponent(chooser, { control: [done], inbox: ["NEXT"] });
    expect(out["outbox"]).toEqual(["a", "b"]);
    expect(out["signal"]).toEqual([done]);
    expect(chooser.finished).toBe(true);
  });

  it("passes ShutdownMicroprocess on at once, skipping the waiting commands", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new Chooser(items), { inbox: ["NEXT"], control: [stop] });
    expect(out["outbox"]).toEqual(["a"]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("reports a command it cannot handle as ErrorInformation and carries on", async () => {
    const chooser = new Chooser(items);
    const out = await choose(chooser, "JUMP", 3, "NEXT");
    expect(out["outbox"]).toEqual(["a", "b"]);
    const [first, second, done] = out["signal"] ?? [];
    expect(first).toEqual(
      new ErrorInformation(chooser, undefined, `${chooser.name} skipped the string "JUMP" on its "inbox" inbox: it accepts "NEXT", "PREV", "FIRST", "LAST" or "SAME".`),
    );
    expect((second as ErrorInformation).message).toBe(
      `${chooser.name} skipped the number 3 on its "inbox" inbox: it accepts "NEXT", "PREV", "FIRST", "LAST" or "SAME".`,
    );
    expect(done).toEqual(new ProducerFinished());
  });
});
