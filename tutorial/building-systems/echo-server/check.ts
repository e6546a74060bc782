import { AdaptiveCommsComponent, Component, ProducerFinished, Scheduler, VirtualClock, type ComponentError } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "Your Echo ended as soon as it started";

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
  const Echo = t.exported("Echo", "class") as new () => Component;
  const echo = new Echo();
  // Read afresh each time: the scheduler changes it.
  const ended = (): boolean => echo.finished;
  const connection = probe(echo);
  connection.send("inbox");
  if (ended()) {
    t.fail("Your Echo ended as soon as it started, so every client is hung up on at once: loop, sending back what is ready on inbox, then pause and yield until more arrives.");
  }
  connection.send("inbox", "hello", "world");
  const replies = connection.take("outbox");
  if (replies.length === 0) t.fail('Your Echo sent nothing back when the lines "hello" and "world" arrived: send each line back from outbox, with "\\n" after it.');
  if (show(replies) === show(["hello", "world"])) t.fail('Your Echo sent "hello" back without its line break: send `${line}\\n`, so that the client sees where each line ends.');
  if (show(replies) !== show(["hello\n", "world\n"])) t.fail(`Your Echo sent ${show(replies)} when the lines "hello" and "world" arrived: it should send "hello\\n", "world\\n".`);
  connection.send("control", new ProducerFinished());
  if (!ended()) {
    t.fail("Your Echo kept running after ProducerFinished arrived on its control (the client hung up): send the message on from signal and return, which closes the connection.");
  }
  if (!connection.take("signal").some((message) => message instanceof ProducerFinished)) {
    t.fail("Your Echo ended without sending ProducerFinished on from its signal: send what arrived on control on from signal, which closes the connection.");
  }
  t.expectOutput(["client got: hello", "client got: world"]);
}
