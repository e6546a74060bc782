import { describe, expect, it } from "vitest";
import { WakeCounter, drain, sleepingWakeCounters, testScheduler } from "../test-support/harness.js";
import {
  BadComponent,
  BoxAlreadyLinkedToDestination,
  EmptyBox,
  LinkageCycle,
  NoSpaceInBox,
  NoSuchBox,
} from "./AxonExceptions.js";
import { Component } from "./Component.js";
import { Microprocess } from "./Microprocess.js";

class Transcoder extends Component {
  static override Inboxes = { audio: "raw samples", settings: "bit rate changes" };
  static override Outboxes = { encoded: "compressed frames" };
}

class Listed extends Component {
  static override Inboxes = ["in"];
  static override Outboxes = ["out", "err"];
}

class Inheriting extends Transcoder {}

/** Makes the links it is given, then ends after one step. */
class Wirer extends Component {
  override *main(): Generator<undefined, void, unknown> {
    yield;
  }
}

describe("Component boxes", () => {
  it("is a Microprocess", () => {
    expect(new Component()).toBeInstanceOf(Microprocess);
  });

  it("has the inboxes inbox and control and the outboxes outbox and signal by default, all empty", () => {
    const component = new Component();
    expect(Object.keys(component.inboxes)).toEqual(["inbox", "control"]);
    expect(Object.keys(component.outboxes)).toEqual(["outbox", "signal"]);
    expect([component.dataReady("inbox"), component.dataReady("control")]).toEqual([0, 0]);
    expect(component.anyReady()).toBe(false);
  });

  it("has the boxes its class declares in static Inboxes and Outboxes", () => {
    const transcoder = new Transcoder();
    expect(Object.keys(transcoder.inboxes)).toEqual(["audio", "settings"]);
    expect(Object.keys(transcoder.outboxes)).toEqual(["encoded"]);
  });

  it("accepts box declarations as lists of names", () => {
    const listed = new Listed();
    expect(Object.keys(listed.inboxes)).toEqual(["in"]);
    expect(Object.keys(listed.outboxes)).toEqual(["out", "err"]);
  });

  it("inherits the box declarations of its superclass", () => {
    expect(Object.keys(new Inheriting().inboxes)).toEqual(["audio", "settings"]);
  });

  it("gives each instance its own boxes", () => {
    const wiring = new Component();
    const [a, b, sink] = [new Component(), new Component(), new Component()];
    wiring.link([a, "outbox"], [sink, "inbox"]);
    b.send("discarded");
    expect(sink.dataReady()).toBe(0);
  });

  it("describes itself with its name and boxes", () => {
    const transcoder = new Transcoder();
    expect(String(transcoder)).toBe(`Component ${transcoder.name} [ inboxes: audio, settings outboxes: encoded ]`);
  });
});

