import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { EchoProtocol } from "./EchoProtocol.js";

describe("EchoProtocol", () => {
  it("sends every message back out unchanged, in order", () => {
    const harness = new Harness(new EchoProtocol());
    const bytes = new Uint8Array([1, 2]);
    harness.send("inbox", "hello", bytes).settle();
    const out = harness.take();
    expect(out).toEqual(["hello", bytes]);
    expect(out[1]).toBe(bytes);
  });

  it("echoes what waits, then passes ProducerFinished on and ends", async () => {
    const done = new ProducerFinished();
    expect(await runComponent(new EchoProtocol(), { inbox: ["a"], control: [done] })).toEqual({ outbox: ["a"], signal: [done] });
  });

  it("passes ShutdownMicroprocess on at once and ends", async () => {
    const stop = new ShutdownMicroprocess();
    expect(await runComponent(new EchoProtocol(), { inbox: ["a"], control: [stop] })).toEqual({ outbox: [], signal: [stop] });
  });
});
