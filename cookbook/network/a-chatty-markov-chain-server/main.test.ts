import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource, ProducerFinished, Scheduler } from "kamaelia";
import { SimpleReader } from "kamaelia/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Harness, pageOutput, printed, recordTranscript } from "../../recipe-test.js";
import { MarkovChain, chatter, learner, main } from "./chatty.js";
import { memory } from "./in-the-page.js";
import { tcp } from "./main.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

// Random number generators that always pick the first, a middle or the last choice, and a truly random one:
// with one sentence learned, none of them can make the chain say anything else.
const generators = { first: () => 0, middle: () => 0.5, last: () => 0.999_999, random: Math.random };

let folder = "";
let corpus = "";
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "chatty-test-"));
  corpus = join(folder, "corpus.txt");
  await writeFile(corpus, "the cat sat\n");
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

// The servers and clients run on the default scheduler, driven by handles: each test checks that it has left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

describe("A chatty Markov-chain server: the protocols alone, on a harness", () => {
  it.each(Object.entries(generators))("answers any prompt with exactly 'the cat sat' once taught that one sentence (%s choice)", (_name, random) => {
    const chain = new MarkovChain();
    // Bytes cut anywhere, as TCP may deliver them.
    new Harness(learner(chain)).send("inbox", bytes("the ca"), bytes("t sat\n")).settle();
    const chat = new Harness(chatter(chain, random)).send("inbox", bytes("hello\nwhat did the cat do?\n"), bytes("\n")).settle();
    expect(chat.take()).toEqual(["the cat sat\n", "the cat sat\n", "the cat sat\n"]);
  });

  it("shares one chain between handlers: what one connection teaches, every other connection can say", () => {
    const chain = new MarkovChain();
    const before = new Harness(chatter(chain, Math.random)).send("inbox", bytes("anyone there?\n")).settle();
    expect(before.take()).toEqual(["\n"]);
    new Harness(learner(chain)).send("inbox", bytes("the cat sat\n")).settle();
    const after = new Harness(chatter(chain, Math.random)).send("inbox", bytes("and now?\n")).settle();
    expect(after.take()).toEqual(["the cat sat\n"]);
  });

  it("teaches without answering, and both protocols end when the client has finished", async () => {
    const teach = new Harness(learner(new MarkovChain())).send("inbox", bytes("the cat sat\n")).send("control", new ProducerFinished());
    await teach.finish();
    expect(teach.take()).toEqual([]);
    expect(teach.take("signal")).toEqual([expect.any(ProducerFinished)]);
    const chat = new Harness(chatter(new MarkovChain(), Math.random)).send("control", new ProducerFinished());
    await chat.finish();
    expect(chat.alive()).toEqual([]);
  });
});

describe("A chatty Markov-chain server over TCP", () => {
  it.each(Object.entries(generators))("taught 'the cat sat' by a TCPClient fed from a file, answers every prompt with exactly that (%s choice)", async (_name, random) => {
    const { lines, sink } = printed();
    await main(tcp, new SimpleReader(corpus), ["hello", "what did the cat do?", "tell me more"], { sink }, random);
    expect(lines).toEqual(["hello -> the cat sat", "what did the cat do? -> the cat sat", "tell me more -> the cat sat"]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await main(tcp, new SimpleReader(corpus), ["hello", "what did the cat do?"], { sink });
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});

describe("A chatty Markov-chain server in the page (in-memory network)", () => {
  it.each(Object.entries(generators))("taught 'the cat sat' through a MemoryClient, answers every prompt with exactly that (%s choice)", async (_name, random) => {
    const { lines, sink } = printed();
    await main(memory, new DataSource(["the cat sat\n"]), ["hello", "anything?"], { sink }, random);
    expect(lines).toEqual(["hello -> the cat sat", "anything? -> the cat sat"]);
  });

  it("prints in the page exactly what the Node program prints, as its page shows", async () => {
    const { lines, sink } = printed();
    await main(memory, new DataSource(["the cat sat\n"]), ["hello", "what did the cat do?"], { sink });
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
