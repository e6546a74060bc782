import { ProducerFinished } from "kamaelia";
import { describe, expect, it, vi } from "vitest";
import { Harness, pageOutput } from "../../recipe-test.js";
import { system } from "./main.js";

describe("Seq: one step after another", () => {
  it("prints step 1, a, step 2, b, c in that order and finishes", async () => {
    // Seq writes its notes with console.log (it takes no sink), so collect every console line, the
    // ConsoleEchoer's included, to see the order.
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const harness = await new Harness(system()).finish();
      expect(log.mock.calls).toEqual([["step 1"], ["a"], ["step 2"], ["b"], ["c"]]);
      expect(harness.alive()).toEqual([]);
    } finally {
      log.mockRestore();
    }
  });

  it("sends one producerFinished after the last step, not one per step", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const harness = await new Harness(system({ sink: () => undefined })).finish();
      const signal = harness.take("signal");
      expect(signal).toHaveLength(1);
      expect(signal[0]).toBeInstanceOf(ProducerFinished);
    } finally {
      log.mockRestore();
    }
  });

  it("shows on its page exactly what the program prints", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await new Harness(system()).finish();
      expect(log.mock.calls.map(([line]: unknown[]) => line)).toEqual(pageOutput(import.meta.url));
    } finally {
      log.mockRestore();
    }
  });
});
