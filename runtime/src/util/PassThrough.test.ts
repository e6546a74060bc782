import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess, Status } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { PassThrough } from "./PassThrough.js";

describe("PassThrough", () => {
  it("sends every message on unchanged, in order", async () => {
    const same = { fruit: "apple" };
    const out = await runComponent(new PassThrough(), { inbox: ["apples\n", same, 3], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["apples\n", same, 3]);
    expect(out["outbox"]?.[1]).toBe(same);
  });

  it("passes every control message on, ending after the waiting messages on ProducerFinished", async () => {
    const status = new Status("note");
    const done = new ProducerFinished();
    const passThrough = new PassThrough();
    const out = await runComponent(passThrough, { control: [status, done], inbox: ["last"] });
    expect(out["outbox"]).toEqual(["last"]);
    expect(out["signal"]).toEqual([status, done]);
    expect(passThrough.finished).toBe(true);
  });

  it("passes ShutdownMicroprocess on at once", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new PassThrough(), { inbox: ["x"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });
});
