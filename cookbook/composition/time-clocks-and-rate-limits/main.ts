// Time: a rate limit and a clock, both sleeping between messages until a timer wakes them.
import {
  Clock,
  ConsoleEchoer,
  DataSource,
  Graphline,
  MessageRateLimit,
  OnDemandLimit,
  Pipeline,
  PureTransformer,
  Seq,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** Says when each message arrived, in milliseconds since it started (rounded to 10 ms: real timers are never exact). */
export class Stamp extends PureTransformer {
  #start = 0;

  override *main(): Generator<unknown, void, unknown> {
    this.#start = this.scheduler?.clock.now() ?? 0;
    yield* super.main();
  }

  protected override processMessage(message: unknown): string {
    const elapsed = (this.scheduler?.clock.now() ?? 0) - this.#start;
    return `${String(message)} at ${String(Math.round(elapsed / 10) * 10)} ms`;
  }
}

/** Five messages, no more than two a second (the 1: start as soon as one message is waiting). */
export const rateLimited = (print: ConsoleEchoerOptions = {}): Pipeline =>
  new Pipeline(new DataSource(["m1", "m2", "m3", "m4", "m5"]), new MessageRateLimit(2, 1), new Stamp(), new ConsoleEchoer(print));

/** Three slides, one per tick of the clock: each tick becomes "NEXT" for the OnDemandLimit holding them. */
export function slideshow(print: ConsoleEchoerOptions = {}, interval = 1000): Graphline {
  return new Graphline(
    {
      SLIDES: new DataSource(["slide 1", "slide 2", "slide 3"]),
      TICKS: new Clock(interval),
      NEXT: new PureTransformer(() => "NEXT"),
      HOLD: new OnDemandLimit(),
      SHOW: new Pipeline(new Stamp(), new ConsoleEchoer(print)),
    },
    {
      linkages: {
        "SLIDES.outbox": "HOLD.inbox",
        "SLIDES.signal": "HOLD.control",
        "TICKS.outbox": "NEXT.inbox",
        "NEXT.outbox": "HOLD.slidecontrol",
        "HOLD.outbox": "SHOW.inbox",
        "HOLD.signal": "SHOW.control",
        "SHOW.signal": "TICKS.control", // the last slide shown: stop the clock
        "TICKS.signal": "NEXT.control",
      },
    },
  );
}

/** The system: the rate-limited messages, then the slideshow. */
export const system = (print: ConsoleEchoerOptions = {}): Seq => new Seq(rateLimited(print), slideshow(print));

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
