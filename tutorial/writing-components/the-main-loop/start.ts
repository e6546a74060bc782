import { Component, ConsoleEchoer, DataSource, Pipeline, ProducerFinished, ShutdownMicroprocess } from "kamaelia";

/** Sends on, in capitals, every string it receives. */
export class Shout extends Component {
  override *main() {
    for (;;) {
      // Your code here: while a message is ready in "inbox", receive it and send it on in capitals.

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
