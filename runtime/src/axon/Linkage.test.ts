import { describe, expect, it } from "vitest";
import { drain, sleepingWakeCounters, testScheduler } from "../test-support/harness.js";
import { NoSpaceInBox } from "./AxonExceptions.js";
import { Component } from "./Component.js";
import type { Scheduler } from "./Scheduler.js";

/** Calls `fn`, expects it to throw NoSpaceInBox, and returns the error. */
function noSpace(fn: () => void): NoSpaceInBox {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NoSpaceInBox);
    return error as NoSpaceInBox;
  }
  throw new Error("expected NoSpaceInBox");
}

/** The length and capacity carried by the NoSpaceInBox that `fn` throws. */
function noSpaceFields(fn: () => void): [number, number] {
  const error = noSpace(fn);
  return [error.length, error.capacity];
}

describe("Linkage", () => {
  it("records the components, boxes and passthrough it links", () => {
    const wiring = new Component();
    const a = new Component();
    const b = new Component();
    const linkage = wiring.link([a, "signal"], [b, "control"]);
    expect(linkage.source).toBe(a);
    expect(linkage.sourcebox).toBe("signal");
    expect(linkage.sink).toBe(b);
    expect(linkage.sinkbox).toBe("control");
    expect(linkage.passthrough).toBe(0);
    expect(linkage.owner).toBe(wiring);
  });

  it("records passthrough 1 for inbox to inbox and 2 for outbox to outbox", () => {
    const parent = new Component();
    const child = new Component();
    expect(parent.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 }).passthrough).toBe(1);
    expect(parent.link([child, "outbox"], [parent, "outbox"], { passthrough: 2 }).passthrough).toBe(2);
  });

  it("gives its source and sink as [component, box] pairs", () => {
    const a = new Component();
    const b = new Component();
    const linkage = a.link([a, "outbox"], [b, "inbox"]);
    expect(linkage.sourcePair()).toEqual([a, "outbox"]);
    expect(linkage.sinkPair()).toEqual([b, "inbox"]);
    const reverse = a.link([b, "signal"], [a, "control"]);
    expect(reverse.sourcePair()).toEqual([b, "signal"]);
    expect(reverse.sinkPair()).toEqual([a, "control"]);
  });

  it("prints as Link( source:[name,box], sink:[name,box] )", () => {
    const a = new Component();
    const b = new Component();
    const linkage = a.link([a, "signal"], [b, "control"]);
    expect(String(linkage)).toBe(`Link( source:[${a.name},signal], sink:[${b.name},control] )`);
  });
});

