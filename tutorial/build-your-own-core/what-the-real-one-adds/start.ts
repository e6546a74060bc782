import { Component, Pipeline, ProducerFinished, Scheduler } from "kamaelia";

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
    // Your code here: send a ProducerFinished from "signal".
  }
}

// Prints every message that arrives in its inbox, until a message arrives in "control".
export class Consumer extends Component {
  override *main(): Generator<unknown, void, undefined> {
    for (;;) {
      while (this.dataReady("inbox") > 0) console.log(this.recv("inbox"));
      // Your code here: return when a message waits in "control"; otherwise pause before yielding.
      yield;
    }
  }
}

// Your code here: when both components are done, replace all the lines below with a Pipeline of a
// Producer and a Consumer, exported as `system`, and `await system.run();`, then print "all done".
export const producer = new Producer(["hello", "world", "goodbye"]);
export const consumer = new Consumer();
export const scheduler = new Scheduler();
producer.link([producer, "outbox"], [consumer, "inbox"]);
producer.activate(scheduler);
consumer.activate(scheduler);
// The consumer never ends: as with MiniAxon, stop after a while. step() runs one cycle (one round).
for (let cycle = 0; cycle < 10; cycle += 1) scheduler.step();
