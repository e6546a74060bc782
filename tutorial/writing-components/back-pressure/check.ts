import type { Component } from "kamaelia";
import { ProducerFinished } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "NoSpaceInBox";

export default async function check(t: CheckContext): Promise<void> {
  const Numbers = t.exported("Numbers", "class") as new (count: number) => Component;
  // What it sends goes into a box that holds two; each take() makes room for two more.
  const harness = new Harness(new Numbers(5)).limit("outbox", 2);
  const batches: unknown[][] = [];
  // Let it run (it waits on promises between sends), taking what it sent each round, until it ends.
  for (let round = 0; round < 100 && !harness.component.finished; round += 1) {
    harness.settle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    batches.push(harness.take("outbox"));
  }
  batches.push(harness.take("outbox"));
  const received = batches.flat();
  if (received.join() !== "1,2,3,4,5") {
    t.fail(`Through a box that holds two, Numbers(5) delivered ${received.length === 0 ? "nothing" : received.join(", ")}: it should deliver 1, 2, 3, 4, 5, every one, in order. Wait for room with \`await this.sendWhenSpace(n)\` instead of losing a number.`);
  }
  if (batches.some((batch) => batch.length > 2)) t.fail("Numbers sent more than the box holds at once.");
  await harness.finish();
  const signal = harness.take("signal");
  if (signal.length !== 1 || !(signal[0] instanceof ProducerFinished)) t.fail("Numbers should send ProducerFinished from signal once every number is delivered.");
  t.expectOutput(["printed 1", "printed 2", "printed 3", "printed 4", "printed 5"]);
}
