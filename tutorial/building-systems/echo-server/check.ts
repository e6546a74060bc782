import { ProducerFinished, type Component } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "Your Echo ended as soon as it started";

/** Lets the connection run until it waits for more; if it has ended, finish() throws the error it failed with, if any. */
async function settle(connection: Harness): Promise<void> {
  if (connection.settle().alive().length === 0) await connection.finish();
}

const show = (messages: unknown[]): string => messages.map((message) => JSON.stringify(message)).join(", ");

export default async function check(t: CheckContext): Promise<void> {
  const Echo = t.exported("Echo", "class") as new () => Component;
  const echo = new Echo();
  // Read afresh each time: the scheduler changes it.
  const ended = (): boolean => echo.finished;
  const connection = new Harness(echo);
  await settle(connection);
  if (ended()) {
    t.fail("Your Echo ended as soon as it started, so every client is hung up on at once: loop, sending back what is ready on inbox, then pause and yield until more arrives.");
  }
  await settle(connection.send("inbox", "hello", "world"));
  const replies = connection.take("outbox");
  if (replies.length === 0) t.fail('Your Echo sent nothing back when the lines "hello" and "world" arrived: send each line back from outbox, with "\\n" after it.');
  if (show(replies) === show(["hello", "world"])) t.fail('Your Echo sent "hello" back without its line break: send `${line}\\n`, so that the client sees where each line ends.');
  if (show(replies) !== show(["hello\n", "world\n"])) t.fail(`Your Echo sent ${show(replies)} when the lines "hello" and "world" arrived: it should send "hello\\n", "world\\n".`);
  await settle(connection.send("control", new ProducerFinished()));
  if (!ended()) {
    t.fail("Your Echo kept running after ProducerFinished arrived on its control (the client hung up): send the message on from signal and return, which closes the connection.");
  }
  if (!connection.take("signal").some((message) => message instanceof ProducerFinished)) {
    t.fail("Your Echo ended without sending ProducerFinished on from its signal: send what arrived on control on from signal, which closes the connection.");
  }
  t.expectOutput(["client got: hello", "client got: world"]);
}
