import { AdaptiveCommsComponent, Backplane, Component, ProducerFinished, Scheduler, SubscribeTo, VirtualClock, type ComponentError } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = 'never reached the Backplane "BOARD"';

/** A fresh scheduler, and components on it with a hand in each of their inboxes and a tray under each outbox. */
class Bench {
  readonly failures: ComponentError[] = [];
  readonly scheduler = new Scheduler({ clock: new VirtualClock(), onError: (failure) => this.failures.push(failure) });

  /** Runs the scheduler until nothing is left to do (a bounded number of cycles). */
  settle(): void {
    this.scheduler.runUntilIdle(1000);
    if (this.failures[0] !== undefined) throw this.failures[0];
  }

  probe(component: Component) {
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
    component.activate(this.scheduler);
    return {
      component,
      /** Puts messages into an inbox, then lets everything on the bench run. */
      send: (inbox: string, ...messages: unknown[]): void => {
        for (const message of messages) hand.send(message, feeds.get(inbox) ?? inbox);
        this.settle();
      },
      /** Takes what has left an outbox since last time. */
      take: (outbox = "outbox"): unknown[] => {
        const box = trays.get(outbox) ?? outbox;
        const taken: unknown[] = [];
        while (tray.dataReady(box)) taken.push(tray.recv(box));
        return taken;
      },
    };
  }
}

const show = (messages: unknown[]): string => (messages.length === 0 ? "nothing" : messages.map((message) => JSON.stringify(message)).join(", "));

export default function check(t: CheckContext): void {
  const connection = t.exported("connection", "function") as () => unknown;
  const bench = new Bench();
  try {
    new Backplane("BOARD").activate(bench.scheduler);
    const board = bench.probe(new SubscribeTo("BOARD"));
    const connect = (): ReturnType<Bench["probe"]> => {
      const made = connection();
      if (!(made instanceof Component)) t.fail("connection() should return the Graphline it makes: return new Graphline(...).");
      return bench.probe(made);
    };
    const alice = connect();
    const bob = connect();
    bench.settle();
    for (const [who, user] of [["alice", alice], ["bob", bob]] as const) {
      const prompt = user.take();
      if (show(prompt) !== show(["What is your name?\n"])) t.fail(`When ${who} connected, the connection sent ${show(prompt)}: it should ask "What is your name?\\n". Keep "USER.outbox" linked to ".outbox".`);
      user.send("inbox", `${who}\n`);
      const greeting = user.take();
      if (show(greeting) !== show([`hello ${who}\n`])) {
        t.fail(`After ${who} sent "${who}" as the name, the connection sent ${show(greeting)}, where "hello ${who}\\n" was expected: keep ".inbox" linked to "LINES.inbox" and "LINES.outbox" to "USER.inbox".`);
      }
    }

    alice.send("inbox", "hi all\n");
    const [onBoard, toAlice, toBob] = [board.take(), alice.take(), bob.take()];
    if (onBoard.length === 0) {
      t.fail('The post "hi all" from alice never reached the Backplane "BOARD": give connection() a child new PublishTo("BOARD") and link "USER.post" to its inbox.');
    }
    if (toAlice.length === 0 && toBob.length === 0) {
      t.fail(
        'The post "hi all" from alice reached the Backplane "BOARD", but no connection showed it: give connection() a child new SubscribeTo("BOARD") ' +
          'and link its outbox to "USER.board".',
      );
    }
    for (const [who, got] of [["alice", toAlice], ["bob", toBob]] as const) {
      if (show(got) !== show(["alice: hi all\n"])) t.fail(`When alice posted "hi all", ${who} was sent ${show(got)}: every logged-in user should see "alice: hi all\\n".`);
    }

    alice.send("control", new ProducerFinished());
    if (!alice.component.finished) {
      t.fail(
        "When alice left (ProducerFinished on her connection's control), her connection kept running, so the server would never close it: " +
          'link "USER.signal" to "PUBLISH.control" and "PUBLISH.signal" to "SUBSCRIBE.control", so that the end reaches both.',
      );
    }
    bob.send("inbox", "bye\n");
    const last = bob.take();
    if (show(last) !== show(["bob: bye\n"])) t.fail(`After alice left, bob's post "bye" came back to him as ${show(last)}: the board should go on working for those still connected.`);
  } finally {
    // Whatever happened, the Backplane gives its name back.
    bench.scheduler.stop();
  }
  t.expectOutput([
    "alice sees: What is your name?",
    "bob sees: What is your name?",
    "alice sees: hello alice",
    "bob sees: hello bob",
    "alice sees: alice: anyone here?",
    "bob sees: alice: anyone here?",
    "alice sees: bob: hi alice",
    "bob sees: bob: hi alice",
  ]);
}
