import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { SimpleDetupler } from "./SimpleDetupler.js";
import { describeMessage } from "./unhandled.js";

describe("SimpleDetupler", () => {
  it("sends on the element at its index of each array", async () => {
    const out = await runComponent(new SimpleDetupler(1), { inbox: [["greeting", "hello", "world"], ["x", "y"]], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["hello", "y"]);
  });

  it("counts a negative index from the end, as Python does, and indexes strings too", async () => {
    const out = await runComponent(new SimpleDetupler(-1), { inbox: [[1, 2, 3], "abc"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([3, "c"]);
  });

  it("takes a field of an object or an entry of a Map by key", async () => {
    const out = await runComponent(new SimpleDetupler("frame_rate"), {
      inbox: [{ frame_rate: 25, size: [720, 576] }, new Map([["frame_rate", 30]])],
      control: [new ProducerFinished()],
    });
    expect(out["outbox"]).toEqual([25, 30]);
  });

  it("skips a message without that element, reporting it on signal, and carries on", async () => {
    const detupler = new SimpleDetupler(2);
    const done = new ProducerFinished();
    const bad = [[1, 2], 42, null];
    const out = await runComponent(detupler, { inbox: [...bad, [1, 2, 3]], control: [done] });
    expect(out["outbox"]).toEqual([3]);
    const reports = out["signal"]?.slice(0, -1) as ErrorInformation[];
    expect(reports.map((report) => [report.caller, report.message])).toEqual(
      bad.map((message) => [
        detupler,
        `${detupler.name} skipped ${describeMessage(message)} on its "inbox" inbox: it accepts arrays, strings, objects or maps that have an element 2.`,
      ]),
    );
    expect(out["signal"]?.at(-1)).toBe(done);
  });

  it("passes ShutdownMicroprocess on at once", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new SimpleDetupler(0), { inbox: [[1]], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });
});
