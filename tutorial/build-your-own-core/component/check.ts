import type { CheckContext } from "../../check-kit.js";

export const startFails = 'After two sends to "outbox", dataReady("outbox") gave 0';

/** What the checks need of the learner's Component. */
interface ComponentLike {
  send(message: unknown, box: string): unknown;
  recv(box: string): unknown;
  dataReady(box: string): unknown;
}

type Outcome = { readonly threw: false; readonly value: unknown } | { readonly threw: true; readonly error: unknown };

/** Runs a call into the learner's code, and says whether it returned or threw. */
function attempt(call: () => unknown): Outcome {
  try {
    return { threw: false, value: call() };
  } catch (error) {
    return { threw: true, error };
  }
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export default function check(t: CheckContext): void {
  const Microprocess = t.exported("Microprocess", "class") as new () => object;
  const Component = t.exported("Component", "class") as new () => ComponentLike;
  if (!(new Component() instanceof Microprocess)) t.fail("Component should extend Microprocess (class Component extends Microprocess), so a scheduler can step it.");

  /** Calls the learner's code and returns what it returned; fails, saying so, if it threw. */
  const value = (what: string, call: () => unknown): unknown => {
    const outcome = attempt(call);
    if (outcome.threw) t.fail(`${what} threw "${messageOf(outcome.error)}", where it should have worked.`);
    return outcome.value;
  };

  const c = new Component();
  const empty = value('dataReady("outbox") on a new component', () => c.dataReady("outbox"));
  if (empty !== 0) t.fail(`dataReady("outbox") on a new component gave ${show(empty)}: nothing waits there yet, so it should give 0.`);

  value('send("one", "outbox")', () => c.send("one", "outbox"));
  value('send("two", "outbox")', () => c.send("two", "outbox"));
  const two = value('dataReady("outbox")', () => c.dataReady("outbox"));
  if (two === 0) {
    t.fail('After two sends to "outbox", dataReady("outbox") gave 0: send should add the message at the end of that box, and dataReady should give the box\'s length.');
  }
  if (typeof two === "boolean") t.fail(`dataReady("outbox") gave ${String(two)}: it should give how many messages wait (2), not only whether any do.`);
  if (two !== 2) t.fail(`After two sends to "outbox", dataReady("outbox") gave ${show(two)}: it should give 2.`);
  if (value('dataReady("inbox")', () => c.dataReady("inbox")) !== 0) t.fail('Sending to "outbox" put something in "inbox" too: each box needs a list of its own.');

  const first = value('recv("outbox")', () => c.recv("outbox"));
  if (first === "two") {
    t.fail('recv("outbox") took "two" first, though "one" was sent first: messages leave a box in the order they arrived, so take them from the front of the list (shift), not the back (pop).');
  }
  if (first !== "one") t.fail(`recv("outbox") gave ${show(first)}: it should give "one", the oldest message waiting.`);
  const left = value('dataReady("outbox")', () => c.dataReady("outbox"));
  if (left !== 1) t.fail(`After one recv, dataReady("outbox") gave ${show(left)}: recv should take the message out of the box, leaving 1.`);
  const second = value('recv("outbox")', () => c.recv("outbox"));
  if (second !== "two") t.fail(`The second recv("outbox") gave ${show(second)}: it should give "two".`);

  const fromEmpty = attempt(() => c.recv("outbox"));
  if (!fromEmpty.threw) {
    t.fail(`recv("outbox") on an empty box returned ${show(fromEmpty.value)}: it should throw an Error saying the box is empty, so that a forgotten dataReady check shows up at once.`);
  }

  // A misspelt box name is an error that names the box, never a box made on the spot.
  const misspelt: [string, () => unknown][] = [
    ['send("hello", "outbx")', () => c.send("hello", "outbx")],
    ['recv("inbx")', () => c.recv("inbx")],
    ['dataReady("inbx")', () => c.dataReady("inbx")],
  ];
  for (const [call, run] of misspelt) {
    const name = call.includes("outbx") ? "outbx" : "inbx";
    const outcome = attempt(run);
    if (!outcome.threw) {
      const cost = call.startsWith("send") ? "a message sent with a typo is lost without a word" : "a typo reads as an empty box for ever";
      t.fail(`${call} gave ${show(outcome.value)} without complaint, though there is no box called "${name}": throw an Error naming the box, or ${cost}.`);
    }
    if (!messageOf(outcome.error).includes(name)) {
      t.fail(`${call} threw "${messageOf(outcome.error)}", which does not say which box: name it ("${name}"), so a typo is easy to find.`);
    }
  }

  const a = new Component();
  const b = new Component();
  value('send("mine", "inbox")', () => a.send("mine", "inbox"));
  if (value('dataReady("inbox")', () => b.dataReady("inbox")) !== 0) {
    t.fail("A message sent to one component's inbox showed up in another component's inbox: each component needs boxes of its own, made in a field of the instance.");
  }

  t.expectOutput(["HELLO", "WORLD"]);
}
