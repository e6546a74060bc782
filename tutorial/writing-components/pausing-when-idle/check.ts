import type { Component } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "Doubler never pauses";

export default function check(t: CheckContext): void {
  const Doubler = t.exported("Doubler", "class") as new () => Component;
  const harness = new Harness(new Doubler());

  // Nothing to do: it should run once, find nothing, and pause.
  const turns = harness.scheduler.runUntilIdle(50);
  if (turns >= 50) {
    t.fail("Doubler never pauses: with nothing in its inboxes it ran 50 turns in a row, and would go on for ever doing nothing. When this.anyReady() is false, call this.pause() before you yield.");
  }
  if (!harness.scheduler.isThreadPaused(harness.component)) {
    t.fail("Doubler stopped running, but it is not paused: it should still be alive, paused, waiting for messages.");
  }

  // A message arrives: it wakes, doubles it, and pauses again.
  harness.send("inbox", 21);
  harness.scheduler.runUntilIdle(50);
  const sent = harness.take("outbox");
  if (sent.length !== 1 || sent[0] !== 42) {
    t.fail(`Doubler paused, then 21 arrived and it sent ${sent.length === 0 ? "nothing" : sent.join(", ")}: a message arriving wakes a paused component, which should then send 42.`);
  }
  if (!harness.scheduler.isThreadPaused(harness.component)) t.fail("After sending 42, Doubler did not pause again: pause each time round the loop when nothing is ready.");

  t.expectOutput(["2", "4", "6"]);
}
