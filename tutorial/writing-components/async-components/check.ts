import { AsyncComponent, ProducerFinished } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = 'AgeLookup sent nothing for "ada"';

type Lookup = (name: string) => Promise<number>;

/** Resolves after `turns` turns of the promise queue: later for a larger number. */
function after(turns: number, value: number): Promise<number> {
  let promise = Promise.resolve(value);
  for (let turn = 0; turn < turns; turn += 1) promise = promise.then((same) => same);
  return promise;
}

export default async function check(t: CheckContext): Promise<void> {
  const AgeLookup = t.exported("AgeLookup", "class") as new (lookup: Lookup) => AsyncComponent;
  // The first answer takes longest: the answers must still leave in the order the names came.
  const delays = new Map([["ada", 30], ["bob", 1]]);
  const lookup: Lookup = (name) => after(delays.get(name) ?? 0, name.length * 10);
  const component = new AgeLookup(lookup);
  if (!(component instanceof AsyncComponent)) t.fail("AgeLookup should extend AsyncComponent, so that its main() can await.");
  const finished = new ProducerFinished();
  const harness = new Harness(component).send("inbox", "ada", "bob").send("control", finished);
  await harness.finish();
  const sent = harness.take("outbox");
  if (sent.length === 0) t.fail('AgeLookup sent nothing for "ada": after taking the name, wait for the age with `const age = await this.lookup(name)` and send `${name} is ${age}`.');
  const expected = ["ada is 30", "bob is 30"];
  if (sent.join("|") !== expected.join("|")) {
    t.fail(`Given "ada" then "bob", AgeLookup sent ${sent.map((message) => JSON.stringify(message)).join(", ")}: it should send "ada is 30" then "bob is 30", in the order the names came, even though ada's age takes longer to find. Await each lookup before taking the next name.`);
  }
  const signal = harness.take("signal");
  if (signal.length !== 1 || signal[0] !== finished) t.fail("AgeLookup should pass the ProducerFinished on from signal when it ends.");
  t.expectOutput(["ada is 36", "alan is 41"]);
}
