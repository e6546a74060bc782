import { Backplane, Component, DataSource, Pipeline, ProducerFinished, PublishTo } from "kamaelia";
import { Harness } from "kamaelia/testing";
import type { CheckContext } from "../../check-kit.js";

export const startFails = 'printed nothing when "hail" was published';

/**
 * Runs everything on the harness's scheduler until nothing more can happen, timer after timer (20 at
 * most). Once nothing runs, finish() returns at once, or throws the error of a component that failed.
 */
async function runAll(harness: Harness): Promise<void> {
  for (let round = 0; round < 20; round += 1) if (!harness.settle().clock.advanceToNext()) break;
  if (harness.alive().length === 0) await harness.finish();
}

export default async function check(t: CheckContext): Promise<void> {
  const subscriber = t.exported("subscriber", "function") as (tag: string, print: { sink: (line: string) => void }) => unknown;
  const system = t.exported("system", "function") as (print: { sink: (line: string) => void }) => unknown;

  const lines: string[] = [];
  const hub = new Harness(new Backplane("WEATHER"));
  try {
    const screen = subscriber("test: ", { sink: (line) => lines.push(line) });
    if (!(screen instanceof Component)) t.fail("subscriber() should return the component it makes: return new Pipeline(...).");
    screen.activate(hub.scheduler);
    await runAll(hub);
    new Pipeline(new DataSource(["hail"]), new PublishTo("WEATHER")).activate(hub.scheduler);
    await runAll(hub);
    if (lines.length === 0) {
      t.fail(
        'subscriber("test: ") printed nothing when "hail" was published on "WEATHER": make it a Pipeline of new SubscribeTo("WEATHER") ' +
          "and new ConsoleEchoer({ ...print, tag }).",
      );
    }
    if (lines.join() === "hail") t.fail('subscriber("test: ") printed "hail": start each line with its tag, new ConsoleEchoer({ ...print, tag }).');
    if (lines.join() !== "test: hail") t.fail(`subscriber("test: ") printed ${JSON.stringify(lines)} when "hail" was published: it should print "test: hail".`);
    hub.send("control", new ProducerFinished());
    await runAll(hub);
    if (!screen.finished) t.fail('subscriber("test: ") kept running after the Backplane ended: put SubscribeTo first, so that the end reaches the ConsoleEchoer.');
  } finally {
    // Whatever happened, the test Backplane gives its name back.
    hub.scheduler.stop();
  }

  lines.length = 0;
  const weather = system({ sink: (line) => lines.push(line) });
  if (!(weather instanceof Component)) t.fail("system() should return the Graphline it makes.");
  await runAll(new Harness(weather));
  if (lines.length === 0) t.fail('The station\'s readings reached nobody: publish them with new Pipeline(new Station(), new PublishTo("WEATHER")).');
  t.expectOutput(["screen: sunny", "phone: sunny", "screen: cloudy", "phone: cloudy", "screen: rain", "phone: rain"]);
}
