import { ProducerFinished } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { evensAndOdds, system } from "./main.js";

describe("Graphline: wiring by name", () => {
  it("sends 1..5 from its inbox to [2, 4] on its evens outbox and [1, 3, 5] on its odds outbox", async () => {
    const sorter = evensAndOdds();
    const harness = new Harness(sorter);
    harness.send("inbox", 1, 2, 3, 4, 5).send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take("evens")).toEqual([[2, 4]]);
    expect(harness.take("odds")).toEqual([[1, 3, 5]]);
  });

  it("ends when every child has ended and says so on its own signal outbox", async () => {
    const harness = new Harness(evensAndOdds());
    harness.send("inbox", 1).send("control", new ProducerFinished());
    await harness.finish();
    const signal = harness.take("signal");
    expect(signal).toHaveLength(1);
    expect(signal[0]).toBeInstanceOf(ProducerFinished);
    expect(harness.alive()).toEqual([]);
  });

  it("works as one child of a bigger Graphline, which prints both arrays and finishes", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(lines).toEqual(["[1, 3, 5]", "[2, 4]"]);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
