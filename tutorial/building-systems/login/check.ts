import { ProducerFinished, type Component } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "did not answer the name with a greeting";

const show = (messages: unknown[]): string => messages.map((message) => JSON.stringify(message)).join(", ");

/** Lets a connection run until it waits for more; if it has ended, finish() throws the error it failed with, if any. */
async function settle(connection: Harness): Promise<void> {
  if (connection.settle().alive().length === 0) await connection.finish();
}

/** A fresh Login on a connection of its own, having already asked for the name. */
async function connect(t: CheckContext, Login: new () => Component): Promise<Harness> {
  const connection = new Harness(new Login());
  await settle(connection);
  if (connection.component.finished) t.fail("Your protocol ended as soon as it started: loop, handling the lines ready on inbox, then pause and yield until more arrive.");
  const prompt = connection.take("outbox");
  if (show(prompt) !== show(["What is your name?\n"])) {
    t.fail(`When a connection opened your protocol sent ${prompt.length === 0 ? "nothing" : show(prompt)}: it should send "What is your name?\\n" first, and only that.`);
  }
  return connection;
}

/** Sends one line and says what came back. */
async function say(connection: Harness, line: string): Promise<unknown[]> {
  await settle(connection.send("inbox", line));
  return connection.take("outbox");
}

export default async function check(t: CheckContext): Promise<void> {
  const Login = t.exported("Login", "class") as new () => Component;

  const alice = await connect(t, Login);
  const greeting = await say(alice, "alice");
  if (greeting.length === 1 && /^\S+: /.test(String(greeting[0]))) {
    t.fail(
      `On a new connection, the name "alice" was answered with ${show(greeting)}, as if someone were logged in already: ` +
        "connections share the name. Keep it in a variable inside main(): each connection has its own Login, running its own main().",
    );
  }
  if (show(greeting) !== show(["hello alice\n"])) {
    t.fail(`Your protocol did not answer the name with a greeting: after receiving "alice" it should send "hello alice\\n", but it sent ${greeting.length === 0 ? "nothing" : show(greeting)}.`);
  }
  const said = await say(alice, "hi");
  if (show(said) !== show(["alice: hi\n"])) {
    t.fail(`Once alice had logged in, the line "hi" should come back as "alice: hi\\n", but your protocol sent ${said.length === 0 ? "nothing" : show(said)}.`);
  }

  const shy = await connect(t, Login);
  const again = await say(shy, "");
  if (show(again) !== show(["What is your name?\n"])) {
    t.fail(`Before anyone has logged in, an empty line should ask for the name again ("What is your name?\\n"), but your protocol sent ${again.length === 0 ? "nothing" : show(again)}.`);
  }
  const late = await say(shy, "carol");
  if (show(late) !== show(["hello carol\n"])) t.fail(`After an empty line, then "carol", your protocol sent ${show(late)}: the empty line is not a name, so "carol" should get "hello carol\\n".`);

  const bob = await connect(t, Login);
  await say(bob, "bob");
  const mixed = await say(alice, "still me");
  if (show(mixed) !== show(["alice: still me\n"])) {
    t.fail(
      `Two connections got mixed up: after bob logged in on his own connection, alice's "still me" came back as ${show(mixed)}. ` +
        "Keep the name in a variable inside main(): each connection has its own Login, running its own main().",
    );
  }

  await settle(alice.send("control", new ProducerFinished()));
  if (!alice.component.finished) t.fail("Your protocol kept running after ProducerFinished arrived on its control (the client hung up): send the message on from signal and return.");
  if (!alice.take("signal").some((message) => message instanceof ProducerFinished)) t.fail("Your protocol ended without sending ProducerFinished on from its signal, which is what closes the connection.");
  t.expectOutput(["client got: What is your name?", "client got: What is your name?", "client got: hello alice", "client got: alice: hi there"]);
}
