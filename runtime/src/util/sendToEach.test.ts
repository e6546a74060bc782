import { describe, expect, it } from "vitest";
import { Component } from "../axon/Component.js";
import { drain, testScheduler } from "../test-support/harness.js";
import { sendToEach } from "./sendToEach.js";

/** Sends "m" from a and b with sendToEach, recording what it returned; stops waiting when told. */
class Sender extends Component {
  static override Outboxes = ["a", "b"];
  result: boolean | undefined;
  giveUp = false;

  override *main(): Generator<unknown, void, unknown> {
    this.result = yield* sendToEach(this, "m", ["a", "b"], () => !this.giveUp);
  }
}

/** A sender wired to a and b, where b holds one message and, when `full`, already holds "earlier". */
function wired(full: boolean): [Sender, Component, Component] {
  const sender = new Sender();
  const [a, b] = [new Component(), new Component()];
  b.setInboxSize("inbox", 1);
  const wiring = new Component();
  wiring.link([sender, "a"], [a, "inbox"]);
  wiring.link([sender, "b"], [b, "inbox"]);
  wiring.link([wiring, "outbox"], [b, "inbox"]);
  if (full) wiring.send("earlier");
  return [sender, a, b];
}

describe("sendToEach", () => {
  it("sends to every outbox and returns true when all had room", () => {
    const scheduler = testScheduler();
    const [sender, a, b] = wired(false);
    sender.activate(scheduler);
    scheduler.runUntilIdle();
    expect([drain(a), drain(b), sender.result]).toEqual([["m"], ["m"], true]);
  });

  it("waits, paused, for room at a full destination and sends only the missing copy", () => {
    const scheduler = testScheduler();
    const [sender, a, b] = wired(true);
    sender.activate(scheduler);
    scheduler.runUntilIdle();
    expect(scheduler.isThreadPaused(sender)).toBe(true);
    expect(drain(a)).toEqual(["m"]);
    expect(drain(b)).toEqual(["earlier"]);
    scheduler.runUntilIdle();
    expect([drain(a), drain(b), sender.result]).toEqual([[], ["m"], true]);
  });

  it("gives up and returns false when keepWaiting says so after a wake", () => {
    const scheduler = testScheduler();
    const [sender, , b] = wired(true);
    sender.activate(scheduler);
    scheduler.runUntilIdle();
    sender.giveUp = true;
    sender.unpause();
    scheduler.runUntilIdle();
    expect([drain(b), sender.result]).toEqual([["earlier"], false]);
  });
});
