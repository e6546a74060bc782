import { describe, expect, it } from "vitest";
import { ComponentError } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Collector, Harness, MockChild, Thrower, drain, rejection, testScheduler, thrown } from "../test-support/harness.js";
import { Graphline, type GraphlineLinkages } from "./Graphline.js";
import { Pipeline } from "./Pipeline.js";

type Children = Readonly<Record<string, MockChild>>;

function mockChildren<Name extends string>(...names: Name[]): Record<Name, MockChild> {
  return Object.fromEntries(names.map((name) => [name, new MockChild()])) as Record<Name, MockChild>;
}

/** A running Graphline of `children`, with a feeder and a collector on each of its boxes. */
function running(children: Children, linkages: GraphlineLinkages): Harness {
  return new Harness(new Graphline(children, { linkages })).settle();
}

type End = readonly [Component, string];

/**
 * Sends a fresh message from `source` (a box of a child, or an inbox of the Graphline) and checks that
 * it reaches exactly `targets` (inboxes of children, or outboxes of the Graphline) and no other child.
 */
function checkDataFlows(harness: Harness, children: Children, source: End, ...targets: End[]): void {
  const graphline = harness.component;
  const message = { sentFrom: source[1] };
  if (source[0] === graphline) harness.send(source[1], message).settle();
  else source[0].send(message, source[1]);
  for (const [component, box] of targets) {
    expect(component === graphline ? harness.take(box) : drain(component, box)).toEqual([message]);
  }
  const reached = targets.map(([component]) => component);
  for (const child of Object.values(children)) if (!reached.includes(child)) expect(child.anyReady()).toBe(false);
}

function stopAll(children: Children): void {
  for (const child of Object.values(children)) child.stopNow();
}

