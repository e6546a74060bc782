import { Component, ProducerFinished, Scheduler } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = 'Your Producer sent nothing from "signal"';

/** How many cycles a component may take to do what it is asked; a correct one needs a handful. */
const CYCLES = 50;

function describe(message: unknown): string {
  if (typeof message === "string") return JSON.stringify(message);
  if (typeof message === "object" && message !== null) return `a ${message.constructor.name}`;
  return String(message);
}

function quoted(lines: readonly string[]): string {
  return lines.length === 0 ? "nothing" : lines.map((line) => JSON.stringify(line)).join(", ");
}

/** Takes every message out of one of a component's inboxes (no more than 10). */
function drain(component: Component, inbox: string): unknown[] {
  const taken: unknown[] = [];
  while (component.dataReady(inbox) > 0 && taken.length < 10) taken.push(component.recv(inbox));
  return taken;
}

/** Whether a component has ended (a function, so that TypeScript does not assume it unchanged). */
function ended(component: Component): boolean {
  return component.finished;
}

export default function check(t: CheckContext): void {
  const Producer = t.exported("Producer", "class") as new (lines: string[]) => Component;
  const Consumer = t.exported("Consumer", "class") as new () => Component;
  for (const [name, made] of [["Producer", Producer], ["Consumer", Consumer]] as const) {
    if (!(made.prototype instanceof Component)) {
      t.fail(`${name} should extend kamaelia's Component: import { Component } from "kamaelia" and write class ${name} extends Component.`);
    }
  }

  // The producer, on a scheduler of the checks' own, sending to a component that only collects.
  const producerScheduler = new Scheduler();
  const producer = new Producer(["x", "y"]);
  const collector = new Component();
  collector.link([producer, "outbox"], [collector, "inbox"]);
  collector.link([producer, "signal"], [collector, "control"]);
  producer.activate(producerScheduler);
  for (let cycle = 0; cycle < CYCLES && collector.dataReady("control") === 0; cycle += 1) producerScheduler.step();
  if (collector.dataReady("control") === 0) {
    t.fail('Your Producer sent nothing from "signal": after its last line, tell whoever is listening that there is no more, with this.send(new ProducerFinished(this), "signal").');
  }
  if (collector.dataReady("inbox") < 2) {
    t.fail('Your Producer sent ProducerFinished from "signal" before its last line: send it after the loop, once every line has gone.');
  }
  const signals = drain(collector, "control");
  if (!(signals[0] instanceof ProducerFinished)) {
    t.fail(`Your Producer sent ${describe(signals[0])} from "signal": send a ProducerFinished (new ProducerFinished(this)), which every kamaelia component understands as "no more data".`);
  }
  const lines = drain(collector, "inbox");
  if (lines.join() !== "x,y") t.fail(`new Producer(["x", "y"]) sent ${lines.map(describe).join(", ")} from its outbox: it should send "x", then "y".`);
  producerScheduler.runUntilIdle(CYCLES);
  if (!producer.finished) t.fail("Your Producer kept running after it had sent its ProducerFinished: let main() return once it has sent it.");

  // The consumer, fed by hand through a component that is never run.
  const consumerScheduler = new Scheduler();
  const consumer = new Consumer();
  const feeder = new Component();
  feeder.link([feeder, "outbox"], [consumer, "inbox"]);
  feeder.link([feeder, "signal"], [consumer, "control"]);
  consumer.activate(consumerScheduler);
  const printed: string[] = [];
  const print = console.log;
  console.log = (...args: unknown[]) => {
    printed.push(args.map(String).join(" "));
  };
  try {
    const idle = (when: string): void => {
      if (consumerScheduler.runUntilIdle(CYCLES) < CYCLES) return;
      t.fail(`Your Consumer kept running ${when}, cycle after cycle: once it has handled everything waiting, call this.pause() before yield, so that it sleeps until a message arrives.`);
    };
    idle("with nothing to do");
    if (ended(consumer)) t.fail('Your Consumer ended before anything arrived: keep looping until a message arrives in "control".');

    feeder.send("a");
    feeder.send("b");
    idle('after printing "a" and "b"');
    if (printed.join() !== "a,b") t.fail(`When "a" and "b" arrived in its inbox, your Consumer printed ${quoted(printed)}: it should print "a", then "b".`);
    if (ended(consumer)) t.fail('Your Consumer ended after printing "a" and "b", with nothing in "control": keep looping until a message arrives there.');

    feeder.send("c");
    feeder.send(new ProducerFinished(), "signal");
    consumerScheduler.runUntilIdle(CYCLES);
    if (ended(consumer) && printed.length === 2) {
      t.fail('Your Consumer ended without printing "c", which arrived together with a ProducerFinished: print everything waiting in "inbox" before you look at "control".');
    }
    if (!ended(consumer)) t.fail('Your Consumer kept going after a ProducerFinished arrived in its "control" inbox: when dataReady("control") > 0, return from main().');
    if (printed.join() !== "a,b,c") t.fail(`Fed "a", "b", then "c", your Consumer printed ${quoted(printed)}: it should print each once, in order.`);
  } finally {
    console.log = print;
  }

  const system = t.program["system"];
  if (system === undefined) {
    t.fail("Your program does not export system: replace the link, the activations and the step() loop with `export const system = new Pipeline(new Producer([...]), new Consumer());` and `await system.run();`.");
  }
  if (!(system instanceof Component)) t.fail("system should be the Pipeline of a Producer and a Consumer: export const system = new Pipeline(...).");
  if (!system.finished) t.fail("Your system had not ended when the program did: run it with `await system.run();`, which returns once every component in it has ended.");
  t.expectOutput(["hello", "world", "goodbye", "all done"]);
}
