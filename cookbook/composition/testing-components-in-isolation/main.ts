// Testing a component alone: put messages into its inboxes, step the scheduler, read what left its outboxes.
import { AdaptiveCommsComponent, Component, Scheduler, VirtualClock } from "kamaelia";

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

/** A chat protocol: learns the sentences on `train`, answers each prompt on `inbox` with a sentence from the chain. */
export class MarkovChat extends Component {
  static override Inboxes = { inbox: "prompts: each gets a reply", train: "sentences to learn", control: "shutdown messages" };

  constructor(readonly chain = new MarkovChain(), readonly random: () => number = () => Math.random()) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      while (this.dataReady("train")) this.chain.learn(String(this.recv("train")));
      while (this.dataReady("inbox")) {
        this.recv("inbox"); // a prompt only asks for a reply
        this.send(this.chain.say(this.random), "outbox");
      }
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** Drives a MarkovChat by hand, with no network: a component that is never scheduled holds the other ends of its boxes. */
export function conversation(prompts: readonly string[], print: (line: string) => void = (line) => { console.log(line); }): void {
  const scheduler = new Scheduler({ clock: new VirtualClock() });
  const chat = new MarkovChat().activate(scheduler);
  const tester = new AdaptiveCommsComponent();
  const teach = tester.addOutbox("teach");
  const ask = tester.addOutbox("ask");
  tester.link([tester, teach], [chat, "train"]);
  tester.link([tester, ask], [chat, "inbox"]);
  tester.link([chat, "outbox"], [tester, "inbox"]);
  tester.send("the cat sat", teach);
  for (const prompt of prompts) {
    tester.send(prompt, ask);
    scheduler.runUntilIdle(); // step until the component has nothing left to do
    while (tester.dataReady("inbox")) print(`${prompt} -> ${String(tester.recv("inbox"))}`);
  }
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) conversation(["hello", "what did the cat do?"]);
