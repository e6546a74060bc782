import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent, thrown } from "../test-support/harness.js";
import { RecoverOrder } from "./RecoverOrder.js";

const items = (...seqnums: number[]): [number, string][] => seqnums.map((n) => [n, `d${String(n)}`]);

describe("RecoverOrder", () => {
  it("holds bufsize messages and lets the earliest go for each one that arrives after that", () => {
    const harness = new Harness(new RecoverOrder({ bufsize: 3 }));
    harness.send("inbox", ...items(5, 3)).settle();
    expect(harness.take()).toEqual([]);
    harness.send("inbox", ...items(4)).settle();
    expect(harness.take()).toEqual(items(3));
    harness.send("inbox", ...items(7, 6)).settle();
    expect(harness.take()).toEqual(items(4, 5));
  });

  it("sends everything it holds, in order, when ProducerFinished arrives, then passes it on", async () => {
    const done = new ProducerFinished();
    const out = await runComponent(new RecoverOrder({ bufsize: 10 }), { inbox: items(9, 2, 5, 1), control: [done] });
    expect(out).toEqual({ outbox: items(1, 2, 5, 9), signal: [done] });
  });

  it("drops a message with the same sequence number as one it holds", async () => {
    const out = await runComponent(new RecoverOrder({ bufsize: 2 }), { inbox: items(1, 1, 2, 2, 2, 3), control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(items(1, 2, 3));
  });

  it("orders across the wrap of sequence numbers at modulo", async () => {
    const out = await runComponent(new RecoverOrder({ bufsize: 4, modulo: 8 }), { inbox: items(6, 0, 7, 2, 1, 3, 4), control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(items(6, 7, 0, 1, 2, 3, 4));
  });

  it("sends a message that comes after later ones have gone, out of order", async () => {
    const out = await runComponent(new RecoverOrder({ bufsize: 2 }), { inbox: items(1, 2, 3, 0, 4), control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(items(1, 2, 0, 3, 4));
  });

  it("reports a message that is not a [seqnum, data] pair in range and carries on", async () => {
    const out = await runComponent(new RecoverOrder({ modulo: 16 }), { inbox: ["x", [16, "big"], [-1, "neg"], [1.5, "half"], [3, "ok"]], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([[3, "ok"]]);
    const reports = (out["signal"] ?? []).filter((m) => m instanceof ErrorInformation).map((m) => String(m.message).replace(/_\d+/, "_N"));
    expect(reports).toHaveLength(4);
    expect(reports[0]).toMatchInlineSnapshot(`"RecoverOrder_N skipped the string "x" on its "inbox" inbox: it accepts [seqnum, data] pairs with a whole seqnum from 0 to 15."`);
  });

  it("passes ShutdownMicroprocess on at once, dropping what it holds", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new RecoverOrder(), { inbox: items(1, 2), control: [stop] });
    expect(out).toEqual({ outbox: [], signal: [stop] });
  });

  it("refuses a bufsize or modulo it cannot work with", () => {
    expect(thrown(() => new RecoverOrder({ bufsize: 0 }))).toMatchInlineSnapshot(`"BadArgument: new RecoverOrder(): bufsize must be a whole number of messages, 1 or more, not 0."`);
    expect(thrown(() => new RecoverOrder({ modulo: 1.5 }))).toMatchInlineSnapshot(`"BadArgument: new RecoverOrder(): modulo must be a whole number, 2 or more, not 1.5."`);
  });
});
