import { describe, expect, it } from "vitest";
import { AsyncComponent } from "../axon/AsyncComponent.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished } from "../axon/Ipc.js";
import { PureTransformer } from "../util/PureTransformer.js";
import { Harness, runComponent } from "./Harness.js";

/** Sends "tick" with the virtual time every `ms`, `count` times, then ProducerFinished. */
class Ticks extends Component {
  constructor(
    readonly ms: number,
    readonly count: number,
  ) {
    super();
  }

  override *main() {
    for (let tick = 0; tick < this.count; tick++) {
      yield this.sleep(this.ms);
      this.send(`tick ${String(this.scheduler?.clock.now())}`);
    }
    this.send(new ProducerFinished(), "signal");
  }
}

describe("Harness", () => {
  it("advance() stops at each timer on the way, so each message leaves at its exact virtual time", () => {
    const harness = new Harness(new Ticks(30, 3));
    harness.advance(59);
    expect(harness.take()).toEqual(["tick 30"]);
    harness.advance(41);
    expect(harness.take()).toEqual(["tick 60", "tick 90"]);
    expect(harness.clock.now()).toBe(100);
  });

  it("finish() runs to the end, jumping virtual time from timer to timer, and leaves nothing alive", async () => {
    const harness = await new Harness(new Ticks(1000, 2)).finish();
    expect(harness.take()).toEqual(["tick 1000", "tick 2000"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.alive()).toEqual([]);
  });

  it("until() waits for the outside world without moving virtual time", async () => {
    class Later extends AsyncComponent {
      override async main() {
        await new Promise((resolve) => setTimeout(resolve, 1));
        this.send("done");
      }
    }
    const harness = new Harness(new Later());
    const sent: unknown[] = [];
    await harness.until(() => sent.push(...harness.take()) > 0);
    expect(sent).toEqual(["done"]);
    expect(harness.clock.now()).toBe(0);
  });

  it("until() gives up after its guard with an error saying the condition never came true", async () => {
    const harness = new Harness(new PureTransformer((x) => x));
    await expect(harness.until(() => false, 20)).rejects.toThrow(/Harness\.until gave up after 20 ms .*the condition never came true/);
  });

  it("limit() makes an outbox's collector hold only so many, and take() makes room again", () => {
    const harness = new Harness(new PureTransformer((x) => x)).limit("outbox", 2);
    harness.send("inbox", 1, 2).settle();
    expect(harness.take()).toEqual([1, 2]);
    harness.send("inbox", 3).settle();
    expect(harness.take()).toEqual([3]);
  });

  it("runComponent() returns what left every outbox once the component has ended", async () => {
    const out = await runComponent(new PureTransformer((x) => Number(x) + 1), { inbox: [1, 2], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([2, 3]);
    expect(out["signal"]).toEqual([expect.any(ProducerFinished)]);
  });
});
