// A chatty server: every connection shares one Markov chain, taught through one port and asked through another.
import { ConsoleEchoer, DataSource, Pipeline, PureTransformer, chunks_to_lines, handle, type Component, type ConsoleEchoerOptions, type ServerAddress } from "kamaelia";

/** How to listen and connect: `{ Server: SimpleServer, Client: TCPClient }` on real sockets, `{ Server: MemoryServer, Client: MemoryClient }` in a page. */
export interface Network {
  readonly Server: new (options: { protocol: () => Component; port: number; host: string }) => Component & { readonly ready: Promise<ServerAddress> };
  readonly Client: new (host: string, port: number) => Component;
}

const HOST = "127.0.0.1";

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

/** Teaches the servers the lines `lessons` sends, then asks them each prompt and prints the replies. */
export async function main(network: Network, lessons: Component, prompts: readonly string[], print: ConsoleEchoerOptions = {}, random = Math.random): Promise<void> {
  const chain = new MarkovChain(); // one chain, shared by every connection to either server
  const teaching = new network.Server({ protocol: () => learner(chain), port: 0, host: HOST });
  const chatting = new network.Server({ protocol: () => chatter(chain, random), port: 0, host: HOST });
  const servers = [handle(teaching), handle(chatting)];
  const [teachAt, chatAt] = await Promise.all([teaching.ready, chatting.ready]);

  // A client fed by the lessons: each line to the teaching port.
  await handle(new Pipeline(lessons, new network.Client(teachAt.host, teachAt.port))).done;

  // Another connection asks: one prompt a line, each reply printed after its prompt.
  let asked = 0;
  const conversation = new Pipeline(
    new DataSource(prompts.map((prompt) => `${prompt}\n`)),
    new network.Client(chatAt.host, chatAt.port),
    chunks_to_lines(),
    new PureTransformer((reply: string) => `${prompts[asked++] ?? ""} -> ${reply}`),
    new ConsoleEchoer(print),
  );
  await handle(conversation).done;
  await Promise.all(servers.map((server) => server.shutdown()));
}
