// The chatty server in the page: the same servers on the in-memory network, taught from a list instead of a file.
import { ConsoleEchoer, DataSource, MemoryClient, MemoryServer, Pipeline, PureTransformer, chunks_to_lines, handle, type ConsoleEchoerOptions } from "kamaelia";

/** Which word follows which, learned from sentences; "" marks a sentence's start and end. */
export class MarkovChain {
  readonly #next = new Map<string, string[]>();

  learn(sentence: string): void {
    let previous = "";
    for (const word of [...sentence.split(/\s+/).filter(Boolean), ""]) {
      this.#next.set(previous, [...(this.#next.get(previous) ?? []), word]);
      previous = word;
    }
  }

  /** A sentence made by a random walk from the start, `random()` picking among the words seen next. */
  say(random: () => number, maxWords = 30): string {
    const said: string[] = [];
    for (let word = ""; said.length < maxWords; said.push(word)) {
      const choices = this.#next.get(word) ?? [""];
      word = choices[Math.floor(random() * choices.length)] ?? "";
      if (word === "") break;
    }
    return said.join(" ");
  }
}

/** The teaching protocol: learns each line a client sends, and says nothing. */
export const learner = (chain: MarkovChain): Pipeline =>
  new Pipeline(chunks_to_lines(), new PureTransformer((line: string) => { chain.learn(line); }));

/** The chatting protocol: answers each line a client sends with a line from the chain. */
export const chatter = (chain: MarkovChain, random: () => number): Pipeline =>
  new Pipeline(chunks_to_lines(), new PureTransformer(() => `${chain.say(random)}\n`));

/** Teaches the servers `sentences`, then asks them each prompt and prints the replies. */
export async function main(sentences: readonly string[], prompts: readonly string[], print: ConsoleEchoerOptions = {}, random = Math.random): Promise<void> {
  const chain = new MarkovChain(); // one chain, shared by every connection to either server
  const teaching = new MemoryServer({ protocol: () => learner(chain), port: 0 });
  const chatting = new MemoryServer({ protocol: () => chatter(chain, random), port: 0 });
  const servers = [handle(teaching), handle(chatting)];

  // A client fed from the list: each sentence to the teaching port.
  await handle(new Pipeline(new DataSource(sentences.map((sentence) => `${sentence}\n`)), new MemoryClient("localhost", (await teaching.ready).port))).done;

  // Another connection asks: one prompt a line, each reply printed after its prompt.
  let asked = 0;
  const conversation = new Pipeline(
    new DataSource(prompts.map((prompt) => `${prompt}\n`)),
    new MemoryClient("localhost", (await chatting.ready).port),
    chunks_to_lines(),
    new PureTransformer((reply: string) => `${prompts[asked++] ?? ""} -> ${reply}`),
    new ConsoleEchoer(print),
  );
  await handle(conversation).done;
  await Promise.all(servers.map((server) => server.shutdown()));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main(["the cat sat"], ["hello", "what did the cat do?"]);