describe("chains of linkages", () => {
  it("delivers from an outbox to an inbox, in order", () => {
    const wiring = new Component();
    const a = new Component();
    const b = new Component();
    wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.link([a, "signal"], [b, "control"]);
    a.send(1);
    a.send("done", "signal");
    a.send(2);
    expect(drain(b)).toEqual([1, 2]);
    expect(drain(b, "control")).toEqual(["done"]);
  });

  it("discards what is sent from an outbox that leads nowhere", () => {
    const a = new Component();
    const b = new Component();
    a.send("lost");
    a.link([a, "outbox"], [b, "inbox"]);
    a.send("kept");
    expect(drain(b)).toEqual(["kept"]);
  });

  it("forwards what arrives at an inbox into the inbox it is linked to (passthrough 1)", () => {
    const wiring = new Component();
    const source = new Component();
    const parent = new Component();
    const child = new Component();
    wiring.link([source, "outbox"], [parent, "inbox"]);
    wiring.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
    source.send("through");
    expect(parent.dataReady()).toBe(0);
    expect(drain(child)).toEqual(["through"]);
  });

  it("sends what leaves an outbox out of the outbox it is linked to (passthrough 2)", () => {
    const wiring = new Component();
    const child = new Component();
    const parent = new Component();
    const sink = new Component();
    wiring.link([child, "outbox"], [parent, "outbox"], { passthrough: 2 });
    wiring.link([parent, "outbox"], [sink, "inbox"]);
    child.send("out");
    expect(drain(sink)).toEqual(["out"]);
  });

  it("discards what reaches an outbox at the end of a chain", () => {
    const wiring = new Component();
    const child = new Component();
    const parent = new Component();
    const sink = new Component();
    wiring.link([child, "outbox"], [parent, "outbox"], { passthrough: 2 });
    child.send("lost");
    wiring.link([parent, "outbox"], [sink, "inbox"]);
    child.send("kept");
    expect(drain(sink)).toEqual(["kept"]);
  });

  const linkOrders = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ] as const;

  it.each(linkOrders)(
    "delivers along outbox, outbox, inbox, inbox whatever order the links are made in (%i, %i, %i)",
    (...order) => {
      const wiring = new Component();
      const [a, b, c, d] = [new Component(), new Component(), new Component(), new Component()];
      const links = [
        () => wiring.link([a, "outbox"], [b, "outbox"], { passthrough: 2 }),
        () => wiring.link([b, "outbox"], [c, "inbox"]),
        () => wiring.link([c, "inbox"], [d, "inbox"], { passthrough: 1 }),
      ] as const;
      for (const i of order) links[i]();
      a.send("from a");
      b.send("from b");
      expect(c.dataReady()).toBe(0);
      expect(drain(d)).toEqual(["from a", "from b"]);
    },
  );

  it("lets any number of outboxes feed one inbox", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    wiring.link([a, "outbox"], [c, "inbox"]);
    wiring.link([b, "outbox"], [c, "inbox"]);
    a.send("a1");
    b.send("b1");
    a.send("a2");
    expect(drain(c)).toEqual(["a1", "b1", "a2"]);
  });

  it("takes from the child's inbox when recv is called on an inbox that forwards to it, while dataReady reports 0", () => {
    const wiring = new Component();
    const [source, parent, child] = [new Component(), new Component(), new Component()];
    wiring.link([source, "outbox"], [parent, "inbox"]);
    wiring.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
    source.send("first");
    source.send("second");
    expect(parent.dataReady()).toBe(0);
    expect(parent.recv()).toBe("first");
    expect(drain(child)).toEqual(["second"]);
  });
});

describe("linking a box that holds messages", () => {
  it("moves the waiting messages, in order, into the new destination", () => {
    const wiring = new Component();
    const [source, parent, child] = [new Component(), new Component(), new Component()];
    wiring.link([source, "outbox"], [parent, "inbox"]);
    source.send(1);
    source.send(2);
    expect(parent.dataReady()).toBe(2);
    wiring.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
    expect(parent.dataReady()).toBe(0);
    source.send(3);
    expect(drain(child)).toEqual([1, 2, 3]);
  });

  it("moves them to the final inbox when the new destination forwards further", () => {
    const wiring = new Component();
    const [parent, child, grandchild] = [new Component(), new Component(), new Component()];
    wiring.link([child, "inbox"], [grandchild, "inbox"], { passthrough: 1 });
    const feeder = new Component();
    wiring.link([feeder, "outbox"], [parent, "inbox"]);
    feeder.send("waiting");
    wiring.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
    expect(child.dataReady()).toBe(0);
    expect(drain(grandchild)).toEqual(["waiting"]);
  });

  it("wakes the owner of the inbox the messages move into", () => {
    const scheduler = testScheduler();
    const [parent, child] = sleepingWakeCounters(scheduler, 2);
    const feeder = new Component();
    const wiring = new Component();
    wiring.link([feeder, "outbox"], [parent, "inbox"]);
    feeder.send("waiting");
    scheduler.runUntilIdle();
    parent.wakes = 0;
    wiring.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
    scheduler.runUntilIdle();
    expect([parent.wakes, child.wakes]).toEqual([0, 1]);
  });
});

