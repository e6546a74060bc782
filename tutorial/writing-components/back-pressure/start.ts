import { AsyncComponent, Component, Pipeline, ProducerFinished } from "kamaelia";

/** Sends the numbers from 1 to `count`, then ProducerFinished. */
export class Numbers extends AsyncComponent {
  constructor(readonly count: number) {
    super();
  }

  override async main() {
    for (let n = 1; n <= this.count; n += 1) {
      // Your code here: send() throws NoSpaceInBox when the inbox it sends to is full.
      // Wait until there is room instead, so that no number is lost.
      this.send(n);
    }
    this.send(new ProducerFinished(), "signal");
  }
}

/** Prints each message it receives, taking its time over each. */
class SlowPrinter extends Component {
  override *main() {
    for (;;) {
      if (this.dataReady("inbox")) {
        console.log(`printed ${String(this.recv("inbox"))}`);
        yield this.sleep(10);
      } else if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      } else {
        this.pause();
        yield;
      }
    }
  }
}

const printer = new SlowPrinter();
// Its inbox holds two messages at most: a quicker producer has to wait for it.
printer.setInboxSize("inbox", 2);
await new Pipeline(new Numbers(5), printer).run();
