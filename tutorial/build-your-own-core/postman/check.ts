import type { CheckContext } from "../../check-kit.js";

export const startFails = "Your postman carried nothing";

/** What the checks need of the learner's classes. */
interface ComponentLike {
  send(message: unknown, box: string): unknown;
  recv(box: string): unknown;
  dataReady(box: string): unknown;
}
interface PostmanLike {
  done: boolean;
  next(): unknown;
}
type PostmanClass = new (source: ComponentLike, sourcebox: string, sink: ComponentLike, sinkbox: string) => PostmanLike;

function quoted(messages: readonly unknown[]): string {
  return messages.map((message) => JSON.stringify(message)).join(", ");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export default function check(t: CheckContext): void {
  const Microprocess = t.exported("Microprocess", "class") as new () => object;
  const Component = t.exported("Component", "class") as new () => ComponentLike;
  const Postman = t.exported("Postman", "class") as PostmanClass;

  /** How many messages wait in a box, as a number. */
  const waiting = (component: ComponentLike, box: string): number => Number(component.dataReady(box));
  /** Takes every message out of a box (no more than 10, in case dataReady never drops). */
  const drain = (component: ComponentLike, box: string): unknown[] => {
    const taken: unknown[] = [];
    while (waiting(component, box) > 0 && taken.length < 10) taken.push(component.recv(box));
    return taken;
  };
  /** Steps the postman once; fails, saying so, if stepping it threw. */
  const step = (postman: PostmanLike, when: string): void => {
    try {
      postman.next();
    } catch (error) {
      t.fail(`Stepping your postman ${when} threw "${messageOf(error)}": it should only carry what is waiting (check dataReady before recv).`);
    }
  };
  /** Steps the postman until something reaches the sink's box, at most twice (it may yield before it carries). */
  const stepUntilDelivered = (postman: PostmanLike, sink: ComponentLike, sinkbox: string, when: string): void => {
    for (let steps = 0; steps < 2 && waiting(sink, sinkbox) === 0 && !postman.done; steps += 1) step(postman, when);
  };

  const source = new Component();
  const sink = new Component();
  const postman = new Postman(source, "outbox", sink, "inbox");
  if (!(postman instanceof Microprocess)) t.fail("Postman should extend Microprocess (class Postman extends Microprocess), so a scheduler can step it.");

  for (const message of ["a", "b", "c"]) source.send(message, "outbox");
  stepUntilDelivered(postman, sink, "inbox", 'with "a", "b", "c" waiting');
  const arrived = waiting(sink, "inbox");
  if (arrived === 0) {
    const after = postman.done ? "; its main() ended instead" : " after two steps";
    t.fail(`Your postman carried nothing: "a", "b", "c" were waiting in the source's outbox, and the sink's inbox stayed empty${after}. In a loop that never ends: while the source's box has messages, recv one from it and send it to the sink's box; then yield.`);
  }
  if (arrived < 3) {
    t.fail(`Your postman carried only ${String(arrived)} of the 3 messages waiting, in one step: carry every message that is waiting each time it runs (while dataReady...), or it falls behind a producer that sends faster than one message per step.`);
  }
  if (arrived > 3) t.fail(`Your postman delivered ${String(arrived)} messages, though only 3 were sent: recv each one from the source's box, so it is carried once.`);
  const delivered = drain(sink, "inbox");
  if (quoted(delivered) === quoted(["c", "b", "a"])) t.fail('Your postman delivered "c", "b", "a": messages should arrive in the order they were sent, "a", "b", "c".');
  if (quoted(delivered) !== quoted(["a", "b", "c"])) t.fail(`Your postman delivered ${quoted(delivered)}: it should deliver "a", "b", "c", as they were sent.`);
  if (waiting(source, "outbox") > 0) t.fail("Your postman left the messages it carried in the source's outbox: take each one out with recv, so it is carried once.");

  // With nothing to carry, it carries nothing, and keeps going.
  for (let steps = 0; steps < 3; steps += 1) step(postman, "with nothing waiting");
  if (postman.done) t.fail("Your postman ended after carrying one batch: its main() should loop for ever (for (;;) { ...; yield; }), so that it carries whatever arrives later.");
  if (waiting(sink, "inbox") > 0) t.fail(`Your postman delivered ${quoted(drain(sink, "inbox"))} again, with nothing waiting: carry each message once.`);

  source.send("d", "outbox");
  stepUntilDelivered(postman, sink, "inbox", 'with "d" waiting');
  const later = drain(sink, "inbox");
  if (quoted(later) !== quoted(["d"])) {
    t.fail(`"d", sent after the postman had already carried "a", "b", "c", ${later.length === 0 ? "was never carried" : `arrived as ${quoted(later)}`}: the postman should carry whatever arrives, each time it runs.`);
  }

  // It uses the boxes it was given, not names written in.
  const from = new Component();
  const to = new Component();
  const otherWay = new Postman(from, "inbox", to, "outbox");
  from.send("z", "inbox");
  stepUntilDelivered(otherWay, to, "outbox", 'made with the boxes "inbox" and "outbox"');
  if (waiting(to, "outbox") !== 1 || waiting(from, "inbox") !== 0) {
    t.fail('A postman made with new Postman(source, "inbox", sink, "outbox") did not carry from the source\'s "inbox" to the sink\'s "outbox": use the components and box names it was given (this.source, this.sourcebox, this.sink, this.sinkbox).');
  }

  t.expectOutput(["hello", "world", "goodbye"]);
}
