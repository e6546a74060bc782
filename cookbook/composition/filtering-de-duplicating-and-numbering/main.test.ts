import { Collate, Pipeline, ProducerFinished } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { NumberUnique, system } from "./main.js";

describe("Filtering, de-duplicating and numbering", () => {
  it("turns a, b, a, c into exactly [[0, a], [1, b], [2, c]] through UnseenOnly, TagWithSequenceNumber and Collate", async () => {
    const harness = new Harness(new Pipeline(NumberUnique(), new Collate()));
    harness.send("inbox", "a", "b", "a", "c").send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take()).toEqual([
      [
        [0, "a"],
        [1, "b"],
        [2, "c"],
      ],
    ]);
  });

  it("prints the numbered unique words without the blank, then the first word only", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(lines).toEqual(['unique: [[0, "a"], [1, "b"], [2, "c"]]', "first: a"]);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
