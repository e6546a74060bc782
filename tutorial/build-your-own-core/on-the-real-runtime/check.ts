import { Component, Scheduler } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "the producer never ran";

export default function check(t: CheckContext): void {
  for (const name of ["Producer", "Consumer"]) {
    const made = t.exported(name, "class") as new (...args: never[]) => unknown;
    if (!(made.prototype instanceof Component)) {
      t.fail(`${name} should extend kamaelia's Component: import { Component } from "kamaelia" and write class ${name} extends Component.`);
    }
  }
  const producer = t.exported("producer", "object");
  const consumer = t.exported("consumer", "object");
  const scheduler = t.exported("scheduler", "object");
  if (!(producer instanceof Component) || !(consumer instanceof Component)) t.fail("producer and consumer should be components: new Producer([...]) and new Consumer().");
  if (!(scheduler instanceof Scheduler)) t.fail('scheduler should be kamaelia\'s Scheduler: import { Scheduler } from "kamaelia" and write new Scheduler().');

  const expected = ["hello", "world", "goodbye"];
  if (t.output.join("\n") === expected.join("\n")) return;

  // Nothing (or not everything) reached the consumer: say which part of the wiring is missing.
  for (const [name, component] of [["producer", producer], ["consumer", consumer]] as const) {
    if (component.scheduler === scheduler) continue;
    if (component.scheduler === null) {
      t.fail(`Your consumer printed ${t.output.length === 0 ? "nothing" : "too little"}: the ${name} never ran. Activate it on the scheduler the program steps: ${name}.activate(scheduler).`);
    }
    t.fail(`You activated the ${name} on another scheduler (${component.scheduler === Scheduler.run ? "the default one, which nobody runs here" : "not the one the program steps"}): activate it with ${name}.activate(scheduler).`);
  }
  if (t.output.length === 0) {
    t.fail("Your consumer printed nothing, though both components ran: the producer's messages never reached the consumer's inbox. Link them, where the postman was: producer.link([producer, \"outbox\"], [consumer, \"inbox\"]).");
  }
  t.expectOutput(expected, "your consumer printed");
}
