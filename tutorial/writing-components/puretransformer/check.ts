import { ProducerFinished, PureTransformer } from "kamaelia";
import { runComponent } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = "toCelsius() turned 212 into 212";

/** Runs a prefab's component over some values and returns what it sent. */
async function through(t: CheckContext, name: string, values: readonly number[]): Promise<unknown[]> {
  const prefab = t.exported(name, "function") as () => unknown;
  const component = prefab();
  if (!(component instanceof PureTransformer)) {
    t.fail(`${name}() should return a new PureTransformer(...), but it returned ${component === undefined ? "nothing" : typeof component}.`);
  }
  const sent = await runComponent(component, { inbox: values, control: [new ProducerFinished()] });
  return sent["outbox"] ?? [];
}

export default async function check(t: CheckContext): Promise<void> {
  const celsius = await through(t, "toCelsius", [212, 32, 5]);
  const wanted = [100, 0, -15];
  for (const [index, fahrenheit] of [212, 32, 5].entries()) {
    if (celsius[index] !== wanted[index]) {
      t.fail(`toCelsius() turned ${String(fahrenheit)} into ${String(celsius[index])}: it should give ${String(wanted[index])}, that is (${String(fahrenheit)} - 32) * 5 / 9, rounded.`);
    }
  }
  const cold = await through(t, "belowZero", [3, -1, 0, -40]);
  if (cold.length !== 2 || cold[0] !== -1 || cold[1] !== -40) {
    t.fail(`Given 3, -1, 0 and -40, belowZero() sent ${cold.length === 0 ? "nothing" : cold.join(", ")}: it should send only -1 and -40. Return undefined for a value to drop it.`);
  }
  t.expectOutput(["-15", "-40"]);
}
