import { Component, ConsoleEchoer, DataSource, Pipeline } from "kamaelia";

/** Sends on twice each number it receives. */
export class Doubler extends Component {
  override *main() {
    for (;;) {
      while (this.dataReady("inbox")) this.send(Number(this.recv("inbox")) * 2);
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      // Your code here: when nothing is waiting in any inbox, pause before you yield.
      yield;
    }
  }
}

await new Pipeline(new DataSource([1, 2, 3]), new Doubler(), new ConsoleEchoer()).run();
