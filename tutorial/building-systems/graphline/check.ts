import { Component, ProducerFinished } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "Nothing came out of greeter()";

/** Runs the Graphline until it waits for more; if it has ended, finish() throws the error it failed with, if any. */
async function settle(harness: Harness): Promise<void> {
  if (harness.settle().alive().length === 0) await harness.finish();
}

const show = (messages: unknown[]): string => messages.map((message) => JSON.stringify(message)).join(", ");

export default async function check(t: CheckContext): Promise<void> {
  const greeter = t.exported("greeter", "function") as () => unknown;
  const made = greeter();
  if (!(made instanceof Component)) t.fail("greeter() should return the Graphline it makes: return new Graphline(...).");
  if (!Object.hasOwn(made.outboxes, "refused")) t.fail('greeter()\'s Graphline has no outbox "refused": keep the link "CHECK.refused": ".refused", which makes it.');
  const greeting = new Harness(made);
  await settle(greeting.send("inbox", "alice", "R2-D2", "bob"));
  const greeted = greeting.take("outbox");
  const refused = greeting.take("refused");
  if (greeted.length === 0 && refused.length === 0) {
    t.fail('Nothing came out of greeter() when "alice", "R2-D2" and "bob" arrived at its inbox: link ".inbox" to "CHECK.inbox", so that what arrives at the Graphline reaches CHECK.');
  }
  if (refused.length === 0) t.fail('greeter() refused nothing, where "R2-D2" should have left from its outbox "refused": keep the link "CHECK.refused": ".refused".');
  if (greeted.length === 0) t.fail('greeter() sent no greetings from its outbox: link "CHECK.outbox" to "GREET.inbox", and "GREET.outbox" to ".outbox", the Graphline\'s own outbox.');
  if (show(greeted) !== show(["hello alice", "hello bob"])) t.fail(`greeter() sent ${show(greeted)} from its outbox: it should send "hello alice", "hello bob".`);
  await settle(greeting.send("control", new ProducerFinished()));
  if (!made.finished) {
    t.fail(
      'greeter() was still running after ProducerFinished arrived at its control: link ".control" to "CHECK.control" and "CHECK.signal" to "GREET.control", ' +
        "so that the end goes through both children.",
    );
  }
  if (!greeting.take("signal").some((message) => message instanceof ProducerFinished)) {
    t.fail('greeter() ended without sending ProducerFinished from its signal: link "GREET.signal" to ".signal".');
  }
  t.expectOutput(["refused: R2-D2", "hello alice", "hello bob"]);
}
