import { CorruptFrame, DataChunker, ErrorInformation, Pipeline, ProducerFinished } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { Fragmenter, Receiver, Sender, system } from "./main.js";

const objects = [{ id: 1 }, { id: 2, text: "a\nb" }];

describe("Marshalling and framing a message stream", () => {
  it("delivers {id: 1} and {id: 2, text: 'a\\nb'} deep-equal and in order although the stream is cut into 3-byte pieces", async () => {
    const harness = new Harness(new Pipeline(Sender(), new Fragmenter(3), Receiver()));
    harness.send("inbox", ...objects).send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take()).toStrictEqual(objects);
    expect(harness.alive()).toEqual([]);
  });

  it("really cuts the stream into 3-byte pieces that ignore where messages start and end", async () => {
    const harness = new Harness(new Pipeline(Sender(), new Fragmenter(3)));
    harness.send("inbox", ...objects).send("control", new ProducerFinished());
    await harness.finish();
    const pieces = harness.take() as Uint8Array[];
    expect(pieces.length).toBeGreaterThan(20);
    expect(pieces.slice(0, -1).every((piece) => piece.length === 3)).toBe(true);
  });

  it("reports a frame whose length prefix is wrong as a CorruptFrame instead of passing on a mis-read object", async () => {
    const harness = new Harness(new Pipeline(new DataChunker(), Receiver()));
    harness.send("inbox", '0 5\n{"id":1}', '1 8\n{"id":2}').send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take()).toEqual([]);
    const problems = harness.take("signal").filter((message) => message instanceof ErrorInformation);
    expect(problems.some((problem) => problem.exception instanceof CorruptFrame)).toBe(true);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
