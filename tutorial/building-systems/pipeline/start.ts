// A Pipeline wires components in a row: each one's outbox to the next one's inbox, and its signal to
// the next one's control. The words flow down the line, and then so does the end.
import { Component, ConsoleEchoer, DataSource, Pipeline, type ConsoleEchoerOptions } from "kamaelia";

/** Shouts each word it receives; passes the end on from signal, then ends. */
export class Shout extends Component {
  override *main() {
    for (;;) {
      while (this.dataReady("inbox")) this.send(`${String(this.recv("inbox")).toUpperCase()}!`);
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** The system: two words, shouted, printed (by console.log unless print says otherwise). */
export function system(print: ConsoleEchoerOptions = {}): Pipeline {
  // Your code here: after the DataSource, a Shout, then a ConsoleEchoer given print.
  return new Pipeline(new DataSource(["hello", "world"]));
}

await system().run();
console.log("done");
