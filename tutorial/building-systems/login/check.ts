import { AdaptiveCommsComponent, Component, ProducerFinished, Scheduler, VirtualClock, type ComponentError } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "did not answer the name with a greeting";

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

/** A fresh Login on a connection of its own, having already asked for the name. */
function connect(t: CheckContext, Login: new () => Component) {
  const login = new Login();
  const connection = probe(login);
  connection.send("inbox");
  if (login.finished) t.fail("Your protocol ended as soon as it started: loop, handling the lines ready on inbox, then pause and yield until more arrive.");
  const prompt = connection.take("outbox");
  if (show(prompt) !== show(["What is your name?\n"])) {
    t.fail(`When a connection opened your protocol sent ${prompt.length === 0 ? "nothing" : show(prompt)}: it should send "What is your name?\\n" first, and only that.`);
  }
  return { login, ...connection };
}

/** Sends one line and says what came back. */
function say(connection: ReturnType<typeof connect>, line: string): unknown[] {
  connection.send("inbox", line);
  return connection.take("outbox");
}

export default function check(t: CheckContext): void {
  const Login = t.exported("Login", "class") as new () => Component;

  const alice = connect(t, Login);
  const greeting = say(alice, "alice");
  if (greeting.length === 1 && /^\S+: /.test(String(greeting[0]))) {
    t.fail(
      `On a new connection, the name "alice" was answered with ${show(greeting)}, as if someone were logged in already: ` +
        "connections share the name. Keep it in a variable inside main(): each connection has its own Login, running its own main().",
    );
  }
  if (show(greeting) !== show(["hello alice\n"])) {
    t.fail(`Your protocol did not answer the name with a greeting: after receiving "alice" it should send "hello alice\\n", but it sent ${greeting.length === 0 ? "nothing" : show(greeting)}.`);
  }
  const said = say(alice, "hi");
  if (show(said) !== show(["alice: hi\n"])) {
    t.fail(`Once alice had logged in, the line "hi" should come back as "alice: hi\\n", but your protocol sent ${said.length === 0 ? "nothing" : show(said)}.`);
  }

  const shy = connect(t, Login);
  const again = say(shy, "");
  if (show(again) !== show(["What is your name?\n"])) {
    t.fail(`Before anyone has logged in, an empty line should ask for the name again ("What is your name?\\n"), but your protocol sent ${again.length === 0 ? "nothing" : show(again)}.`);
  }
  const late = say(shy, "carol");
  if (show(late) !== show(["hello carol\n"])) t.fail(`After an empty line, then "carol", your protocol sent ${show(late)}: the empty line is not a name, so "carol" should get "hello carol\\n".`);

  const bob = connect(t, Login);
  say(bob, "bob");
  const mixed = say(alice, "still me");
  if (show(mixed) !== show(["alice: still me\n"])) {
    t.fail(
      `Two connections got mixed up: after bob logged in on his own connection, alice's "still me" came back as ${show(mixed)}. ` +
        "Keep the name in a variable inside main(): each connection has its own Login, running its own main().",
    );
  }

  alice.send("control", new ProducerFinished());
  if (!alice.login.finished) t.fail("Your protocol kept running after ProducerFinished arrived on its control (the client hung up): send the message on from signal and return.");
  if (!alice.take("signal").some((message) => message instanceof ProducerFinished)) t.fail("Your protocol ended without sending ProducerFinished on from its signal, which is what closes the connection.");
  t.expectOutput(["client got: What is your name?", "client got: What is your name?", "client got: hello alice", "client got: alice: hi there"]);
}