describe("Component messaging", () => {
  it("receives in the order sent, on the default boxes and on named ones", () => {
    const wiring = new Component();
    const [a, b] = [new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.link([a, "signal"], [b, "control"]);
    a.send("inbox1");
    a.send("control1", "signal");
    a.send("inbox2");
    a.send("control2", "signal");
    expect([b.recv(), b.recv("inbox")]).toEqual(["inbox1", "inbox2"]);
    expect([b.recv("control"), b.recv("control")]).toEqual(["control1", "control2"]);
  });

  it("counts the messages waiting with dataReady", () => {
    const a = new Component();
    const b = new Component();
    a.link([a, "outbox"], [b, "inbox"]);
    expect(b.dataReady()).toBe(0);
    a.send("a");
    expect(b.dataReady()).toBe(1);
    b.recv();
    expect(b.dataReady()).toBe(0);
    a.send("b");
    a.send("c");
    expect(b.dataReady("inbox")).toBe(2);
    b.recv();
    expect(b.dataReady()).toBe(1);
  });

  it("throws EmptyBox from recv on an empty inbox", () => {
    const component = new Component();
    expect(() => component.recv()).toThrow(EmptyBox);
    expect(() => component.recv("control")).toThrow(EmptyBox);
  });

  it("says with anyReady whether any inbox holds a message", () => {
    const a = new Component();
    const b = new Component();
    a.link([a, "signal"], [b, "control"]);
    expect(b.anyReady()).toBe(false);
    a.send("stop", "signal");
    expect(b.anyReady()).toBe(true);
    b.recv("control");
    expect(b.anyReady()).toBe(false);
  });

  it("discards what is sent from an outbox that leads nowhere, without error", () => {
    const component = new Component();
    for (let i = 0; i < 1000; i++) component.send(i);
    component.send("bing", "signal");
    expect(component.anyReady()).toBe(false);
  });

  it("passes messages on as they are, not copies", () => {
    const a = new Component();
    const b = new Component();
    a.link([a, "outbox"], [b, "inbox"]);
    const message = { frame: 1 };
    a.send(message);
    expect(b.recv()).toBe(message);
  });

  const unknownBoxCalls: [string, (c: Component) => unknown][] = [
    ["send", (c) => { c.send("x", "outbx"); }],
    ["recv", (c) => c.recv("inbx")],
    ["dataReady", (c) => c.dataReady("inbx")],
    ["setInboxSize", (c) => { c.setInboxSize("inbx", 1); }],
  ];

  it.each(unknownBoxCalls)("%s on an unknown box throws NoSuchBox naming the component, the name and its boxes", (_, call) => {
    const transcoder = new Transcoder();
    const attempt = (): unknown => call(transcoder);
    expect(attempt).toThrow(NoSuchBox);
    expect(attempt).toThrow(transcoder.name);
    expect(attempt).toThrow(/"(outbx|inbx)"/);
    expect(attempt).toThrow(/Its (outboxes are "encoded"|inboxes are "audio", "settings")/);
  });

  it("throws NoSuchBox from link at once for an unknown source or sink box", () => {
    const a = new Component();
    const b = new Transcoder();
    expect(() => a.link([a, "outbx"], [b, "audio"])).toThrow(NoSuchBox);
    expect(() => a.link([a, "outbx"], [b, "audio"])).toThrow(`${a.name} has no outbox named "outbx"`);
    expect(() => a.link([a, "outbox"], [b, "inbox"])).toThrow(`${b.name} has no inbox named "inbox"`);
  });

  it("looks the source of passthrough 1 up among inboxes and the sink of passthrough 2 among outboxes", () => {
    const parent = new Component();
    const child = new Transcoder();
    expect(() => parent.link([parent, "outbox"], [child, "audio"], { passthrough: 1 })).toThrow(/no inbox named "outbox"/);
    expect(() => parent.link([child, "encoded"], [parent, "inbox"], { passthrough: 2 })).toThrow(/no outbox named "inbox"/);
  });

  it("treats a name inherited from Object.prototype as an unknown box", () => {
    const component = new Component();
    expect(() => component.dataReady("constructor")).toThrow(NoSuchBox);
    expect(() => component.recv("hasOwnProperty")).toThrow(NoSuchBox);
    expect(() => {
      component.send("x", "toString");
    }).toThrow(NoSuchBox);
  });
});

describe("Component.link and unlink", () => {
  it("makes the calling component own the linkage, even between two others", () => {
    const parent = new Component();
    const [a, b] = [new Component(), new Component()];
    parent.addChildren(a, b);
    const linkage = parent.link([a, "outbox"], [b, "inbox"]);
    expect(linkage.owner).toBe(parent);
    a.unlink();
    b.unlink();
    a.send("still linked");
    expect(drain(b)).toEqual(["still linked"]);
    parent.unlink();
    a.send("unlinked");
    expect(b.dataReady()).toBe(0);
  });

  it("records what it was asked to link, with each passthrough", () => {
    const parent = new Component();
    const [a, b] = [new Component(), new Component()];
    const links = [
      parent.link([a, "outbox"], [b, "inbox"]),
      parent.link([b, "outbox"], [parent, "outbox"], { passthrough: 2 }),
      parent.link([parent, "inbox"], [a, "inbox"], { passthrough: 1 }),
    ];
    expect(links.map((l) => [l.source, l.sourcebox, l.sink, l.sinkbox, l.passthrough])).toEqual([
      [a, "outbox", b, "inbox", 0],
      [b, "outbox", parent, "outbox", 2],
      [parent, "inbox", a, "inbox", 1],
    ]);
  });

  it("removes just the linkage given as thelinkage", () => {
    const wiring = new Component();
    const [a, b] = [new Component(), new Component()];
    const data = wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.link([a, "signal"], [b, "control"]);
    wiring.unlink({ thelinkage: data });
    a.send("data");
    a.send("stop", "signal");
    expect([b.dataReady("inbox"), b.dataReady("control")]).toEqual([0, 1]);
  });

  it("removes every linkage it made that touches thecomponent, as source or sink", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.link([a, "signal"], [b, "control"]);
    wiring.link([b, "outbox"], [c, "inbox"]);
    wiring.link([b, "signal"], [c, "control"]);
    wiring.link([c, "outbox"], [a, "inbox"]);
    wiring.unlink({ thecomponent: a });
    a.send(1);
    a.send(2, "signal");
    b.send(3);
    b.send(4, "signal");
    c.send(5);
    expect([drain(b), drain(b, "control"), drain(c), drain(c, "control"), drain(a)]).toEqual([[], [], [3], [4], []]);
  });

  it("removes both when given thecomponent and thelinkage", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "inbox"]);
    const bc = wiring.link([b, "outbox"], [c, "inbox"]);
    wiring.link([c, "outbox"], [b, "control"]);
    wiring.unlink({ thecomponent: a, thelinkage: bc });
    a.send(1);
    b.send(2);
    c.send(3);
    expect([b.dataReady(), c.dataReady(), b.dataReady("control")]).toEqual([0, 0, 1]);
  });

  it("removes every linkage it made when given nothing", () => {
    const wiring = new Component();
    const [a, b] = [new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.link([a, "signal"], [b, "control"]);
    wiring.unlink();
    a.send(1);
    a.send(2, "signal");
    expect(b.anyReady()).toBe(false);
  });

  it("does nothing when the same linkage is unlinked twice", () => {
    const wiring = new Component();
    const [a, b] = [new Component(), new Component()];
    const linkage = wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.unlink({ thelinkage: linkage });
    wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.unlink({ thelinkage: linkage });
    a.send("still linked by the second linkage");
    expect(b.dataReady()).toBe(1);
  });

  it("leaves a linkage another component made alone", () => {
    const owner = new Component();
    const other = new Component();
    const [a, b] = [new Component(), new Component()];
    const linkage = owner.link([a, "outbox"], [b, "inbox"]);
    other.unlink({ thelinkage: linkage });
    other.unlink({ thecomponent: a });
    other.unlink();
    a.send("delivered");
    expect(b.dataReady()).toBe(1);
  });

  it("refuses a second destination for one outbox with BoxAlreadyLinkedToDestination", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "inbox"]);
    expect(() => wiring.link([a, "outbox"], [c, "inbox"])).toThrow(BoxAlreadyLinkedToDestination);
    a.send("to b");
    expect([b.dataReady(), c.dataReady()]).toEqual([1, 0]);
  });

  it("refuses to link the same pair twice", () => {
    const wiring = new Component();
    const [a, b] = [new Component(), new Component()];
    wiring.link([a, "outbox"], [b, "inbox"]);
    expect(() => wiring.link([a, "outbox"], [b, "inbox"])).toThrow(BoxAlreadyLinkedToDestination);
    a.send("once");
    expect(drain(b)).toEqual(["once"]);
  });

  it("refuses a second destination for an inbox that already forwards", () => {
    const parent = new Component();
    const [first, second] = [new Component(), new Component()];
    parent.link([parent, "inbox"], [first, "inbox"], { passthrough: 1 });
    expect(() => parent.link([parent, "inbox"], [second, "inbox"], { passthrough: 1 })).toThrow(
      BoxAlreadyLinkedToDestination,
    );
  });

  it("lets a box be linked elsewhere once its linkage is removed", () => {
    const wiring = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    const ab = wiring.link([a, "outbox"], [b, "inbox"]);
    wiring.unlink({ thelinkage: ab });
    wiring.link([a, "outbox"], [c, "inbox"]);
    a.send("to c");
    expect([b.dataReady(), c.dataReady()]).toEqual([0, 1]);
  });

  it("refuses with LinkageCycle to link an inbox or an outbox to itself", () => {
    const a = new Component();
    expect(() => a.link([a, "inbox"], [a, "inbox"], { passthrough: 1 })).toThrow(LinkageCycle);
    expect(() => a.link([a, "outbox"], [a, "outbox"], { passthrough: 2 })).toThrow(LinkageCycle);
  });

  it("refuses with LinkageCycle a link closing a loop of two boxes", () => {
    const wiring = new Component();
    const [a, b] = [new Component(), new Component()];
    wiring.link([a, "inbox"], [b, "inbox"], { passthrough: 1 });
    expect(() => wiring.link([b, "inbox"], [a, "inbox"], { passthrough: 1 })).toThrow(LinkageCycle);
    wiring.link([a, "outbox"], [b, "outbox"], { passthrough: 2 });
    expect(() => wiring.link([b, "outbox"], [a, "outbox"], { passthrough: 2 })).toThrow(LinkageCycle);
  });

  it("refuses with LinkageCycle a link closing a longer loop through passthroughs, and keeps the chain working", () => {
    const wiring = new Component();
    const [source, a, b, c] = [new Component(), new Component(), new Component(), new Component()];
    wiring.link([source, "outbox"], [a, "inbox"]);
    wiring.link([a, "inbox"], [b, "inbox"], { passthrough: 1 });
    wiring.link([b, "inbox"], [c, "inbox"], { passthrough: 1 });
    expect(() => wiring.link([c, "inbox"], [a, "inbox"], { passthrough: 1 })).toThrow(LinkageCycle);
    source.send("along the chain");
    expect(drain(c)).toEqual(["along the chain"]);
    const d = new Component();
    wiring.link([c, "inbox"], [d, "inbox"], { passthrough: 1 });
    source.send("further");
    expect(drain(d)).toEqual(["further"]);
  });

  describe("when the messages waiting in the source would overflow a bounded destination", () => {
    function parentHolding(count: number): Component {
      const parent = new Component();
      const feeder = new Component();
      feeder.link([feeder, "outbox"], [parent, "inbox"]);
      for (let i = 1; i <= count; i++) feeder.send(i);
      return parent;
    }

    it("throws NoSpaceInBox, links nothing and loses no message", () => {
      const parent = parentHolding(3);
      const child = new Component();
      child.setInboxSize("inbox", 2);
      expect(() => parent.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 })).toThrow(NoSpaceInBox);
      expect(child.dataReady()).toBe(0);
      expect(drain(parent)).toEqual([1, 2, 3]);
      const other = new Component();
      parent.link([parent, "inbox"], [other, "inbox"], { passthrough: 1 });
      expect(other.dataReady()).toBe(0);
    });

    it("counts the messages already in the destination and a limit further down the chain", () => {
      const parent = parentHolding(2);
      const [child, grandchild] = [new Component(), new Component()];
      const wiring = new Component();
      wiring.link([child, "inbox"], [grandchild, "inbox"], { passthrough: 1 });
      grandchild.setInboxSize("inbox", 3);
      const other = new Component();
      wiring.link([other, "outbox"], [grandchild, "inbox"]);
      other.send("already there");
      other.send("also there");
      expect(() => wiring.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 })).toThrow(NoSpaceInBox);
      expect([parent.dataReady(), grandchild.dataReady()]).toEqual([2, 2]);
    });

    it("links when the messages fit exactly", () => {
      const parent = parentHolding(2);
      const child = new Component();
      child.setInboxSize("inbox", 2);
      parent.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 });
      expect(drain(child)).toEqual([1, 2]);
    });

    it("leaves the destination's capacity as it was when the link had a pipewidth", () => {
      const parent = parentHolding(3);
      const child = new Component();
      expect(() => parent.link([parent, "inbox"], [child, "inbox"], { passthrough: 1, pipewidth: 2 })).toThrow(
        NoSpaceInBox,
      );
      const producer = new Component();
      producer.link([producer, "outbox"], [child, "inbox"]);
      for (let i = 0; i < 5; i++) producer.send(i);
      expect(child.dataReady()).toBe(5);
    });
  });
});

