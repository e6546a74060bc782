// A Splitter copies each message to every destination attached now; attach and detach them while it runs.
import {
  AddSink,
  Component,
  ConsoleEchoer,
  Graphline,
  ProducerFinished,
  RemoveSink,
  Splitter,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** Sends each [ms, outbox, message] when that many milliseconds have passed, then ProducerFinished. */
export class Script extends Component {
  static override Outboxes = { outbox: "data", requests: "AddSink and RemoveSink", signal: "ProducerFinished at the end" };

  constructor(readonly steps: readonly (readonly [ms: number, outbox: string, message: unknown])[]) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    let now = 0;
    for (const [ms, outbox, message] of this.steps) {
      if (ms > now) yield this.sleep(ms - now);
      now = Math.max(now, ms);
      this.send(message, outbox);
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/** The system: A listens from the start, B from 100 ms to 300 ms, while 1, 2, 3, 4 go by. */
export function system(print: ConsoleEchoerOptions = {}): Graphline {
  const a = new ConsoleEchoer({ ...print, tag: "A got " });
  const b = new ConsoleEchoer({ ...print, tag: "B got " });
  const script = new Script([
    [0, "requests", new AddSink(a, "inbox", "control")],
    [0, "outbox", 1],
    [100, "requests", new AddSink(b, "inbox", "control")],
    [100, "outbox", 2],
    [200, "outbox", 3],
    [300, "requests", new RemoveSink(b, "inbox", null)], // B stops getting data, but still hears the end
    [300, "outbox", 4],
  ]);
  return new Graphline(
    { SCRIPT: script, SPLIT: new Splitter(), A: a, B: b },
    { linkages: { "SCRIPT.outbox": "SPLIT.inbox", "SCRIPT.requests": "SPLIT.configuration", "SCRIPT.signal": "SPLIT.control" } },
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