describe("unlinking", () => {
  it("re-points the chain at the box the cut leaves last; messages already delivered stay", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "inbox"]);
    const forward = wiring.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    a.send("before");
    wiring.unlink({ thelinkage: forward });
    a.send("after");
    expect(drain(c)).toEqual(["before"]);
    expect(drain(b)).toEqual(["after"]);
  });

  it("makes an outbox discard again once its only link is removed", () => {
    const a = new Component();
    const b = new Component();
    const linkage = a.link([a, "outbox"], [b, "inbox"]);
    a.unlink({ thelinkage: linkage });
    a.send("lost");
    expect(b.dataReady()).toBe(0);
  });

  it("re-points every box upstream of the cut", () => {
    const wiring = new Component();
    const [a, b, c, d] = [new Component(), new Component(), new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "outbox"], { passthrough: 2 });
    wiring.link([b, "outbox"], [c, "inbox"]);
    const last = wiring.link([c, "inbox"], [d, "inbox"], { passthrough: 1 });
    wiring.unlink({ thelinkage: last });
    a.send("from a");
    b.send("from b");
    expect(d.dataReady()).toBe(0);
    expect(drain(c)).toEqual(["from a", "from b"]);
  });
});

describe("inbox size limits", () => {
  function limited(size: number): [Component, Component] {
    const producer = new Component();
    const consumer = new Component();
    consumer.setInboxSize("inbox", size);
    producer.link([producer, "outbox"], [consumer, "inbox"]);
    return [producer, consumer];
  }

  it("accepts exactly as many messages as the limit", () => {
    const [producer, consumer] = limited(5);
    for (let i = 0; i < 5; i++) producer.send(i);
    expect(drain(consumer)).toEqual([0, 1, 2, 3, 4]);
  });

  it("refuses one more with NoSpaceInBox carrying the length and capacity, and does not deliver it", () => {
    const [producer, consumer] = limited(5);
    for (let i = 0; i < 5; i++) producer.send(i);
    const error = noSpace(() => {
      producer.send("sixth");
    });
    expect([error.length, error.capacity]).toEqual([5, 5]);
    expect(drain(consumer)).toEqual([0, 1, 2, 3, 4]);
  });

  it("lets k more in once k have been taken out", () => {
    const [producer, consumer] = limited(5);
    for (let i = 0; i < 5; i++) producer.send(i);
    expect([consumer.recv(), consumer.recv(), consumer.recv()]).toEqual([0, 1, 2]);
    for (let i = 5; i < 8; i++) producer.send(i);
    expect(noSpace(() => { producer.send("ninth"); }).length).toBe(5);
    expect(drain(consumer)).toEqual([3, 4, 5, 6, 7]);
  });

  it("takes Infinity as no limit", () => {
    const [producer, consumer] = limited(Infinity);
    for (let i = 0; i < 9999; i++) producer.send(i);
    expect(consumer.dataReady()).toBe(9999);
  });

  it("lifts a limit when it is set back to Infinity", () => {
    const [producer, consumer] = limited(5);
    for (let i = 0; i < 5; i++) producer.send(i);
    consumer.setInboxSize("inbox", Infinity);
    for (let i = 5; i < 500; i++) producer.send(i);
    expect(consumer.dataReady()).toBe(500);
  });

  it("keeps the messages waiting when lowered below them, and refuses more until enough are taken", () => {
    const [producer, consumer] = limited(Infinity);
    for (let i = 0; i < 4; i++) producer.send(i);
    consumer.setInboxSize("inbox", 2);
    expect(noSpaceFields(() => { producer.send("refused"); })).toEqual([4, 2]);
    consumer.recv();
    consumer.recv();
    expect(noSpaceFields(() => { producer.send("still refused"); })).toEqual([2, 2]);
    consumer.recv();
    producer.send("fits");
    expect(drain(consumer)).toEqual([3, "fits"]);
  });

  it("is shared by every producer feeding the inbox, directly or through passthrough outboxes", () => {
    const [a, b, c, d, e] = [new Component(), new Component(), new Component(), new Component(), new Component()];
    e.setInboxSize("inbox", 16);
    a.link([a, "outbox"], [e, "inbox"]);
    b.link([b, "outbox"], [e, "inbox"]);
    c.link([c, "outbox"], [b, "outbox"], { passthrough: 2 });
    d.link([d, "outbox"], [b, "outbox"], { passthrough: 2 });
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round++) {
      for (const producer of [a, b, c, d]) {
        try {
          producer.send(round);
          outcomes.push("sent");
        } catch (error) {
          outcomes.push(error instanceof NoSpaceInBox ? "full" : "other");
        }
      }
    }
    expect(outcomes).toEqual([...Array<string>(16).fill("sent"), ...Array<string>(8).fill("full")]);
  });

  it("has no effect on an inbox in the middle of a chain", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    b.setInboxSize("inbox", 5);
    wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    for (let i = 0; i < 10; i++) a.send(i);
    expect(c.dataReady()).toBe(10);
  });

  it("takes effect on an inbox in the middle of a chain once the chain is cut after it", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    b.setInboxSize("inbox", 5);
    wiring.link([a, "outbox"], [b, "inbox"]);
    const forward = wiring.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    for (let i = 0; i < 10; i++) a.send(i);
    wiring.unlink({ thelinkage: forward });
    for (let i = 0; i < 5; i++) a.send(i);
    expect(noSpaceFields(() => { a.send("sixth"); })).toEqual([5, 5]);
    expect(c.dataReady()).toBe(10);
  });

  it("is set on the sink inbox by pipewidth", () => {
    const producer = new Component();
    const consumer = new Component();
    producer.link([producer, "outbox"], [consumer, "inbox"], { pipewidth: 2 });
    producer.send(1);
    producer.send(2);
    expect(noSpaceFields(() => { producer.send(3); })).toEqual([2, 2]);
  });

  it("set by pipewidth applies to every producer of that inbox", () => {
    const [a, b, consumer] = [new Component(), new Component(), new Component()];
    a.link([a, "outbox"], [consumer, "inbox"], { pipewidth: 2 });
    b.link([b, "outbox"], [consumer, "inbox"]);
    a.send("a");
    b.send("b");
    expect(noSpace(() => { b.send("b again"); }).capacity).toBe(2);
    expect(drain(consumer)).toEqual(["a", "b"]);
  });

  it("takes a pipewidth on an inbox in the middle of a chain into account only once the chain is cut there", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "inbox"], { pipewidth: 1 });
    const forward = wiring.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    a.send(1);
    a.send(2);
    wiring.unlink({ thelinkage: forward });
    a.send(3);
    expect(noSpace(() => { a.send(4); }).capacity).toBe(1);
    expect(drain(c)).toEqual([1, 2]);
    expect(drain(b)).toEqual([3]);
  });
});