describe("Component children", () => {
  it("adds children once each, in order, and lists them with childComponents", () => {
    const parent = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    parent.addChildren(a, b);
    parent.addChildren(c);
    expect(parent.childComponents()).toEqual([a, b, c]);
  });

  it("returns a copy from childComponents", () => {
    const parent = new Component();
    const child = new Component();
    parent.addChildren(child);
    parent.childComponents().pop();
    expect(parent.childComponents()).toEqual([child]);
  });

  it("does not activate the children it adds", () => {
    const parent = new Component();
    const child = new Component();
    parent.addChildren(child);
    expect(child.scheduler).toBeNull();
    expect(child.parent).toBe(parent);
  });

  it("refuses a class where an instance is wanted", () => {
    const parent = new Component();
    expect(() => {
      parent.addChildren(Component as unknown as Component);
    }).toThrow(BadComponent);
    expect(parent.childComponents()).toEqual([]);
  });

  it("forgets a removed child", () => {
    const parent = new Component();
    const [a, b] = [new Component(), new Component()];
    parent.addChildren(a, b);
    parent.removeChild(a);
    expect(parent.childComponents()).toEqual([b]);
    expect(a.parent).toBeNull();
  });

  it("drops the parent's links to a removed child and keeps its other links and others' links", () => {
    const parent = new Component();
    const outsider = new Component();
    const [a, b, c] = [new Component(), new Component(), new Component()];
    parent.addChildren(a, b, c);
    parent.link([parent, "inbox"], [a, "inbox"], { passthrough: 1 });
    parent.link([a, "outbox"], [b, "inbox"]);
    parent.link([b, "outbox"], [c, "inbox"]);
    outsider.link([a, "signal"], [c, "control"]);
    parent.removeChild(a);
    a.send("from a");
    a.send("signal from a", "signal");
    b.send("from b");
    expect([b.dataReady(), drain(c), drain(c, "control")]).toEqual([0, ["from b"], ["signal from a"]]);
  });

  it("wakes its parent when a child ends", () => {
    const scheduler = testScheduler();
    const [parent] = sleepingWakeCounters(scheduler, 1);
    const child = new Wirer();
    parent.addChildren(child);
    child.activate(scheduler);
    scheduler.step();
    expect([child.finished, parent.wakes]).toEqual([false, 0]);
    scheduler.runUntilIdle();
    expect([child.finished, parent.wakes]).toEqual([true, 1]);
  });

  it("wakes its parent when a child is stopped", () => {
    const scheduler = testScheduler();
    const [parent, child] = sleepingWakeCounters(scheduler, 2);
    parent.addChildren(child);
    child.stop();
    scheduler.runUntilIdle();
    expect(parent.wakes).toBe(1);
  });

  it("does not wake a former parent when a removed child ends", () => {
    const scheduler = testScheduler();
    const [parent, child] = sleepingWakeCounters(scheduler, 2);
    parent.addChildren(child);
    parent.removeChild(child);
    child.stop();
    scheduler.runUntilIdle();
    expect(parent.wakes).toBe(0);
  });

  it("leaves its children running when it ends", () => {
    const scheduler = testScheduler();
    const parent = new Wirer();
    const child = new WakeCounter();
    parent.addChildren(child);
    parent.activate(scheduler);
    child.activate(scheduler);
    scheduler.runUntilIdle();
    expect([parent.finished, child.finished]).toEqual([true, false]);
  });
});

