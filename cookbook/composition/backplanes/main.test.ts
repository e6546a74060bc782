import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { system } from "./main.js";

function received(lines: readonly string[], subscriber: string): string[] {
  const tag = `${subscriber} got `;
  return lines.filter((line) => line.startsWith(tag)).map((line) => line.slice(tag.length));
}

describe("Backplanes: publish and subscribe", () => {
  it("delivers x1 and y1 from two publishers to both early subscribers, and nothing to the late one", () => {
    const { lines, sink } = printed();
    const harness = new Harness(system({ sink }));
    try {
      harness.advance(999);
      expect(received(lines, "A").sort()).toEqual(["x1", "y1"]);
      expect(received(lines, "B").sort()).toEqual(["x1", "y1"]);
      expect(received(lines, "C")).toEqual([]);
    } finally {
      harness.scheduler.stop(); // ends the Backplane, which gives its name back
    }
  });

  it("gives a subscriber that joined late only what is published after it joined, z1", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(received(lines, "A").sort()).toEqual(["x1", "y1", "z1"]);
    expect(received(lines, "B").sort()).toEqual(["x1", "y1", "z1"]);
    expect(received(lines, "C")).toEqual(["z1"]);
    expect(harness.clock.now()).toBe(1000);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
