// A Graphline wires named children by a table of links: "CHILD.box": "OTHER.box". A name left empty
// means the Graphline itself, so ".inbox" is its own inbox and ".refused" a new outbox of its own.
import { Component, ConsoleEchoer, DataSource, Graphline, PureTransformer, type ConsoleEchoerOptions } from "kamaelia";

/** Sends on the names it accepts (one word of letters), and the others from "refused". */
export class CheckName extends Component {
  static override Outboxes = { outbox: "names it accepts", refused: "names it refuses", signal: "the end, passed on" };

  override *main() {
    for (;;) {
      while (this.dataReady("inbox")) {
        const name = String(this.recv("inbox"));
        this.send(name, /^[a-z]+$/i.test(name) ? "outbox" : "refused");
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

/** Names in, greetings out; the names it refuses leave from its own outbox "refused". */
export function greeter(): Graphline {
  return new Graphline(
    { CHECK: new CheckName(), GREET: new PureTransformer((name: string) => `hello ${name}`) },
    {
      linkages: {
        ".inbox": "CHECK.inbox",
        ".control": "CHECK.control",
        "CHECK.outbox": "GREET.inbox",
        "CHECK.signal": "GREET.control",
        "GREET.outbox": ".outbox",
        "GREET.signal": ".signal",
        // The Graphline has no outbox "refused": linking to it makes one.
        "CHECK.refused": ".refused",
      },
    },
  );
}

/** The system: three names through greeter(), the greetings and the refusals printed. */
export function system(print: ConsoleEchoerOptions = {}): Graphline {
  return new Graphline(
    {
      NAMES: new DataSource(["alice", "R2-D2", "bob"]),
      GREETER: greeter(),
      SAY: new ConsoleEchoer(print),
      SORRY: new ConsoleEchoer({ ...print, tag: "refused: " }),
    },
    {
      linkages: {
        "NAMES.outbox": "GREETER.inbox",
        "NAMES.signal": "GREETER.control",
        "GREETER.outbox": "SAY.inbox",
        "GREETER.refused": "SORRY.inbox",
        "GREETER.signal": "SAY.control",
        "SAY.signal": "SORRY.control",
      },
    },
  );
}

await system().run();
