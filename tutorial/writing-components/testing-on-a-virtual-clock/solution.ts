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
  const beatsBy = (ms: number, expected: number): void => {
    harness.advance(ms - harness.clock.now());
    const beats = harness.take("outbox").length;
    if (beats !== expected) throw new Error(`at ${String(ms)} ms it had sent ${String(beats)} beats, not ${String(expected)}`);
  };
  beatsBy(99, 0);
  beatsBy(100, 1);
  beatsBy(199, 0);
  beatsBy(200, 1);
  beatsBy(300, 1);
  beatsBy(1000, 0);
  await harness.finish();
  const signal = harness.take("signal");
  if (signal.length !== 1 || !(signal[0] instanceof ProducerFinished)) throw new Error("it did not end with ProducerFinished");
}

await testHeartbeat(new Heartbeat(100, 3));
console.log("the test passed");