describe("Graphline", () => {
  it("activates its children, linked or not, only once it is activated itself, on its own scheduler", () => {
    const scheduler = testScheduler();
    const children = mockChildren("A", "B", "C");
    const graphline = new Graphline(children, { linkages: { "A.outbox": "B.inbox" } });
    scheduler.runUntilIdle();
    expect(Object.values(children).some((child) => child.wasActivated || child.scheduler !== null)).toBe(false);
    graphline.activate(scheduler);
    scheduler.runUntilIdle();
    expect(Object.values(children).every((child) => child.wasActivated && child.scheduler === scheduler)).toBe(true);
  });

  it("has no children before it runs, and the named components as children once it runs", () => {
    const children = mockChildren("A", "B");
    const graphline = new Graphline(children, { linkages: {} });
    expect(graphline.childComponents()).toEqual([]);
    new Harness(graphline).settle();
    expect(graphline.childComponents()).toEqual([children.A, children.B]);
  });

  it("links a child's box to another's along a linkage, and the message goes nowhere else", () => {
    const children = mockChildren("A", "B", "C");
    const harness = running(children, { "A.outbox": "B.inbox" });
    checkDataFlows(harness, children, [children.A, "outbox"], [children.B, "inbox"]);
  });

  it("makes every linkage of the table, in either direction between children", () => {
    const children = mockChildren("A", "B", "C", "D");
    const { A, B, C, D } = children;
    const harness = running(children, {
      "A.outbox": "B.inbox",
      "C.outbox": "D.control",
      "C.signal": "A.inbox",
      "B.signal": "A.control",
    });
    checkDataFlows(harness, children, [A, "outbox"], [B, "inbox"]);
    checkDataFlows(harness, children, [C, "outbox"], [D, "control"]);
    checkDataFlows(harness, children, [C, "signal"], [A, "inbox"]);
    checkDataFlows(harness, children, [B, "signal"], [A, "control"]);
  });

  it("accepts Kamaelia's tuple form of the linkage table", () => {
    const children = mockChildren("A", "B", "C");
    const { A, B, C } = children;
    const harness = running(children, [
      [["A", "outbox"], ["B", "inbox"]],
      [["B", "signal"], ["C", "control"]],
      [["self", "inbox"], ["C", "inbox"]],
    ]);
    checkDataFlows(harness, children, [A, "outbox"], [B, "inbox"]);
    checkDataFlows(harness, children, [B, "signal"], [C, "control"]);
    checkDataFlows(harness, children, [harness.component, "inbox"], [C, "inbox"]);
  });

  it("terminates when all its children have terminated, but not before", () => {
    const children = mockChildren("A", "B", "C");
    const harness = running(children, { "A.outbox": "B.inbox" });
    for (const child of Object.values(children)) {
      expect(harness.scheduler.listAllThreads()).toContain(harness.component);
      child.stopNow();
      harness.settle();
    }
    expect(harness.component.finished).toBe(true);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it.each(["", "self"])("links its own inbox and control to children when a linkage starts at %j", (self) => {
    const children = mockChildren("A", "B", "C");
    const { A, B } = children;
    const harness = running(children, { [`${self}.inbox`]: "A.control", [`${self}.control`]: "B.inbox", "C.outbox": "A.inbox" });
    checkDataFlows(harness, children, [harness.component, "inbox"], [A, "control"]);
    checkDataFlows(harness, children, [harness.component, "control"], [B, "inbox"]);
  });

  it.each(["", "self"])("sends children's messages out of its own outbox and signal when a linkage ends at %j", (self) => {
    const children = mockChildren("A", "B", "C");
    const { A, B } = children;
    const harness = running(children, { "A.outbox": `${self}.signal`, "B.signal": `${self}.outbox`, "C.outbox": "A.inbox" });
    checkDataFlows(harness, children, [A, "outbox"], [harness.component, "signal"]);
    checkDataFlows(harness, children, [B, "signal"], [harness.component, "outbox"]);
  });

  it("creates the inboxes and outboxes it lacks that the linkage table names on it", () => {
    const children = mockChildren("A", "B", "C");
    const { A, B } = children;
    const graphline = new Graphline(children, {
      linkages: {
        ".novel-inbox": "A.control",
        "self.another-novel-inbox": "B.inbox",
        "A.outbox": ".novel-outbox",
        "B.signal": "self.another-novel-outbox",
      },
    });
    expect(Object.keys(graphline.inboxes)).toEqual(["inbox", "control", "novel-inbox", "another-novel-inbox"]);
    expect(Object.keys(graphline.outboxes).filter((box) => !box.startsWith("_"))).toEqual(["outbox", "signal", "novel-outbox", "another-novel-outbox"]);
    const harness = new Harness(graphline).settle();
    checkDataFlows(harness, children, [graphline, "novel-inbox"], [A, "control"]);
    checkDataFlows(harness, children, [graphline, "another-novel-inbox"], [B, "inbox"]);
    checkDataFlows(harness, children, [A, "outbox"], [graphline, "novel-outbox"]);
    checkDataFlows(harness, children, [B, "signal"], [graphline, "another-novel-outbox"]);
  });

  it("creates new boxes on that Graphline only, not on its class or on other Graphlines", () => {
    const first = new Graphline({ A: new Component() }, { linkages: { ".extra": "A.inbox", "A.outbox": ".result" } });
    const second = new Graphline({ A: new Component() }, { linkages: {} });
    expect(Object.keys(first.inboxes)).toContain("extra");
    expect(Object.keys(first.outboxes)).toContain("result");
    expect(Object.keys(second.inboxes)).toEqual(["inbox", "control"]);
    expect(Object.keys(second.outboxes).filter((box) => !box.startsWith("_"))).toEqual(["outbox", "signal"]);
    expect(Graphline.Inboxes).toEqual(Component.Inboxes);
    expect(Graphline.Outboxes).toEqual(Component.Outboxes);
  });

  it("sends ProducerFinished from signal once every child has ended, and nothing before", () => {
    const children = mockChildren("A", "B", "C");
    const harness = running(children, { "A.outbox": "B.inbox" });
    expect(harness.take("signal")).toEqual([]);
    stopAll(children);
    harness.settle();
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component.finished).toBe(true);
  });

  it("passes each message on its unwired control to every child whose control is unwired", () => {
    const children = mockChildren("A", "B", "C");
    const { A, B, C } = children;
    const harness = running(children, { "A.outbox": "B.control" });
    const message = new ShutdownMicroprocess();
    harness.send("control", message).settle();
    expect([drain(A, "control"), drain(B, "control"), drain(C, "control")]).toEqual([[message], [], [message]]);
    expect(harness.take("outbox")).toEqual([]);
  });

  it("passes control messages only to children that have not ended", () => {
    const children = mockChildren("A", "B");
    const { A, B } = children;
    const harness = running(children, {});
    A.stopNow();
    harness.settle().send("control", "reload").settle();
    expect([A.finished, drain(A, "control"), drain(B, "control")]).toEqual([true, [], ["reload"]]);
  });

  it("passes control messages to a child whose control leads on inside it, such as a Pipeline", async () => {
    const collector = new Collector();
    const harness = new Harness(new Graphline({ WORK: new Pipeline(collector) }, { linkages: { "self.inbox": "WORK.inbox" } }));
    harness.send("inbox", "job").send("control", new ProducerFinished());
    await harness.finish();
    expect([collector.received, collector.control]).toEqual([["job"], [expect.any(ProducerFinished)]]);
  });

  it("sends on a ShutdownMicroprocess its unwired control received once every child has ended", () => {
    const children = mockChildren("A", "B", "C");
    const harness = running(children, { "A.outbox": "B.control" });
    const message = new ShutdownMicroprocess();
    harness.send("control", message).settle();
    expect([harness.component.finished, harness.take("signal")]).toEqual([false, []]);
    stopAll(children);
    harness.settle();
    expect(harness.component.finished).toBe(true);
    expect(harness.take("signal")).toEqual([message]);
  });

  it("sends a fresh ProducerFinished at the end after any other control message", () => {
    const children = mockChildren("A", "B", "C");
    const harness = running(children, { "A.outbox": "B.control" });
    const message = new ProducerFinished();
    harness.send("control", message).settle();
    stopAll(children);
    harness.settle();
    const [sent] = harness.take("signal");
    expect(sent).toBeInstanceOf(ProducerFinished);
    expect(sent).not.toBe(message);
  });

  it("passes control messages only along the linkage when its control is wired", () => {
    const children = mockChildren("A", "B", "C");
    const harness = running(children, { ".control": "A.control" });
    checkDataFlows(harness, children, [harness.component, "control"], [children.A, "control"]);
  });

  it.each([new ProducerFinished(), new ShutdownMicroprocess(), "flurble"])(
    "with control wired and signal not, sends a fresh ProducerFinished at the end whatever control got (%s)",
    (message) => {
      const children = mockChildren("A", "B", "C");
      const harness = running(children, { ".control": "A.control", "A.outbox": "B.control" });
      harness.send("control", message).settle();
      expect(harness.component.finished).toBe(false);
      stopAll(children);
      harness.settle();
      const signals = harness.take("signal");
      expect(signals).toEqual([expect.any(ProducerFinished)]);
      expect(signals[0]).not.toBe(message);
    },
  );

  it("sends nothing of its own from signal when a child is wired to it, before or after its children end", () => {
    const children = mockChildren("A", "B", "C");
    const harness = running(children, { "A.signal": ".signal", "A.outbox": "B.control" });
    harness.send("control", new ProducerFinished(), new ShutdownMicroprocess()).settle();
    expect([harness.component.finished, harness.take("signal")]).toEqual([false, []]);
    stopAll(children);
    harness.settle();
    expect([harness.component.finished, harness.take("signal"), harness.take("outbox")]).toEqual([true, [], []]);
  });

  it("with both control and signal wired, sends only what its children send", () => {
    const children = mockChildren("A", "B", "C");
    const { A, B, C } = children;
    const harness = running(children, { ".control": "A.control", "A.signal": ".signal", "B.outbox": "C.inbox" });
    checkDataFlows(harness, children, [harness.component, "control"], [A, "control"]);
    checkDataFlows(harness, children, [A, "signal"], [harness.component, "signal"]);
    checkDataFlows(harness, children, [B, "outbox"], [C, "inbox"]);
    stopAll(children);
    harness.settle();
    expect([harness.component.finished, harness.take("signal"), harness.take("outbox")]).toEqual([true, [], []]);
  });

  it("with no children, ends as soon as it runs, sending ProducerFinished", async () => {
    const harness = new Harness(new Graphline({}, { linkages: {} }));
    await harness.finish();
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("throws NoSuchChild for a linkage naming a child it does not have", () => {
    const children = { A: new Component(), B: new Component() };
    expect(thrown(() => new Graphline(children, { linkages: { "A.outbox": "C.inbox" } }))).toMatchInlineSnapshot(`"NoSuchChild: Graphline_N has no child named "C". Its children are "A", "B". Check the spelling; use "" or "self" for the Graphline's own boxes."`);
    expect(thrown(() => new Graphline(children, { linkages: [[["pig", "outbox"], ["A", "inbox"]]] }))).toMatchInlineSnapshot(`"NoSuchChild: Graphline_N has no child named "pig". Its children are "A", "B". Check the spelling; use "" or "self" for the Graphline's own boxes."`);
  });

  // Easy to do in a page's runner, where types are not checked.
  it("throws InvalidLinkage saying to pass { linkages } when given the linkages themselves as its options", () => {
    const children = { A: new Component(), B: new Component() };
    const options = { "A.outbox": "B.inbox" } as unknown as ConstructorParameters<typeof Graphline>[1];
    expect(thrown(() => new Graphline(children, options))).toMatchInlineSnapshot(`"InvalidLinkage: Graphline takes its linkages in its options as { linkages: { ... } }: new Graphline(children, { linkages: { "A.outbox": "B.inbox" } }). It was given an object with "A.outbox"."`);
    expect(thrown(() => new Graphline(children, undefined as unknown as ConstructorParameters<typeof Graphline>[1]))).toMatch(/It was given no options\.$/);
  });

  it("throws InvalidLinkage for linkage text without a box name", () => {
    const children = { A: new Component(), B: new Component() };
    expect(thrown(() => new Graphline(children, { linkages: { A: "B.inbox" } }))).toMatchInlineSnapshot(`"InvalidLinkage: Graphline linkage from "A" has no box: write "child.box" (e.g. "A.outbox"), or ".box" / "self.box" for the Graphline's own box."`);
    expect(thrown(() => new Graphline(children, { linkages: { "A.outbox": "B" } }))).toMatchInlineSnapshot(`"InvalidLinkage: Graphline linkage to "B" has no box: write "child.box" (e.g. "A.outbox"), or ".box" / "self.box" for the Graphline's own box."`);
    expect(thrown(() => new Graphline(children, { linkages: { "A.outbox": "B." } }))).toMatchInlineSnapshot(`"InvalidLinkage: Graphline linkage to "B." has no box: write "child.box" (e.g. "A.outbox"), or ".box" / "self.box" for the Graphline's own box."`);
  });

  it("throws InvalidLinkage for a tuple-form linkage that is not a pair of [name, box] pairs", () => {
    const children = { A: new Component(), B: new Component() };
    const linkages = (...linkage: unknown[]) => ({ linkages: linkage as unknown as GraphlineLinkages });
    expect(thrown(() => new Graphline(children, linkages(["A.outbox", "B.inbox"])))).toMatchInlineSnapshot(`"InvalidLinkage: Graphline linkage from "A.outbox" is not a [name, box] pair: write [["A", "outbox"], ["B", "inbox"]] for each linkage, or use the text form { "A.outbox": "B.inbox" }."`);
    expect(thrown(() => new Graphline(children, linkages([["A", "outbox"]])))).toMatchInlineSnapshot(`"InvalidLinkage: Graphline linkage to undefined is not a [name, box] pair: write [["A", "outbox"], ["B", "inbox"]] for each linkage, or use the text form { "A.outbox": "B.inbox" }."`);
    expect(thrown(() => new Graphline(children, linkages([["A", "outbox"], ["B"]])))).toMatchInlineSnapshot(`"InvalidLinkage: Graphline linkage to ["B"] is not a [name, box] pair: write [["A", "outbox"], ["B", "inbox"]] for each linkage, or use the text form { "A.outbox": "B.inbox" }."`);
  });

  it("refuses a child named like the Graphline itself, or one that is not a component instance", () => {
    expect(thrown(() => new Graphline({ self: new Component() }, { linkages: {} }))).toMatchInlineSnapshot(`"InvalidLinkage: Graphline child name "self" is reserved for the Graphline itself; pick another."`);
    expect(thrown(() => new Graphline({ A: Component as unknown as Component }, { linkages: {} }))).toMatchInlineSnapshot(`"BadComponent: the class Component is not a component. Graphline child "A" must be a component instance."`);
    const notAComponent: unknown = {};
    expect(thrown(() => new Graphline({ A: notAComponent as Component }, { linkages: {} }))).toMatchInlineSnapshot(`"BadComponent: an object is not a component. Graphline child "A" must be a component instance."`);
  });

  it("ends with the error of a child that throws, naming that child", async () => {
    const failure = new Error("bad frame");
    const children = { A: new MockChild(), BROKEN: new Thrower(failure, 2) };
    const graphline = new Graphline(children, { linkages: { "A.outbox": "BROKEN.inbox" } });
    const scheduler = testScheduler();
    graphline.activate(scheduler);
    const error = await rejection(scheduler.runThreads());
    expect(error).toBeInstanceOf(ComponentError);
    expect([(error as ComponentError).component, (error as ComponentError).cause]).toEqual([children.BROKEN, failure]);
    expect(graphline.exitError).toBe(error);
    expect(children.A.finished).toBe(true);
  });
});
