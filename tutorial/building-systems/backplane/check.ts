import { Backplane, Component, DataSource, Pipeline, ProducerFinished, PublishTo, Scheduler, VirtualClock, type ComponentError } from "kamaelia";
import type { CheckContext } from "../../check-kit.js";

export const startFails = 'printed nothing when "hail" was published';

/** A fresh scheduler on a virtual clock, which throws what the first component to fail threw. */
function freshScheduler() {
  const failures: ComponentError[] = [];
  const clock = new VirtualClock();
  const scheduler = new Scheduler({ clock, onError: (failure) => failures.push(failure) });
  return {
    scheduler,
    /** Runs until nothing more can happen, moving the clock from timer to timer (a bounded number of cycles). */
    settle: (): void => {
      for (let round = 0; round < 20; round += 1) {
        scheduler.runUntilIdle(1000);
        if (failures[0] !== undefined) throw failures[0];
        if (!clock.advanceToNext()) return;
      }
    },
  };
}

export default function check(t: CheckContext): void {
  const subscriber = t.exported("subscriber", "function") as (tag: string, print: { sink: (line: string) => void }) => unknown;
  const system = t.exported("system", "function") as (print: { sink: (line: string) => void }) => unknown;

  const lines: string[] = [];
  const { scheduler, settle } = freshScheduler();
  try {
    const hub = new Backplane("WEATHER").activate(scheduler);
    const screen = subscriber("test: ", { sink: (line) => lines.push(line) });
    if (!(screen instanceof Component)) t.fail("subscriber() should return the component it makes: return new Pipeline(...).");
    screen.activate(scheduler);
    settle();
    new Pipeline(new DataSource(["hail"]), new PublishTo("WEATHER")).activate(scheduler);
    settle();
    if (lines.length === 0) {
      t.fail(
        'subscriber("test: ") printed nothing when "hail" was published on "WEATHER": make it a Pipeline of new SubscribeTo("WEATHER") ' +
          "and new ConsoleEchoer({ ...print, tag }).",
      );
    }
    if (lines.join() === "hail") t.fail('subscriber("test: ") printed "hail": start each line with its tag, new ConsoleEchoer({ ...print, tag }).');
    if (lines.join() !== "test: hail") t.fail(`subscriber("test: ") printed ${JSON.stringify(lines)} when "hail" was published: it should print "test: hail".`);
    const hand = new Component();
    hand.link([hand, "signal"], [hub, "control"]);
    hand.send(new ProducerFinished(), "signal");
    settle();
    if (!screen.finished) t.fail('subscriber("test: ") kept running after the Backplane ended: put SubscribeTo first, so that the end reaches the ConsoleEchoer.');
  } finally {
    // Whatever happened, the test Backplane gives its name back.
    scheduler.stop();
  }

  lines.length = 0;
  const weather = system({ sink: (line) => lines.push(line) });
  if (!(weather instanceof Component)) t.fail("system() should return the Graphline it makes.");
  const run = freshScheduler();
  weather.activate(run.scheduler);
  run.settle();
  if (lines.length === 0) t.fail('The station\'s readings reached nobody: publish them with new Pipeline(new Station(), new PublishTo("WEATHER")).');
  t.expectOutput(["screen: sunny", "phone: sunny", "screen: cloudy", "phone: cloudy", "screen: rain", "phone: rain"]);
}
