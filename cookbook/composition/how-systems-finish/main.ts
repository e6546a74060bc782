// How systems finish: a shutdown message travels from signal to control, component to component.
import { Component, ConsoleEchoer, DataSource, Graphline, Pipeline, type ConsoleEchoerOptions } from "kamaelia";

/** Waits for any message on control, reports that it stopped, and passes the message on from signal. */
export class Waiter extends Component {
  constructor(readonly label: string) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    while (!this.dataReady("control")) {
      this.pause();
      yield;
    }
    const message = this.recv("control"); // ProducerFinished or ShutdownMicroprocess
    this.send(`${this.label} stopped`, "outbox");
    this.send(message, "signal");
  }
}

/** Three waiters, each one's signal wired to the next one's control; `entry` is where the Graphline's control goes. */
export function waiters(entry = "W1.control"): Graphline {
  return new Graphline(
    { W1: new Waiter("waiter 1"), W2: new Waiter("waiter 2"), W3: new Waiter("waiter 3") },
    {
      linkages: {
        ".control": entry,
        "W1.signal": "W2.control",
        "W2.signal": "W3.control",
        "W3.signal": ".signal",
        "W1.outbox": ".outbox",
        "W2.outbox": ".outbox",
        "W3.outbox": ".outbox",
      },
    },
  );
}

/** The mistake: the Graphline's control wired to an inbox, so no waiter ever hears about shutdown. */
export const misWiredWaiters = (): Graphline => waiters("W1.inbox");

/** The system: a DataSource with nothing to send (so just a ProducerFinished), the waiters, a printer. */
export function system(print: ConsoleEchoerOptions = {}, chain = waiters()): Pipeline {
  return new Pipeline(new DataSource([]), chain, new ConsoleEchoer(print));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
