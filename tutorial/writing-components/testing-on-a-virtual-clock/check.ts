import { Component, ProducerFinished } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "Your test passed a Heartbeat that beats every 50 ms";

/** A heartbeat that can be wrong in one way: its interval, how many beats, whether it says it finished. */
class Faulty extends Component {
  constructor(
    readonly interval: number,
    readonly beats: number,
    readonly finishes: boolean,
  ) {
    super();
  }

  override *main() {
    for (let beat = 1; beat <= this.beats; beat += 1) {
      yield this.sleep(this.interval);
      this.send("beat");
    }
    if (this.finishes) this.send(new ProducerFinished(), "signal");
  }
}

type Test = (heartbeat: Component) => Promise<void>;

async function failsOn(test: Test, heartbeat: Component): Promise<boolean> {
  try {
    await test(heartbeat);
    return false;
  } catch {
    return true;
  }
}

export default async function check(t: CheckContext): Promise<void> {
  const testHeartbeat = t.exported("testHeartbeat", "function") as Test;
  if (await failsOn(testHeartbeat, new Faulty(100, 3, true))) {
    t.fail("Your test failed a Heartbeat(100, 3) that works: it beats at 100, 200 and 300 ms and then sends ProducerFinished. Check what your test expects at each time.");
  }
  const wrong: [Component, string][] = [
    [new Faulty(50, 3, true), "beats every 50 ms"],
    [new Faulty(100, 4, true), "beats four times"],
    [new Faulty(100, 3, false), "ends without sending ProducerFinished"],
    [new Faulty(150, 3, true), "beats every 150 ms"],
  ];
  for (const [heartbeat, fault] of wrong) {
    if (!(await failsOn(testHeartbeat, heartbeat))) {
      t.fail(`Your test passed a Heartbeat that ${fault}: a test should fail it, by throwing an Error. Move the clock on with harness.advance(ms) and check harness.take("outbox") and harness.take("signal") at each step.`);
    }
  }
  t.expectOutput(["the test passed"]);
}
