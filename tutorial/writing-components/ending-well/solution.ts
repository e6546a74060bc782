import { Component, ConsoleEchoer, DataSource, Pipeline, ProducerFinished, ShutdownMicroprocess } from "kamaelia";

/** Counts the messages it receives and, when they have all come, sends how many there were. */
export class Tally extends Component {
  override *main() {
    let count = 0;
    for (;;) {
      while (this.dataReady("inbox")) {
        this.recv("inbox");
        count += 1;
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (message instanceof ProducerFinished) {
          this.send(`${String(count)} messages`);
          this.send(message, "signal");
          return;
        }
        if (message instanceof ShutdownMicroprocess) {
          this.send(message, "signal");
          return;
        }
      }
      yield;
    }
  }
}

await new Pipeline(new DataSource(["a", "b", "c"]), new Tally(), new ConsoleEchoer()).run();
