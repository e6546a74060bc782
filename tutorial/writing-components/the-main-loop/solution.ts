import { Component, ConsoleEchoer, DataSource, Pipeline, ProducerFinished, ShutdownMicroprocess } from "kamaelia";

/** Sends on, in capitals, every string it receives. */
export class Shout extends Component {
  override *main() {
    for (;;) {
      while (this.dataReady("inbox")) {
        const word = String(this.recv("inbox"));
        this.send(word.toUpperCase());
      }

      // Ending when the component before it has finished: the next step is about this part.
      while (this.dataReady("control")) {
        const message = this.recv("control");
        this.send(message, "signal");
        if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) return;
      }
      yield;
    }
  }
}

await new Pipeline(new DataSource(["hello", "world"]), new Shout(), new ConsoleEchoer()).run();
