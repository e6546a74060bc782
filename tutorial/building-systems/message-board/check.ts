import { Backplane, Component, ProducerFinished, SubscribeTo } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = 'never reached the Backplane "BOARD"';

/**
 * Lets everything on the harnesses' shared scheduler run until it waits for more; if nothing is left
 * running, finish() throws the error a component failed with, if any.
 */
async function settle(harness: Harness): Promise<void> {
  if (harness.settle().alive().length === 0) await harness.finish();
}

const show = (messages: unknown[]): string => (messages.length === 0 ? "nothing" : messages.map((message) => JSON.stringify(message)).join(", "));

export default async function check(t: CheckContext): Promise<void> {
  const connection = t.exported("connection", "function") as () => unknown;
  // The Backplane, a subscriber that reads the board, and every connection share one scheduler.
  const hub = new Harness(new Backplane("BOARD"));
  try {
    const board = new Harness(new SubscribeTo("BOARD"), hub);
    const connect = (): Harness => {
      const made = connection();
      if (!(made instanceof Component)) t.fail("connection() should return the Graphline it makes: return new Graphline(...).");
      return new Harness(made, hub);
    };
    const alice = connect();
    const bob = connect();
    await settle(hub);
    for (const [who, user] of [["alice", alice], ["bob", bob]] as const) {
      const prompt = user.take();
      if (show(prompt) !== show(["What is your name?\n"])) t.fail(`When ${who} connected, the connection sent ${show(prompt)}: it should ask "What is your name?\\n". Keep "USER.outbox" linked to ".outbox".`);
      await settle(user.send("inbox", `${who}\n`));
      const greeting = user.take();
      if (show(greeting) !== show([`hello ${who}\n`])) {
        t.fail(`After ${who} sent "${who}" as the name, the connection sent ${show(greeting)}, where "hello ${who}\\n" was expected: keep ".inbox" linked to "LINES.inbox" and "LINES.outbox" to "USER.inbox".`);
      }
    }

    await settle(alice.send("inbox", "hi all\n"));
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

    await settle(alice.send("control", new ProducerFinished()));
    if (!alice.component.finished) {
      t.fail(
        "When alice left (ProducerFinished on her connection's control), her connection kept running, so the server would never close it: " +
          'link "USER.signal" to "PUBLISH.control" and "PUBLISH.signal" to "SUBSCRIBE.control", so that the end reaches both.',
      );
    }
    await settle(bob.send("inbox", "bye\n"));
    const last = bob.take();
    if (show(last) !== show(["bob: bye\n"])) t.fail(`After alice left, bob's post "bye" came back to him as ${show(last)}: the board should go on working for those still connected.`);
  } finally {
    // Whatever happened, the Backplane gives its name back.
    hub.scheduler.stop();
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
