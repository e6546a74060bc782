// Feedback: a Pipeline whose output is wired back to its own input, and how such a loop stops.
import {
  Component,
  ConsoleEchoer,
  DataSource,
  Graphline,
  Pipeline,
  ProducerFinished,
  PureTransformer,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** One generation of an L-system: every letter replaced by its rule (letters without one stay). */
export const Rewrite = (rules: Readonly<Record<string, string>>): PureTransformer<string> =>
  new PureTransformer((model: string) => model.replace(/./gu, (letter) => rules[letter] ?? letter));

/** Passes on the first `count` messages; at the next one it says ProducerFinished and ends. */
export class Take extends Component {
  constructor(readonly count: number) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    for (let passed = 0; ; ) {
      while (this.dataReady("inbox")) {
        const message = this.recv("inbox");
        if (passed === this.count) {
          this.send(new ProducerFinished(this), "signal");
          return;
        }
        this.send(message, "outbox");
        passed++;
      }
      this.pause();
      yield;
    }
  }
}

/** The system: "B" goes round the loop, printed and rewritten, `generations` times. */
export function system(print: ConsoleEchoerOptions = {}, generations = 4): Graphline {
  const loop = new Pipeline(new ConsoleEchoer({ ...print, forwarder: true }), Rewrite({ B: "BTL", L: "B" }), new Take(generations));
  return new Graphline(
    { SEED: new DataSource(["B"]), LOOP: loop },
    {
      linkages: {
        "SEED.outbox": "LOOP.inbox",
        "LOOP.outbox": "LOOP.inbox", // the feedback
        "LOOP.signal": "LOOP.control", // so Take's ProducerFinished goes round the loop too
      },
    },
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
