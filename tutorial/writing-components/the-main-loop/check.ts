import type { Component } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "Shout sent nothing";

export default function check(t: CheckContext): void {
  const Shout = t.exported("Shout", "class") as new () => Component;
  const harness = new Harness(new Shout()).send("inbox", "a", "b");
  // Run it until something leaves its outbox: the first time it runs, both messages are waiting.
  let sent: unknown[] = [];
  for (let cycle = 0; cycle < 10 && sent.length === 0; cycle += 1) {
    harness.scheduler.step();
    sent = harness.take("outbox");
  }
  if (sent.length === 0) {
    t.fail('Shout sent nothing: "a" and "b" were waiting in its inbox, and nothing left its outbox. In the loop, while this.dataReady("inbox") says a message is there, take it with this.recv("inbox") and send it on with this.send(...).');
  }
  if (sent.length === 1) {
    t.fail(`Shout sent only ${JSON.stringify(sent[0])} the first time it ran, though "b" was waiting too. Take every message that is ready before you yield: use while, not if.`);
  }
  if (sent[0] !== "A" || sent[1] !== "B") {
    t.fail(`Given "a" then "b", Shout sent ${sent.map((message) => JSON.stringify(message)).join(" then ")}: it should send "A" then "B", in the order they came.`);
  }
  t.expectOutput(["HELLO", "WORLD"]);
}