describe("a component that ends", () => {
  it("removes every linkage it made, those between other components included, and only those", () => {
    const scheduler = testScheduler();
    const [a, b, c, d] = [new Component(), new Component(), new Wirer(), new Component()];
    c.link([a, "outbox"], [b, "inbox"]);
    c.link([c, "outbox"], [b, "outbox"], { passthrough: 2 });
    c.link([c, "inbox"], [a, "inbox"], { passthrough: 1 });
    d.link([d, "outbox"], [c, "inbox"]);
    d.link([b, "outbox"], [d, "inbox"]);

    d.send("hello");
    expect(a.recv()).toBe("hello");
    c.send("hello");
    expect(d.recv()).toBe("hello");
    a.send("hello");
    expect(b.recv()).toBe("hello");

    c.activate(scheduler);
    scheduler.runUntilIdle();
    expect(c.finished).toBe(true);

    d.send("bye");
    expect([c.recv(), a.dataReady()]).toEqual(["bye", 0]);
    c.send("bye");
    expect(d.dataReady()).toBe(0);
    b.send("bye");
    expect(d.recv()).toBe("bye");
    a.send("bye");
    expect(b.dataReady()).toBe(0);
  });

  it("keeps receiving, in its inbox, from linkages others made to it", () => {
    const scheduler = testScheduler();
    const sender = new Component();
    const ended = new Wirer();
    sender.link([sender, "outbox"], [ended, "inbox"]);
    ended.activate(scheduler);
    scheduler.runUntilIdle();
    sender.send(1);
    sender.send(2);
    expect(drain(ended)).toEqual([1, 2]);
  });

  it("removes the linkages it made when it is stopped while asleep", () => {
    const scheduler = testScheduler();
    const [owner] = sleepingWakeCounters(scheduler, 1);
    const [a, b] = [new Component(), new Component()];
    owner.link([a, "outbox"], [b, "inbox"]);
    owner.stop();
    a.send("after the stop");
    expect(b.dataReady()).toBe(0);
  });
});
