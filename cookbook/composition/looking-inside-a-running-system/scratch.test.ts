import { ConsoleEchoer, DataSource, Introspector, Pipeline, PureTransformer, Scheduler, VirtualClock, Component, ShutdownMicroprocess } from "kamaelia";
import { it } from "vitest";
it("scratch", async () => {
  const scheduler = new Scheduler({ clock: new VirtualClock() });
  const intro = new Introspector();
  const reports: string[] = [];
  class Viewer extends Component { override *main() { for (;;) { while (this.dataReady("inbox")) reports.push(String(this.recv("inbox"))); if (this.dataReady("control")) return; this.pause(); yield; } } }
  const viewer = new Viewer();
  const wiring = new Component();
  wiring.link([intro, "outbox"], [viewer, "inbox"]);
  intro.activate(scheduler); viewer.activate(scheduler);
  new Pipeline(new DataSource(["hello", "world"]), new PureTransformer((w: string) => w.toUpperCase()), new ConsoleEchoer()).activate(scheduler);
  setTimeout(() => { wiring.send(new ShutdownMicroprocess(), "outbox"); }, 50);
  const stop = setTimeout(() => scheduler.stop(), 100);
  await scheduler.runThreads();
  clearTimeout(stop);
  console.log(reports.join("----\n"));
});
