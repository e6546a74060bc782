import { Component, Pipeline, ProducerFinished } from "kamaelia";

// Sends each of its lines from its outbox, one per step, then says from "signal" that it has finished.
export class Producer extends Component {
  constructor(readonly lines: string[]) {
    super();
  }

  override *main(): Generator<unknown, void, undefined> {
    for (const line of this.lines) {
      this.send(line, "outbox");
      yield;
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

// Prints every message that arrives in its inbox, until a message arrives in "control".
export class Consumer extends Component {
  override *main(): Generator<unknown, void, undefined> {
    for (;;) {
      while (this.dataReady("inbox") > 0) console.log(this.recv("inbox"));
      if (this.dataReady("control") > 0) return;
      this.pause();
      yield;
    }
  }
}

// The pipeline links the producer's outbox to the consumer's inbox, and its signal to the consumer's control.
export const system = new Pipeline(new Producer(["hello", "world", "goodbye"]), new Consumer());
await system.run();
console.log("all done");
