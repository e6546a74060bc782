import { AddSink, Component, RemoveSink, Splitter } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { system } from "./main.js";

/** Everything waiting in a never-scheduled component's inbox. */
function received(sink: Component): unknown[] {
  const messages: unknown[] = [];
  while (sink.dataReady("inbox")) messages.push(sink.recv("inbox"));
  return messages;
}

describe("Fan-out you can change while running", () => {
  it("sends to each sink only while it is attached: A gets 1, 2, 3, 4 and B, attached after 1 and removed before 4, gets 2, 3", () => {
    const a = new Component();
    const b = new Component();
    const harness = new Harness(new Splitter());
    harness.send("configuration", new AddSink(a)).send("inbox", 1).settle();
    harness.send("configuration", new AddSink(b)).send("inbox", 2, 3).settle();
    expect(received(a)).toEqual([1, 2, 3]);
    expect(received(b)).toEqual([2, 3]);
    harness.send("configuration", new RemoveSink(b)).send("inbox", 4).settle();
    expect(received(a)).toEqual([4]);
    expect(received(b)).toEqual([]);
  });

  it("prints what each listener heard while attached, and ends when the script has", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(lines.filter((line) => line.startsWith("A"))).toEqual(["A got 1", "A got 2", "A got 3", "A got 4"]);
    expect(lines.filter((line) => line.startsWith("B"))).toEqual(["B got 2", "B got 3"]);
    expect(harness.clock.now()).toBe(300);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
