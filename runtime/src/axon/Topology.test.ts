import { describe, expect, it, vi } from "vitest";
import { testScheduler } from "../test-support/harness.js";
import { AdaptiveCommsComponent } from "./AdaptiveCommsComponent.js";
import { Component, type BoxDeclaration } from "./Component.js";
import { Microprocess } from "./Microprocess.js";
import type { Scheduler } from "./Scheduler.js";

/** Never pauses: stays in the run queue until stopped. */
class Spinner extends Component {
  override *main(): Generator<undefined, void, unknown> {
    for (;;) yield;
  }
}

/** Sleeps until stopped. */
class Sleeper extends Component {
  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      this.pause();
      yield;
    }
  }
}

/** Sleeps until stopped; one inbox and one outbox, as a container forwarding to a child. */
class Relay extends Sleeper {
  static override Inboxes: BoxDeclaration = ["inbox"];
  static override Outboxes: BoxDeclaration = ["outbox"];
}

/** Counts the "topology" events `scheduler` dispatches. */
function countTopologyEvents(scheduler: Scheduler): { count: number } {
  const counter = { count: 0 };
  scheduler.addEventListener("topology", () => {
    counter.count++;
  });
  return counter;
}

/** Lets queued microtasks run: "topology" events are dispatched from one. */
async function afterBurst(): Promise<void> {
  await Promise.resolve();
}

describe("Scheduler.topology components", () => {
  it("reports each running component with its id, name, parent id and boxes", () => {
    const scheduler = testScheduler();
    const parent = new Sleeper();
    const child = new Relay();
    parent.addChildren(child);
    parent.activate(scheduler);
    child.activate(scheduler);
    expect(scheduler.topology().components).toEqual([
      {
        id: parent.id,
        name: `Sleeper_${String(parent.id)}`,
        parent: null,
        inboxes: ["inbox", "control"],
        outboxes: ["outbox", "signal"],
        state: "sleeping",
      },
      { id: child.id, name: `Relay_${String(child.id)}`, parent: parent.id, inboxes: ["inbox"], outboxes: ["outbox"], state: "sleeping" },
    ]);
  });

  it("tells a component in the run queue from one that sleeps", () => {
    const scheduler = testScheduler();
    const spinner = new Spinner().activate(scheduler);
    const sleeper = new Sleeper().activate(scheduler);
    scheduler.step();
    scheduler.step();
    const states = scheduler.topology().components.map(({ id, state }) => [id, state]);
    expect(states).toEqual([
      [spinner.id, "running"],
      [sleeper.id, "sleeping"],
    ]);
  });

  it("leaves out components not activated, components that have ended and plain microprocesses", () => {
    const scheduler = testScheduler();
    new Component();
    new Microprocess().activate(scheduler);
    const ending = new Sleeper().activate(scheduler);
    const staying = new Sleeper().activate(scheduler);
    scheduler.runUntilIdle();
    ending.stop();
    expect(scheduler.topology().components.map(({ id }) => id)).toEqual([staying.id]);
  });

  it("shows boxes added to a running component", () => {
    const scheduler = testScheduler();
    const hub = new AdaptiveCommsComponent().activate(scheduler);
    const extra = hub.addOutbox("extra");
    expect(scheduler.topology().components[0]?.outboxes).toEqual(["outbox", "signal", extra]);
  });
});

describe("Scheduler.topology linkages", () => {
  it("reports each linkage of a running component: ends, boxes, passthrough and nothing delivered yet", () => {
    const scheduler = testScheduler();
    const a = new Relay().activate(scheduler);
    const b = new Relay().activate(scheduler);
    a.link([a, "outbox"], [b, "inbox"]);
    expect(scheduler.topology().linkages).toEqual([
      { source: { id: a.id, box: "outbox" }, sink: { id: b.id, box: "inbox" }, passthrough: 0, delivered: 0 },
    ]);
  });

  it("leaves out linkages made by a component that is not running", () => {
    const scheduler = testScheduler();
    const wiring = new Component();
    const a = new Relay().activate(scheduler);
    const b = new Relay().activate(scheduler);
    wiring.link([a, "outbox"], [b, "inbox"]);
    expect(scheduler.topology().linkages).toEqual([]);
  });

  it("counts the messages delivered along each linkage of a chain, passthroughs included", () => {
    const scheduler = testScheduler();
    const source = new Relay();
    const parent = new Relay();
    const child = new Relay();
    const sink = new Relay();
    for (const component of [source, parent, child, sink]) component.activate(scheduler);
    source.link([source, "outbox"], [parent, "inbox"]);
    parent.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
    parent.link([child, "outbox"], [parent, "outbox"], { passthrough: 2 });
    parent.link([parent, "outbox"], [sink, "inbox"]);
    const delivered = (): number[] => scheduler.topology().linkages.map((linkage) => linkage.delivered);
    expect(delivered()).toEqual([0, 0, 0, 0]);
    source.send("in 1");
    source.send("in 2");
    expect(delivered()).toEqual([2, 2, 0, 0]);
    child.send("out 1");
    expect(delivered()).toEqual([2, 2, 1, 1]);
    expect(child.recv()).toBe("in 1");
    expect(sink.recv()).toBe("out 1");
    expect(scheduler.topology().linkages.map(({ source: from, sink: to, passthrough }) => [from, to, passthrough])).toEqual([
      [{ id: source.id, box: "outbox" }, { id: parent.id, box: "inbox" }, 0],
      [{ id: parent.id, box: "inbox" }, { id: child.id, box: "inbox" }, 1],
      [{ id: child.id, box: "outbox" }, { id: parent.id, box: "outbox" }, 2],
      [{ id: parent.id, box: "outbox" }, { id: sink.id, box: "inbox" }, 0],
    ]);
  });

  it("drops the linkages of a component that ends", () => {
    const scheduler = testScheduler();
    const a = new Relay().activate(scheduler);
    const b = new Relay().activate(scheduler);
    a.link([a, "outbox"], [b, "inbox"]);
    b.link([b, "outbox"], [a, "inbox"]);
    scheduler.runUntilIdle();
    a.stop();
    expect(scheduler.topology().linkages).toEqual([
      { source: { id: b.id, box: "outbox" }, sink: { id: a.id, box: "inbox" }, passthrough: 0, delivered: 0 },
    ]);
  });
});

