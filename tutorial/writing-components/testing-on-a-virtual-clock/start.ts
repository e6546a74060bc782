import { Component, ProducerFinished } from "kamaelia";
import { Harness } from "kamaelia/testing";

/** Sends "beat" every `interval` milliseconds, `beats` times, then ends. */
export class Heartbeat extends Component {
  constructor(
    readonly interval = 100,
    readonly beats = 3,
  ) {
    super();
  }

  override *main() {
    for (let beat = 1; beat <= this.beats; beat += 1) {
      yield this.sleep(this.interval);
      this.send("beat");
    }
    this.send(new ProducerFinished(), "signal");
  }
}

/** Tests a Heartbeat(100, 3): throws, saying what is wrong, when it does not behave as one should. */
export async function testHeartbeat(heartbeat: Component): Promise<void> {
  const harness = new Harness(heartbeat);
  // Your code here: move the virtual clock on with harness.advance(ms), read what was sent with
  // harness.take("outbox") and harness.take("signal"), and throw an Error when it is not what a
  // Heartbeat(100, 3) sends: one "beat" at 100 ms, 200 ms and 300 ms, then ProducerFinished.
  await harness.finish();
}

await testHeartbeat(new Heartbeat(100, 3));
console.log("the test passed");
