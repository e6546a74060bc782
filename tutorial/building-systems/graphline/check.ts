import { AdaptiveCommsComponent, Component, ProducerFinished, Scheduler, VirtualClock, type ComponentError } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "Nothing came out of greeter()";

/** A component on a fresh scheduler, with a hand in each of its inboxes and a tray under each outbox. */
function probe(component: Component) {
  const failures: ComponentError[] = [];
  const scheduler = new Scheduler({ clock: new VirtualClock(), onError: (failure) => failures.push(failure) });
  const hand = new AdaptiveCommsComponent();
  const tray = new AdaptiveCommsComponent();
  const wiring = new Component();
  const feeds = new Map<string, string>();
  const trays = new Map<string, string>();
  for (const inbox of Object.keys(component.inboxes).filter((box) => !box.startsWith("_"))) {
    feeds.set(inbox, hand.addOutbox(inbox));
    wiring.link([hand, feeds.get(inbox) ?? inbox], [component, inbox]);
  }
  for (const outbox of Object.keys(component.outboxes).filter((box) => !box.startsWith("_"))) {
    trays.set(outbox, tray.addInbox(outbox));
    wiring.link([component, outbox], [tray, trays.get(outbox) ?? outbox]);
  }
  component.activate(scheduler);
  return {
    /** Puts messages into an inbox, then runs the scheduler until nothing is left to do (a bounded number of cycles). */
    send(inbox: string, ...messages: unknown[]): void {
      for (const message of messages) hand.send(message, feeds.get(inbox) ?? inbox);
      scheduler.runUntilIdle(1000);
      if (failures[0] !== undefined) throw failures[0];
    },
    /** Takes what has left an outbox since last time. */
    take(outbox: string): unknown[] {
      const box = trays.get(outbox) ?? outbox;
      const taken: unknown[] = [];
      while (tray.dataReady(box)) taken.push(tray.recv(box));
      return taken;
    },
  };
}

const show = (messages: unknown[]): string => messages.map((message) => JSON.stringify(message)).join(", ");

export default function check(t: CheckContext): void {
  const greeter = t.exported("greeter", "function") as () => unknown;
  const made = greeter();
  if (!(made instanceof Component)) t.fail("greeter() should return the Graphline it makes: return new Graphline(...).");
  if (!Object.hasOwn(made.outboxes, "refused")) t.fail('greeter()\'s Graphline has no outbox "refused": keep the link "CHECK.refused": ".refused", which makes it.');
  const greeting = probe(made);
  greeting.send("inbox", "alice", "R2-D2", "bob");
  const greeted = greeting.take("outbox");
  const refused = greeting.take("refused");
  if (greeted.length === 0 && refused.length === 0) {
    t.fail('Nothing came out of greeter() when "alice", "R2-D2" and "bob" arrived at its inbox: link ".inbox" to "CHECK.inbox", so that what arrives at the Graphline reaches CHECK.');
  }
  if (refused.length === 0) t.fail('greeter() refused nothing, where "R2-D2" should have left from its outbox "refused": keep the link "CHECK.refused": ".refused".');
  if (greeted.length === 0) t.fail('greeter() sent no greetings from its outbox: link "CHECK.outbox" to "GREET.inbox", and "GREET.outbox" to ".outbox", the Graphline\'s own outbox.');
  if (show(greeted) !== show(["hello alice", "hello bob"])) t.fail(`greeter() sent ${show(greeted)} from its outbox: it should send "hello alice", "hello bob".`);
  greeting.send("control", new ProducerFinished());
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
