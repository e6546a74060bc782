// A Carousel makes its child from a message on its "next" inbox: a component you can only make once
// the data has told you its arguments. Here the header line of a table says what the columns are.
import { Carousel, Component, ConsoleEchoer, DataSource, Graphline, type ConsoleEchoerOptions } from "kamaelia";

/** Sends the first line it receives from "header", and every other line from "outbox". */
export class FirstLine extends Component {
  static override Outboxes = { outbox: "the lines after the first", header: "the first line", signal: "the end, passed on" };

  override *main() {
    let first = true;
    for (;;) {
      while (this.dataReady("inbox")) {
        this.send(this.recv("inbox"), first ? "header" : "outbox");
        first = false;
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

/** Turns each row ("alice,Leeds") into an object with the column names it was made with. */
export class RowReader extends Component {
  constructor(readonly columns: readonly string[]) {
    super();
  }

  override *main() {
    for (;;) {
      while (this.dataReady("inbox")) {
        const cells = String(this.recv("inbox")).split(",");
        this.send(Object.fromEntries(this.columns.map((column, i) => [column, cells[i]])));
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

const TABLE = ["name,town", "alice,Leeds", "bob,York"];

/** The system: a table's lines, each row printed as an object. */
export function system(print: ConsoleEchoerOptions = {}, table: readonly string[] = TABLE): Graphline {
  return new Graphline(
    {
      TABLE: new DataSource(table),
      HEAD: new FirstLine(),
      // Your code here: the columns are only known once the header has arrived. Make READ a Carousel
      // that makes the RowReader from the header, and link HEAD's header outbox to READ's "next" inbox.
      READ: new RowReader([]),
      SHOW: new ConsoleEchoer(print),
    },
    {
      linkages: {
        "TABLE.outbox": "HEAD.inbox",
        "TABLE.signal": "HEAD.control",
        "HEAD.outbox": "READ.inbox",
        "HEAD.signal": "READ.control",
        "READ.outbox": "SHOW.inbox",
        "READ.signal": "SHOW.control",
      },
    },
  );
}

await system().run();
