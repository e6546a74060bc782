import { describe, expect, it, vi } from "vitest";
import { Harness, drain, runUntilQuiet } from "../test-support/harness.js";
import { AdaptiveCommsComponent } from "./AdaptiveCommsComponent.js";
import { Component, type BoxDeclaration } from "./Component.js";
import { Introspector } from "./Introspector.js";
import { ProducerFinished, ShutdownMicroprocess } from "./Ipc.js";

/** Sleeps until stopped. */
class Sleeper extends Component {
  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      this.pause();
      yield;
    }
  }
}

/** Sleeps until stopped; its only box is "outbox". */
class Source extends Sleeper {
  static override Inboxes: BoxDeclaration = [];
  static override Outboxes: BoxDeclaration = ["outbox"];
}

/** Sleeps until stopped; its only box is "inbox". */
class Sink extends Sleeper {
  static override Inboxes: BoxDeclaration = ["inbox"];
  static override Outboxes: BoxDeclaration = [];
}

/** Sleeps until stopped; one inbox and one outbox, as a container forwarding to a child. */
class Relay extends Sleeper {
  static override Inboxes: BoxDeclaration = ["inbox"];
  static override Outboxes: BoxDeclaration = ["outbox"];
}

/** Sleeps until stopped; starts with no boxes at all. */
class Hub extends AdaptiveCommsComponent {
  static override Inboxes: BoxDeclaration = [];
  static override Outboxes: BoxDeclaration = [];

  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      this.pause();
      yield;
    }
  }
}

/** The report text: each line ended by a newline. */
function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join("");
}

/** The lines that add a component with its boxes, as the introspector writes them. */
function componentNode(id: number, name: string, inboxes: readonly string[], outboxes: readonly string[]): string[] {
  const c = String(id);
  return [
    `ADD NODE "${c}" "${name}" randompos component`,
    ...inboxes.flatMap((box) => [`ADD NODE "${c}.i.${box}" "${box}" randompos inbox`, `ADD LINK "${c}" "${c}.i.${box}"`]),
    ...outboxes.flatMap((box) => [`ADD NODE "${c}.o.${box}" "${box}" randompos outbox`, `ADD LINK "${c}" "${c}.o.${box}"`]),
  ];
}

/** An introspector with a source linked to a sink on its scheduler, after its first full report. */
async function runningSystem(): Promise<{ h: Harness; introspector: Introspector; source: Source; sink: Sink }> {
  const introspector = new Introspector();
  const h = new Harness(introspector);
  const source = new Source().activate(h.scheduler);
  const sink = new Sink().activate(h.scheduler);
  source.link([source, "outbox"], [sink, "inbox"]);
  await runUntilQuiet(h.scheduler);
  h.take();
  return { h, introspector, source, sink };
}