describe("wake-up notifications", () => {
  it("leaves paused components paused when nothing happens", () => {
    const scheduler = testScheduler();
    const [a, b] = sleepingWakeCounters(scheduler, 2);
    a.link([a, "outbox"], [b, "inbox"]);
    b.link([b, "outbox"], [a, "inbox"]);
    for (let i = 0; i < 100; i++) scheduler.step();
    expect([a.wakes, b.wakes]).toEqual([0, 0]);
  });

  it("wakes the consumer when a message arrives in its inbox", () => {
    const scheduler = testScheduler();
    const [a, b] = sleepingWakeCounters(scheduler, 2);
    a.link([a, "outbox"], [b, "inbox"]);
    a.send("hello");
    scheduler.runUntilIdle();
    expect(b.wakes).toBe(1);
  });

  it("wakes the consumer on every arrival, even into an inbox that already holds messages", () => {
    const scheduler = testScheduler();
    const [a, b] = sleepingWakeCounters(scheduler, 2);
    a.link([a, "outbox"], [b, "inbox"]);
    a.send(1);
    scheduler.runUntilIdle();
    a.send(2);
    scheduler.runUntilIdle();
    expect(b.wakes).toBe(2);
    expect(b.dataReady()).toBe(2);
  });

  it("wakes a consumer for a message arriving in any of its inboxes", () => {
    const scheduler = testScheduler();
    const [a, b] = sleepingWakeCounters(scheduler, 2);
    a.link([a, "signal"], [b, "control"]);
    a.send("stop", "signal");
    scheduler.runUntilIdle();
    expect(b.wakes).toBe(1);
  });

  it("does not wake the sender when it sends", () => {
    const scheduler = testScheduler();
    const [a, b] = sleepingWakeCounters(scheduler, 2);
    a.link([a, "outbox"], [b, "inbox"]);
    a.send("hello");
    scheduler.runUntilIdle();
    expect(a.wakes).toBe(0);
  });

  it("wakes the producer when the consumer collects its message", () => {
    const scheduler = testScheduler();
    const [a, b] = sleepingWakeCounters(scheduler, 2);
    a.link([a, "outbox"], [b, "inbox"]);
    a.send("hello");
    scheduler.runUntilIdle();
    b.recv();
    scheduler.runUntilIdle();
    expect(a.wakes).toBe(1);
  });

  it("wakes only the owner of the final inbox of a chain when a message arrives", () => {
    const scheduler = testScheduler();
    const [a, b, c, d] = sleepingWakeCounters(scheduler, 4);
    a.link([a, "outbox"], [b, "inbox"]);
    b.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    c.link([c, "inbox"], [d, "inbox"], { passthrough: 1 });
    a.send("hello");
    scheduler.runUntilIdle();
    expect([a.wakes, b.wakes, c.wakes, d.wakes]).toEqual([0, 0, 0, 1]);
  });

  it("wakes only outbox owners, not the inbox owners along the chain, when a message is collected", () => {
    const scheduler = testScheduler();
    const [a, b, c, d] = sleepingWakeCounters(scheduler, 4);
    a.link([a, "outbox"], [b, "inbox"]);
    b.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    c.link([c, "inbox"], [d, "inbox"], { passthrough: 1 });
    a.send("hello");
    scheduler.runUntilIdle();
    d.wakes = 0;
    d.recv();
    scheduler.runUntilIdle();
    expect([a.wakes, b.wakes, c.wakes, d.wakes]).toEqual([1, 0, 0, 0]);
  });

  /**
   * Six sleeping counters: a.outbox -> b.outbox -> c.outbox -> d.inbox -> e.inbox, each link made by its
   * source's owner, and f, not linked.
   */
  function outboxChain(scheduler: Scheduler) {
    const all = sleepingWakeCounters(scheduler, 6);
    const [a, b, c, d, e] = all;
    const links = [
      a.link([a, "outbox"], [b, "outbox"], { passthrough: 2 }),
      b.link([b, "outbox"], [c, "outbox"], { passthrough: 2 }),
      c.link([c, "outbox"], [d, "inbox"]),
      d.link([d, "inbox"], [e, "inbox"], { passthrough: 1 }),
    ] as const;
    return { all, links };
  }

  it("wakes the owner of every outbox upstream when a message is collected", () => {
    const scheduler = testScheduler();
    const { all } = outboxChain(scheduler);
    const [a, , , , e] = all;
    a.send("hello");
    scheduler.runUntilIdle();
    for (const counter of all) counter.wakes = 0;
    e.recv();
    scheduler.runUntilIdle();
    expect(all.map((counter) => counter.wakes)).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it("stops waking the owners cut off from the chain", () => {
    const scheduler = testScheduler();
    const { all, links } = outboxChain(scheduler);
    const [a, b, , , e] = all;
    a.send("hello");
    scheduler.runUntilIdle();
    b.unlink({ thelinkage: links[1] });
    scheduler.runUntilIdle();
    for (const counter of all) counter.wakes = 0;
    e.recv();
    scheduler.runUntilIdle();
    expect(all.map((counter) => counter.wakes)).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it("wakes the owners linked back into the chain again", () => {
    const scheduler = testScheduler();
    const { all, links } = outboxChain(scheduler);
    const [a, b, c, , e] = all;
    a.send("hello");
    scheduler.runUntilIdle();
    b.unlink({ thelinkage: links[1] });
    scheduler.runUntilIdle();
    b.link([b, "outbox"], [c, "outbox"], { passthrough: 2 });
    scheduler.runUntilIdle();
    for (const counter of all) counter.wakes = 0;
    e.recv();
    scheduler.runUntilIdle();
    expect(all.map((counter) => counter.wakes)).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it("wakes a newly linked-in outbox owner for a message it did not send", () => {
    const scheduler = testScheduler();
    const { all } = outboxChain(scheduler);
    const [a, , c, , e, f] = all;
    a.send("hello");
    scheduler.runUntilIdle();
    f.link([f, "outbox"], [c, "outbox"], { passthrough: 2 });
    scheduler.runUntilIdle();
    for (const counter of all) counter.wakes = 0;
    e.recv();
    scheduler.runUntilIdle();
    expect(all.map((counter) => counter.wakes)).toEqual([1, 1, 1, 0, 0, 1]);
  });

  it("after a cut between two inboxes, wakes the producers when the inbox left last is collected from", () => {
    const scheduler = testScheduler();
    const [a, b, c] = sleepingWakeCounters(scheduler, 3);
    a.link([a, "outbox"], [b, "inbox"]);
    const forward = b.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    a.send("before the cut");
    b.unlink({ thelinkage: forward });
    a.send("after the cut");
    scheduler.runUntilIdle();
    for (const counter of [a, b, c]) counter.wakes = 0;
    c.recv();
    scheduler.runUntilIdle();
    expect([a.wakes, b.wakes, c.wakes]).toEqual([0, 0, 0]);
    b.recv();
    scheduler.runUntilIdle();
    expect([a.wakes, b.wakes, c.wakes]).toEqual([1, 0, 0]);
  });

  it("wakes every producer feeding an inbox whenever any message is collected", () => {
    const scheduler = testScheduler();
    const [a, b, c] = sleepingWakeCounters(scheduler, 3);
    a.link([a, "outbox"], [c, "inbox"]);
    b.link([b, "outbox"], [c, "inbox"]);
    a.send("from a");
    scheduler.runUntilIdle();
    c.recv();
    scheduler.runUntilIdle();
    expect([a.wakes, b.wakes]).toEqual([1, 1]);
  });

  it("wakes nobody when a send is refused for lack of space", () => {
    const scheduler = testScheduler();
    const [a, b] = sleepingWakeCounters(scheduler, 2);
    a.link([a, "outbox"], [b, "inbox"], { pipewidth: 1 });
    a.send("fits");
    scheduler.runUntilIdle();
    b.wakes = 0;
    noSpace(() => {
      a.send("refused");
    });
    scheduler.runUntilIdle();
    expect([a.wakes, b.wakes]).toEqual([0, 0]);
  });
});

describe("delivery counts", () => {
  it("counts on each linkage the messages that passed through it", () => {
    const wiring = new Component();
    const [a, b, c, d] = [new Component(), new Component(), new Component(), new Component()];
    const ab = wiring.link([a, "outbox"], [b, "outbox"], { passthrough: 2 });
    const bc = wiring.link([b, "outbox"], [c, "inbox"]);
    const cd = wiring.link([c, "inbox"], [d, "inbox"], { passthrough: 1 });
    a.send(1);
    a.send(2);
    b.send(3);
    expect([ab.delivered, bc.delivered, cd.delivered]).toEqual([2, 3, 3]);
  });

  it("does not count a message refused for lack of space", () => {
    const a = new Component();
    const b = new Component();
    const linkage = a.link([a, "outbox"], [b, "inbox"], { pipewidth: 1 });
    a.send("fits");
    noSpace(() => {
      a.send("refused");
    });
    expect(linkage.delivered).toBe(1);
  });

  it("keeps counting on the linkages left after a cut, and stops on the one removed", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    const ab = wiring.link([a, "outbox"], [b, "inbox"]);
    const bc = wiring.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    a.send(1);
    wiring.unlink({ thelinkage: bc });
    a.send(2);
    expect([ab.delivered, bc.delivered]).toEqual([2, 1]);
  });

  it("reports each linkage's count in the scheduler's topology", () => {
    const scheduler = testScheduler();
    const [a, b] = sleepingWakeCounters(scheduler, 2);
    a.link([a, "outbox"], [b, "inbox"]);
    a.send(1);
    a.send(2);
    expect(scheduler.topology().linkages).toEqual([
      { source: { id: a.id, box: "outbox" }, sink: { id: b.id, box: "inbox" }, passthrough: 0, delivered: 2 },
    ]);
  });

  it("counts the waiting messages a new linkage moves", () => {
    const wiring = new Component();
    const [feeder, parent, child] = [new Component(), new Component(), new Component()];
    wiring.link([feeder, "outbox"], [parent, "inbox"]);
    feeder.send(1);
    feeder.send(2);
    const forward = wiring.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
    expect(forward.delivered).toBe(2);
  });
});