describe("Scheduler topology events", () => {
  it("fires once for a burst of activations and links", async () => {
    const scheduler = testScheduler();
    const events = countTopologyEvents(scheduler);
    const a = new Relay().activate(scheduler);
    const b = new Relay().activate(scheduler);
    const c = new Relay().activate(scheduler);
    a.link([a, "outbox"], [b, "inbox"]);
    b.link([b, "outbox"], [c, "inbox"]);
    expect(events.count).toBe(0);
    await afterBurst();
    expect(events.count).toBe(1);
  });

  it("fires when a component starts", async () => {
    const scheduler = testScheduler();
    const events = countTopologyEvents(scheduler);
    new Relay().activate(scheduler);
    await afterBurst();
    expect(events.count).toBe(1);
  });

  it("fires when a component ends", async () => {
    const scheduler = testScheduler();
    const relay = new Relay().activate(scheduler);
    scheduler.runUntilIdle();
    const events = countTopologyEvents(scheduler);
    relay.stop();
    await afterBurst();
    expect(events.count).toBe(1);
  });

  it("fires when a component's main() returns", async () => {
    const scheduler = testScheduler();
    new Component().activate(scheduler);
    const events = countTopologyEvents(scheduler);
    scheduler.runUntilIdle();
    expect(scheduler.listAllThreads()).toEqual([]);
    await afterBurst();
    expect(events.count).toBe(1);
  });

  it("fires when a link appears and again when it goes", async () => {
    const scheduler = testScheduler();
    const a = new Relay().activate(scheduler);
    const b = new Relay().activate(scheduler);
    scheduler.runUntilIdle();
    await afterBurst();
    const events = countTopologyEvents(scheduler);
    const linkage = a.link([a, "outbox"], [b, "inbox"]);
    await afterBurst();
    expect(events.count).toBe(1);
    a.unlink({ thelinkage: linkage });
    await afterBurst();
    expect(events.count).toBe(2);
  });

  it("does not fire while messages flow along existing links", async () => {
    const scheduler = testScheduler();
    const a = new Relay().activate(scheduler);
    const b = new Relay().activate(scheduler);
    a.link([a, "outbox"], [b, "inbox"]);
    scheduler.runUntilIdle();
    await afterBurst();
    const events = countTopologyEvents(scheduler);
    a.send("hello");
    scheduler.runUntilIdle();
    expect(b.recv()).toBe("hello");
    await afterBurst();
    expect(events.count).toBe(0);
  });

  it("dispatches nothing when nobody listens", async () => {
    const scheduler = testScheduler();
    const dispatch = vi.spyOn(scheduler, "dispatchEvent");
    const a = new Relay().activate(scheduler);
    const b = new Relay().activate(scheduler);
    a.link([a, "outbox"], [b, "inbox"]);
    scheduler.runUntilIdle();
    a.stop();
    await afterBurst();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it("dispatches nothing once the last listener has been removed", async () => {
    const scheduler = testScheduler();
    const dispatch = vi.spyOn(scheduler, "dispatchEvent");
    const listener = vi.fn();
    scheduler.addEventListener("topology", listener);
    scheduler.removeEventListener("topology", listener);
    new Relay().activate(scheduler);
    await afterBurst();
    expect(dispatch).not.toHaveBeenCalled();
    expect(listener).not.toHaveBeenCalled();
  });
});
