import { type Component, ProducerFinished, ShutdownMicroprocess } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "Tally kept running after ProducerFinished arrived";

function show(messages: readonly unknown[]): string {
  if (messages.length === 0) return "nothing";
  return messages.map((message) => (typeof message === "string" ? JSON.stringify(message) : (message as object).constructor.name)).join(", ");
}

export default function check(t: CheckContext): void {
  const Tally = t.exported("Tally", "class") as new () => Component;

  // Two messages, then the end of the data.
  const finished = new ProducerFinished();
  const counted = new Harness(new Tally()).send("inbox", "x", "y").send("control", finished);
  counted.scheduler.runUntilIdle(50);
  const total = counted.take("outbox");
  const passedOn = counted.take("signal");
  if (!counted.component.finished) {
    t.fail('Tally kept running after ProducerFinished arrived on its "control" inbox. Take it with this.recv("control"), send it on from "signal", and return from main().');
  }
  if (total.length !== 1 || total[0] !== "2 messages") {
    t.fail(`Given "x" and "y" and then ProducerFinished, Tally sent ${show(total)} from its outbox: it should send "2 messages", once, before it ends.`);
  }
  if (passedOn.length !== 1 || passedOn[0] !== finished) {
    t.fail(`Tally's "signal" outbox sent ${show(passedOn)}: it should pass on the ProducerFinished it received (the same message), once, so that the next component ends too.`);
  }

  // Told to stop at once, it stops without a total.
  const stop = new ShutdownMicroprocess();
  const stopped = new Harness(new Tally()).send("inbox", "x").send("control", stop);
  stopped.scheduler.runUntilIdle(50);
  if (!stopped.component.finished) t.fail("Tally kept running after ShutdownMicroprocess arrived: it means stop now, so end at once.");
  const early = stopped.take("outbox");
  if (early.length > 0) t.fail(`Told to stop with ShutdownMicroprocess, Tally still sent ${show(early)}: a ShutdownMicroprocess means stop now, without finishing the work.`);
  const stopSignal = stopped.take("signal");
  if (stopSignal.length !== 1 || stopSignal[0] !== stop) {
    t.fail(`After ShutdownMicroprocess, Tally's "signal" outbox sent ${show(stopSignal)}: it should pass the ShutdownMicroprocess on, so that what comes after it stops too.`);
  }

  t.expectOutput(["3 messages"]);
}
