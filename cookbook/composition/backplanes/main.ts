// Backplanes: publishers and subscribers that find each other by name, joining and leaving at any time.
import {
  Backplane,
  Component,
  ConsoleEchoer,
  Container,
  DataSource,
  Graphline,
  Pipeline,
  PublishTo,
  SubscribeTo,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** Runs `child` after `ms` milliseconds; the child's signal leaves from its own. */
export class Later extends Container {
  constructor(readonly ms: number, readonly child: Component) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    yield this.sleep(this.ms);
    this.link([this.child, "signal"], [this, "signal"], { passthrough: 2 });
    yield* this.runChildren(this.child);
  }
}

/** The system: subscribers A and B from the start, C from 500 ms; x1 published at 100 ms, y1 at 200, z1 at 1000. */
export function system(print: ConsoleEchoerOptions = {}): Graphline {
  const subscriber = (name: string): Pipeline =>
    new Pipeline(new SubscribeTo("NEWS"), new ConsoleEchoer({ ...print, tag: `${name} got ` }));
  const publisher = (message: string): Pipeline => new Pipeline(new DataSource([message]), new PublishTo("NEWS"));
  return new Graphline(
    {
      NEWS: new Backplane("NEWS"),
      A: subscriber("A"),
      B: subscriber("B"),
      X: new Later(100, publisher("x1")),
      Y: new Later(200, publisher("y1")),
      C: new Later(500, subscriber("C")),
      Z: new Later(1000, publisher("z1")),
    },
    // When Z has published, its ProducerFinished ends the Backplane, which ends every subscriber.
    { linkages: { "Z.signal": "NEWS.control" } },
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
