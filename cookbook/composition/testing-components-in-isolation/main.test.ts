import { ProducerFinished } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput } from "../../recipe-test.js";
import { MarkovChain, MarkovChat, conversation } from "./main.js";

/** A seeded pseudo-random generator (mulberry32), so that a "random" reply is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("Testing components in isolation", () => {
  it.each([1, 2, 3, 42])("replies exactly 'the cat sat' to any prompt once trained with that one sentence (seed %i)", (seed) => {
    const harness = new Harness(new MarkovChat(new MarkovChain(), seeded(seed)));
    harness.send("train", "the cat sat").send("inbox", "hello", "what did the cat do?", "").settle();
    expect(harness.take("outbox")).toEqual(["the cat sat", "the cat sat", "the cat sat"]);
  });

  it("picks among the ways the chain can go: two sentences sharing 'sat' give four replies", () => {
    const harness = new Harness(new MarkovChat(new MarkovChain(), seeded(7)));
    harness.send("train", "the cat sat", "a dog sat down");
    harness.send("inbox", ...Array.from({ length: 20 }, () => "?")).settle();
    const replies = new Set(harness.take("outbox"));
    expect([...replies].sort()).toEqual(["a dog sat", "a dog sat down", "the cat sat", "the cat sat down"]);
  });

  it("shares one chain between components, as a server shares it between connections", () => {
    const chain = new MarkovChain();
    const teacher = new Harness(new MarkovChat(chain));
    const asker = new Harness(new MarkovChat(chain));
    teacher.send("train", "the cat sat").settle();
    asker.send("inbox", "hi").settle();
    expect(asker.take("outbox")).toEqual(["the cat sat"]);
  });

  it("passes shutdown on from signal and ends", async () => {
    const chat = new MarkovChat();
    const finished = new ProducerFinished();
    const harness = new Harness(chat).send("control", finished);
    await harness.finish();
    expect(harness.take("signal")).toEqual([finished]);
    expect(chat.finished).toBe(true);
  });

  it("shows on its page exactly what the program prints", () => {
    const lines: string[] = [];
    conversation(["hello", "what did the cat do?"], (line) => lines.push(line));
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
