import { describe, expect, it } from "vitest";
import { Component } from "../axon/Component.js";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, drain } from "../test-support/harness.js";
import { AddSink, RemoveSink, Splitter } from "./Splitter.js";

function splitterWith(...sinks: AddSink[]): Harness {
  return new Harness(new Splitter()).send("configuration", ...sinks);
}

describe("Splitter", () => {
  it("sends each message to every attached inbox, in order, and nothing from outbox", () => {
    const [a, b] = [new Component(), new Component()];
    const harness = splitterWith(new AddSink(a), new AddSink(b)).send("inbox", 1, 2).settle();
    expect(drain(a)).toEqual([1, 2]);
    expect(drain(b)).toEqual([1, 2]);
    expect(harness.take("outbox")).toEqual([]);
  });

  it("sends to a destination attached later only what arrives after it", () => {
    const [a, b] = [new Component(), new Component()];
    const harness = splitterWith(new AddSink(a)).send("inbox", 1).settle();
    harness.send("configuration", new AddSink(b)).send("inbox", 2, 3).settle();
    expect(drain(a)).toEqual([1, 2, 3]);
    expect(drain(b)).toEqual([2, 3]);
  });

  it("stops sending to a removed destination and deletes the outbox that fed it", () => {
    const [a, b] = [new Component(), new Component()];
    const harness = splitterWith(new AddSink(a), new AddSink(b)).send("inbox", 1).settle();
    const splitter = harness.component;
    expect(Object.keys(splitter.outboxes)).toHaveLength(4);
    harness.send("configuration", new RemoveSink(b)).send("inbox", 2).settle();
    expect(drain(a)).toEqual([1, 2]);
    expect(drain(b)).toEqual([1]);
    expect(Object.keys(splitter.outboxes)).toEqual(["outbox", "signal", `${a.name}-inbox`]);
  });

  it("attaches a destination named twice only once", () => {
    const a = new Component();
    splitterWith(new AddSink(a), new AddSink(a)).send("inbox", "once").settle();
    expect(drain(a)).toEqual(["once"]);
  });

  it("sends to several inboxes of one component", () => {
    const a = new Component();
    a._createInbox("second");
    splitterWith(new AddSink(a, "inbox"), new AddSink(a, "second")).send("inbox", "x").settle();
    expect(drain(a, "inbox")).toEqual(["x"]);
    expect(drain(a, "second")).toEqual(["x"]);
  });

  it("sends out of an outbox of a container with passthrough 2", () => {
    const container = new Component();
    const outside = new Component();
    const wiring = new Component();
    wiring.link([container, "outbox"], [outside, "inbox"]);
    splitterWith(new AddSink(container, "outbox", null, 2)).send("inbox", "out").settle();
    expect(drain(outside)).toEqual(["out"]);
  });

  it("passes ProducerFinished from signal and to attached control inboxes after the waiting data, then ends", async () => {
    const a = new Component();
    const done = new ProducerFinished("source");
    const harness = splitterWith(new AddSink(a, "inbox", "control")).send("control", done).send("inbox", 1, 2);
    await harness.finish();
    expect(drain(a)).toEqual([1, 2]);
    expect(drain(a, "control")).toEqual([done]);
    expect(harness.take("signal")).toEqual([done]);
    expect(harness.component.finished).toBe(true);
  });

  it("passes ShutdownMicroprocess on at once without sending what was waiting", async () => {
    const a = new Component();
    const stop = new ShutdownMicroprocess();
    const harness = splitterWith(new AddSink(a, "inbox", "control")).send("inbox", 1).send("control", stop);
    await harness.finish();
    expect(drain(a)).toEqual([]);
    expect(drain(a, "control")).toEqual([stop]);
    expect(harness.take("signal")).toEqual([stop]);
  });

  it("unlinks every destination when it ends", async () => {
    const a = new Component();
    const harness = splitterWith(new AddSink(a)).send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.scheduler.topology().linkages.filter((l) => l.sink.id === a.id)).toEqual([]);
  });

  it("holds a message for a full destination, losing nothing, until it has room", () => {
    const [a, b] = [new Component(), new Component()];
    b.setInboxSize("inbox", 1);
    const harness = splitterWith(new AddSink(a), new AddSink(b)).send("inbox", 1, 2, 3).settle();
    expect(drain(a)).toEqual([1, 2]);
    expect(drain(b)).toEqual([1]);
    harness.settle();
    expect(drain(a)).toEqual([3]);
    expect(drain(b)).toEqual([2]);
  });

  it("frees itself from a full destination when that destination is removed", () => {
    const [a, stuck] = [new Component(), new Component()];
    stuck.setInboxSize("inbox", 1);
    const harness = splitterWith(new AddSink(a), new AddSink(stuck)).send("inbox", 1, 2, 3).settle();
    expect(drain(a)).toEqual([1, 2]);
    harness.send("configuration", new RemoveSink(stuck)).settle();
    expect(drain(a)).toEqual([3]);
    expect(drain(stuck)).toEqual([1]);
  });

  it("passes other control messages straight on from signal", () => {
    const harness = new Harness(new Splitter()).send("control", "rewind").settle();
    expect(harness.take("signal")).toEqual(["rewind"]);
    expect(harness.component.finished).toBe(false);
  });

  it("reports requests it cannot handle as ErrorInformation on signal", () => {
    const a = new Component();
    const harness = new Harness(new Splitter()).send("configuration", new AddSink(a, "nosuchbox"), new RemoveSink(a), "attach please").settle();
    const splitter = harness.component;
    const reports = harness.take("signal") as ErrorInformation[];
    expect(reports.map((r) => [r.constructor, r.caller])).toEqual(Array(3).fill([ErrorInformation, splitter]));
    expect(reports.map((r) => r.message)).toEqual([
      expect.stringContaining(`${splitter.name} could not attach ${a.name}: NoSuchBox: ${a.name} has no inbox named "nosuchbox".`),
      `${splitter.name} could not detach ${a.name}: it does not send to its "inbox" inbox. Name the inboxes the AddSink named.`,
      `${splitter.name} skipped the string "attach please" on its "configuration" inbox: it accepts AddSink or RemoveSink.`,
    ]);
    expect(Object.keys(splitter.outboxes)).toEqual(["outbox", "signal"]);
    expect(splitter.finished).toBe(false);
  });
});
