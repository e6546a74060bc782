// Carousel: create a component at run time, from a message, once you know its arguments.
import { Carousel, Component, ConsoleEchoer, Graphline, ProducerFinished, type ConsoleEchoerOptions } from "kamaelia";

/** The format a decoder announces before the samples it describes. */
export interface Format {
  readonly rate: number;
}

/** A stand-in for an audio decoder: sends the format from "format", then the samples from "outbox". */
export class FakeDecoder extends Component {
  static override Outboxes = { outbox: "samples", format: "the format, before its samples", signal: "ProducerFinished at the end" };

  constructor(readonly sections: readonly (Format & { readonly samples: readonly number[] })[]) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    for (const { rate, samples } of this.sections) {
      this.send({ rate }, "format");
      for (const sample of samples) {
        this.send(sample, "outbox");
        yield;
      }
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Plays samples at a rate fixed when it is made (here: counts them), and reports when told to stop. */
export class Player extends Component {
  #played = 0;

  constructor(readonly rate: number) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      for (; this.dataReady("inbox"); this.#played++) this.recv("inbox");
      if (this.dataReady("control")) {
        this.send(`player@${String(this.rate)} got ${String(this.#played)} samples`, "outbox");
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** The system: the decoder's format makes the player; its samples go to whichever player is plugged in. */
export function system(print: ConsoleEchoerOptions = {}, makePlayer = (format: Format) => new Player(format.rate)): Graphline {
  return new Graphline(
    {
      DECODER: new FakeDecoder([{ rate: 8000, samples: [0.1, 0.5, -0.2] }]),
      PLAYER: new Carousel((format) => makePlayer(format as Format)),
      OUT: new ConsoleEchoer(print),
    },
    {
      linkages: {
        "DECODER.format": "PLAYER.next",
        "DECODER.outbox": "PLAYER.inbox",
        "DECODER.signal": "PLAYER.control",
        "PLAYER.outbox": "OUT.inbox",
        "PLAYER.signal": "OUT.control",
      },
    },
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
