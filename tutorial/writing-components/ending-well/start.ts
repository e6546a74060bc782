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
      // Your code here: take every message waiting in "control".
      // A ProducerFinished: send `${count} messages`, pass the ProducerFinished on from "signal", and end.
      // A ShutdownMicroprocess: pass it on from "signal" and end at once, sending nothing else.
      yield;
    }
  }
}

await new Pipeline(new DataSource(["a", "b", "c"]), new Tally(), new ConsoleEchoer()).run();