describe("Introspector reports", () => {
  it("sends DEL ALL, then the whole system in one string: nodes with their boxes, then links", async () => {
    const introspector = new Introspector();
    const h = new Harness(introspector);
    const source = new Source().activate(h.scheduler);
    const sink = new Sink().activate(h.scheduler);
    source.link([source, "outbox"], [sink, "inbox"]);
    await runUntilQuiet(h.scheduler);
    const [i, s, k] = [String(introspector.id), String(source.id), String(sink.id)];
    expect(h.take()).toEqual([
      "DEL ALL\n",
      lines(
        `ADD NODE "${i}" "Introspector_${i}" randompos component`,
        `ADD NODE "${i}.i.inbox" "inbox" randompos inbox`,
        `ADD LINK "${i}" "${i}.i.inbox"`,
        `ADD NODE "${i}.i.control" "control" randompos inbox`,
        `ADD LINK "${i}" "${i}.i.control"`,
        `ADD NODE "${i}.o.outbox" "outbox" randompos outbox`,
        `ADD LINK "${i}" "${i}.o.outbox"`,
        `ADD NODE "${i}.o.signal" "signal" randompos outbox`,
        `ADD LINK "${i}" "${i}.o.signal"`,
        `ADD NODE "${s}" "Source_${s}" randompos component`,
        `ADD NODE "${s}.o.outbox" "outbox" randompos outbox`,
        `ADD LINK "${s}" "${s}.o.outbox"`,
        `ADD NODE "${k}" "Sink_${k}" randompos component`,
        `ADD NODE "${k}.i.inbox" "inbox" randompos inbox`,
        `ADD LINK "${k}" "${k}.i.inbox"`,
        `ADD LINK "${s}.o.outbox" "${k}.i.inbox"`,
      ),
    ]);
  });

  it("reports a new link as one ADD LINK line", async () => {
    const { h, source, sink } = await runningSystem();
    const other = new Sink().activate(h.scheduler);
    await runUntilQuiet(h.scheduler);
    h.take();
    source.unlink();
    source.link([source, "outbox"], [other, "inbox"]);
    await runUntilQuiet(h.scheduler);
    const [s, k, o] = [String(source.id), String(sink.id), String(other.id)];
    expect(h.take()).toEqual([lines(`DEL LINK "${s}.o.outbox" "${k}.i.inbox"`, `ADD LINK "${s}.o.outbox" "${o}.i.inbox"`)]);
  });

  it("reports a component that ends: its links go, then its node and its boxes' nodes", async () => {
    const { h, source, sink } = await runningSystem();
    source.stop();
    await runUntilQuiet(h.scheduler);
    const [s, k] = [String(source.id), String(sink.id)];
    expect(h.take()).toEqual([
      lines(`DEL LINK "${s}.o.outbox" "${k}.i.inbox"`, `DEL NODE "${s}"`, `DEL NODE "${s}.o.outbox"`),
    ]);
  });

  it("reports a component that starts with its boxes", async () => {
    const { h } = await runningSystem();
    const late = new Relay().activate(h.scheduler);
    await runUntilQuiet(h.scheduler);
    expect(h.take()).toEqual([lines(...componentNode(late.id, `Relay_${String(late.id)}`, ["inbox"], ["outbox"]))]);
  });

  it("puts a burst of changes in one string: DEL LINK, DEL NODE, ADD NODE, then ADD LINK lines", async () => {
    const { h, source, sink } = await runningSystem();
    const next = new Source().activate(h.scheduler);
    source.stop();
    next.link([next, "outbox"], [sink, "inbox"]);
    await runUntilQuiet(h.scheduler);
    const [s, k, n] = [String(source.id), String(sink.id), String(next.id)];
    expect(h.take()).toEqual([
      lines(
        `DEL LINK "${s}.o.outbox" "${k}.i.inbox"`,
        `DEL NODE "${s}"`,
        `DEL NODE "${s}.o.outbox"`,
        ...componentNode(next.id, `Source_${n}`, [], ["outbox"]),
        `ADD LINK "${n}.o.outbox" "${k}.i.inbox"`,
      ),
    ]);
  });

  it("draws an inbox-to-inbox and an outbox-to-outbox passthrough between the right boxes", async () => {
    const { h } = await runningSystem();
    const parent = new Relay();
    const child = new Relay();
    parent.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
    parent.link([child, "outbox"], [parent, "outbox"], { passthrough: 2 });
    parent.activate(h.scheduler);
    child.activate(h.scheduler);
    await runUntilQuiet(h.scheduler);
    const [p, c] = [String(parent.id), String(child.id)];
    expect(h.take()).toEqual([
      lines(
        ...componentNode(parent.id, `Relay_${p}`, ["inbox"], ["outbox"]),
        ...componentNode(child.id, `Relay_${c}`, ["inbox"], ["outbox"]),
        `ADD LINK "${p}.i.inbox" "${c}.i.inbox"`,
        `ADD LINK "${c}.o.outbox" "${p}.o.outbox"`,
      ),
    ]);
  });

  it("reports boxes added to and deleted from a running component", async () => {
    const { h } = await runningSystem();
    const hub = new Hub().activate(h.scheduler);
    await runUntilQuiet(h.scheduler);
    const u = String(hub.id);
    expect(h.take()).toEqual([lines(`ADD NODE "${u}" "Hub_${u}" randompos component`)]);
    const client = hub.addInbox("client");
    await runUntilQuiet(h.scheduler);
    expect(h.take()).toEqual([lines(`ADD NODE "${u}.i.client" "client" randompos inbox`, `ADD LINK "${u}" "${u}.i.client"`)]);
    hub.deleteInbox(client);
    await runUntilQuiet(h.scheduler);
    expect(h.take()).toEqual([lines(`DEL NODE "${u}.i.client"`)]);
  });

  it("leaves out a linkage to a component that is not running", async () => {
    const { h, source } = await runningSystem();
    source.unlink();
    await runUntilQuiet(h.scheduler);
    h.take();
    source.link([source, "outbox"], [new Sink(), "inbox"]);
    await runUntilQuiet(h.scheduler);
    expect(h.take()).toEqual([]);
  });
});

describe("Introspector without polling", () => {
  it("sleeps while messages flow and nothing is wired or unwired", async () => {
    const { h, introspector, source, sink } = await runningSystem();
    const topology = vi.spyOn(h.scheduler, "topology");
    for (const n of [1, 2, 3]) source.send(n);
    await runUntilQuiet(h.scheduler);
    expect(drain(sink)).toEqual([1, 2, 3]);
    expect(topology).not.toHaveBeenCalled();
    expect(h.scheduler.isThreadPaused(introspector)).toBe(true);
    expect(h.take()).toEqual([]);
  });

  it("looks again only once per burst of changes", async () => {
    const { h } = await runningSystem();
    const topology = vi.spyOn(h.scheduler, "topology");
    const [a, b, c] = [new Relay(), new Relay(), new Relay()];
    for (const relay of [a, b, c]) relay.activate(h.scheduler);
    a.link([a, "outbox"], [b, "inbox"]);
    b.link([b, "outbox"], [c, "inbox"]);
    await runUntilQuiet(h.scheduler);
    expect(topology).toHaveBeenCalledTimes(1);
    expect(h.take()).toHaveLength(1);
  });
});

describe("Introspector control", () => {
  it("ignores control messages other than ShutdownMicroprocess", async () => {
    const { h, introspector } = await runningSystem();
    h.send("control", new ProducerFinished());
    await runUntilQuiet(h.scheduler);
    expect(introspector.finished).toBe(false);
    expect(h.take("signal")).toEqual([]);
    expect(h.take()).toEqual([]);
  });

  it("passes ShutdownMicroprocess on from signal and ends", async () => {
    const { h, introspector } = await runningSystem();
    const shutdown = new ShutdownMicroprocess();
    h.send("control", shutdown);
    await runUntilQuiet(h.scheduler);
    expect(h.take("signal")).toEqual([shutdown]);
    expect(h.take()).toEqual([]);
    expect(introspector.finished).toBe(true);
  });

  it("stops listening to its scheduler once it has ended", async () => {
    const { h } = await runningSystem();
    h.send("control", new ShutdownMicroprocess());
    await runUntilQuiet(h.scheduler);
    const dispatch = vi.spyOn(h.scheduler, "dispatchEvent");
    new Relay().activate(h.scheduler);
    await runUntilQuiet(h.scheduler);
    expect(dispatch).not.toHaveBeenCalled();
  });
});
