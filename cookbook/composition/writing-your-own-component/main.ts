// Writing your own component: a generator main() that takes what is ready, sends, and pauses.
import {
  Component,
  ConsoleEchoer,
  DataSource,
  Pipeline,
  ProducerFinished,
  ShutdownMicroprocess,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** Doubles every number it receives; ends, passing the news on, when told on `control`. */
export class Doubler extends Component {
  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox")) this.send(Number(this.recv("inbox")) * 2, "outbox");
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) {
          this.send(message, "signal");
          return;
        }
      }
      this.pause(); // sleep until a message arrives
      yield;
    }
  }
}

/** The system: 1, 2, 3 through a Doubler, printed. */
export function system(print: ConsoleEchoerOptions = {}): Pipeline {
  return new Pipeline(new DataSource([1, 2, 3]), new Doubler(), new ConsoleEchoer(print));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
