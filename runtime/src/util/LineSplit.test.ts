import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { LineSplit } from "./LineSplit.js";
import { describeMessage } from "./unhandled.js";

describe("LineSplit", () => {
  it("sends each line of each message on its own, without the line break", async () => {
    const out = await runComponent(new LineSplit(), { inbox: ["one\ntwo", "three"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["one", "two", "three"]);
  });

  it("gives an empty last line for a message ending in a line break, and splits each message on its own", async () => {
    const out = await runComponent(new LineSplit(), { inbox: ["a\n", "b\n\nc"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", "", "b", "", "c"]);
  });

  it("skips a message that is not a string, reporting it on signal, and carries on", async () => {
    const split = new LineSplit();
    const done = new ProducerFinished();
    const out = await runComponent(split, { inbox: [42, "x"], control: [done] });
    expect(out["outbox"]).toEqual(["x"]);
    expect(out["signal"]).toHaveLength(2);
    const report = out["signal"]?.[0] as ErrorInformation;
    expect(report).toBeInstanceOf(ErrorInformation);
    expect(report.message).toBe(`${split.name} skipped ${describeMessage(42)} on its "inbox" inbox: it accepts strings.`);
    expect(out["signal"]?.[1]).toBe(done);
  });

  it("passes ShutdownMicroprocess on at once", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new LineSplit(), { inbox: ["a\nb"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });
});
