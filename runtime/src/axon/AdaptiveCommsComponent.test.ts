import { describe, expect, it } from "vitest";
import { drain, testScheduler } from "../test-support/harness.js";
import { AdaptiveCommsComponent } from "./AdaptiveCommsComponent.js";
import { NoSuchBox, NoSuchResource } from "./AxonExceptions.js";
import { Component } from "./Component.js";

/** Takes what arrives in any of its inboxes, including added ones, then sleeps until woken. */
class Hub extends AdaptiveCommsComponent {
  readonly received: [string, unknown][] = [];

  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      for (const inbox of Object.keys(this.inboxes)) {
        while (this.dataReady(inbox)) this.received.push([inbox, this.recv(inbox)]);
      }
      this.pause();
      yield;
    }
  }
}

describe("AdaptiveCommsComponent construction", () => {
  it("is a Component with the default boxes, all empty", () => {
    const hub = new AdaptiveCommsComponent();
    expect(hub).toBeInstanceOf(Component);
    expect(Object.keys(hub.inboxes)).toEqual(["inbox", "control"]);
    expect(Object.keys(hub.outboxes)).toEqual(["outbox", "signal"]);
    expect(hub.anyReady()).toBe(false);
  });
});

describe("AdaptiveCommsComponent adding boxes", () => {
  it("adds an inbox under the name asked for when it is free", () => {
    const hub = new AdaptiveCommsComponent();
    expect(hub.addInbox("name")).toBe("name");
    expect(Object.keys(hub.inboxes)).toEqual(["inbox", "control", "name"]);
    expect(hub.dataReady("name")).toBe(0);
  });

  it("appends a unique number to an inbox name already taken", () => {
    const hub = new AdaptiveCommsComponent();
    const first = hub.addInbox("name");
    const second = hub.addInbox("name");
    const third = hub.addInbox("name");
    expect(second).toMatch(/^name\d+$/);
    expect(third).toMatch(/^name\d+$/);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(Object.keys(hub.inboxes)).toEqual(["inbox", "control", first, second, third]);
  });

  it("asks for the name inbox when given none", () => {
    const hub = new AdaptiveCommsComponent();
    expect(hub.addInbox()).toMatch(/^inbox\d+$/);
  });

  it("adds an outbox under the name asked for when it is free", () => {
    const hub = new AdaptiveCommsComponent();
    expect(hub.addOutbox("name")).toBe("name");
    expect(Object.keys(hub.outboxes)).toEqual(["outbox", "signal", "name"]);
  });

  it("appends a unique number to an outbox name already taken", () => {
    const hub = new AdaptiveCommsComponent();
    const first = hub.addOutbox("name");
    const second = hub.addOutbox("name");
    expect(first).toBe("name");
    expect(second).toMatch(/^name\d+$/);
    expect(second).not.toBe(first);
    expect(hub.addOutbox()).toMatch(/^outbox\d+$/);
  });

  it("wakes the component when a message arrives in an added inbox", () => {
    const scheduler = testScheduler();
    const hub = new Hub().activate(scheduler);
    scheduler.runUntilIdle();
    const client = hub.addInbox("client");
    const sender = new Component();
    sender.link([sender, "outbox"], [hub, client]);
    sender.send("hello");
    scheduler.runUntilIdle();
    expect(hub.received).toEqual([["client", "hello"]]);
  });

  it("sends from an added outbox", () => {
    const hub = new AdaptiveCommsComponent();
    const client = hub.addOutbox("client");
    const receiver = new Component();
    hub.link([hub, client], [receiver, "inbox"]);
    hub.send("hello", client);
    expect(drain(receiver)).toEqual(["hello"]);
  });

  it("shows added and deleted boxes in the scheduler's topology", () => {
    const scheduler = testScheduler();
    const hub = new Hub().activate(scheduler);
    const added = hub.addOutbox("client");
    hub.deleteInbox("control");
    expect(scheduler.topology().components).toEqual([
      expect.objectContaining({ id: hub.id, inboxes: ["inbox"], outboxes: ["outbox", "signal", added] }),
    ]);
  });

  it("adds an inbox named __proto__ like any other", () => {
    const hub = new AdaptiveCommsComponent();
    const name = hub.addInbox("__proto__");
    expect(Object.keys(hub.inboxes)).toContain(name);
    expect(() => hub.dataReady("sink")).toThrow(NoSuchBox);
    hub.deleteInbox(name);
  });
});

describe("AdaptiveCommsComponent deleting boxes", () => {
  it("returns to its original inboxes after adding and deleting many", () => {
    const hub = new AdaptiveCommsComponent();
    const added: string[] = [];
    for (let i = 0; i < 4; i++) {
      const before = Object.keys(hub.inboxes);
      const name = hub.addInbox("name");
      expect(before).not.toContain(name);
      expect(hub.dataReady(name)).toBe(0);
      added.push(name);
    }
    for (const name of added) {
      hub.deleteInbox(name);
      expect(Object.keys(hub.inboxes)).not.toContain(name);
    }
    expect(Object.keys(hub.inboxes)).toEqual(["inbox", "control"]);
  });

  it("returns to its original outboxes after adding and deleting many", () => {
    const hub = new AdaptiveCommsComponent();
    const added: string[] = [];
    for (let i = 0; i < 4; i++) {
      const before = Object.keys(hub.outboxes);
      const name = hub.addOutbox("name");
      expect(before).not.toContain(name);
      added.push(name);
    }
    for (const name of added) hub.deleteOutbox(name);
    expect(Object.keys(hub.outboxes)).toEqual(["outbox", "signal"]);
  });

  it("deletes declared boxes too", () => {
    const hub = new AdaptiveCommsComponent();
    hub.deleteInbox("control");
    hub.deleteOutbox("signal");
    expect(Object.keys(hub.inboxes)).toEqual(["inbox"]);
    expect(Object.keys(hub.outboxes)).toEqual(["outbox"]);
    expect(() => hub.dataReady("control")).toThrow(NoSuchBox);
    expect(() => {
      hub.send("x", "signal");
    }).toThrow(NoSuchBox);
  });

  it("loses the messages in a deleted inbox", () => {
    const hub = new AdaptiveCommsComponent();
    const sender = new Component();
    const name = hub.addInbox("client");
    const linkage = sender.link([sender, "outbox"], [hub, name]);
    sender.send("lost");
    sender.unlink({ thelinkage: linkage });
    hub.deleteInbox(name);
    expect(hub.addInbox("client")).toBe("client");
    expect(hub.dataReady("client")).toBe(0);
  });

  it("throws NoSuchBox when the inbox to delete does not exist, or was deleted already", () => {
    const hub = new AdaptiveCommsComponent();
    expect(() => {
      hub.deleteInbox("NonExistentInbox");
    }).toThrow(NoSuchBox);
    const name = hub.addInbox("once");
    hub.deleteInbox(name);
    expect(() => {
      hub.deleteInbox(name);
    }).toThrow(NoSuchBox);
  });

  it("throws NoSuchBox when the outbox to delete does not exist, or was deleted already", () => {
    const hub = new AdaptiveCommsComponent();
    expect(() => {
      hub.deleteOutbox("NonExistentOutbox");
    }).toThrow(NoSuchBox);
    const name = hub.addOutbox("once");
    hub.deleteOutbox(name);
    expect(() => {
      hub.deleteOutbox(name);
    }).toThrow(NoSuchBox);
  });
});

describe("AdaptiveCommsComponent resource tracking", () => {
  it("retrieves the resource tracked for a declared inbox", () => {
    const hub = new AdaptiveCommsComponent();
    hub.trackResource("resource", "inbox");
    expect(hub.retrieveTrackedResource("inbox")).toBe("resource");
  });

  it("retrieves the resource tracked for an added inbox", () => {
    const hub = new AdaptiveCommsComponent();
    const connection = { socket: 7 };
    const inbox = hub.addInbox("dynamic");
    hub.trackResource(connection, inbox);
    expect(hub.retrieveTrackedResource(inbox)).toBe(connection);
  });

  it("replaces the resource tracked for an inbox when tracked again", () => {
    const hub = new AdaptiveCommsComponent();
    hub.trackResource("first", "inbox");
    hub.trackResource("second", "inbox");
    expect(hub.retrieveTrackedResource("inbox")).toBe("second");
  });

  it("throws NoSuchBox when tracking a resource for a missing inbox", () => {
    const hub = new AdaptiveCommsComponent();
    expect(() => {
      hub.trackResource("resource", "missing");
    }).toThrow(NoSuchBox);
    expect(() => hub.retrieveTrackedResource("missing")).toThrow(NoSuchResource);
  });

  it("throws NoSuchResource when no resource is tracked for an inbox", () => {
    const hub = new AdaptiveCommsComponent();
    expect(() => hub.retrieveTrackedResource("inbox")).toThrow(NoSuchResource);
  });

  it("retrieves the boxes and information tracked for a resource, as the same lists", () => {
    const hub = new AdaptiveCommsComponent();
    const inboxes = [hub.addInbox("dynamic"), hub.addInbox("dynamic"), "inbox"];
    const outboxes = [hub.addOutbox("dynamic"), "outbox"];
    const information = { peer: "127.0.0.1:5000" };
    hub.trackResourceInformation("resource", inboxes, outboxes, information);
    const [storedInboxes, storedOutboxes, storedInformation] = hub.retrieveTrackedResourceInformation("resource");
    expect(storedInboxes).toBe(inboxes);
    expect(storedOutboxes).toBe(outboxes);
    expect(storedInformation).toBe(information);
  });

  it("keys resource information by the resource itself, objects included", () => {
    const hub = new AdaptiveCommsComponent();
    const first = { id: 1 };
    const twin = { id: 1 };
    hub.trackResourceInformation(first, ["inbox"], [], "first");
    expect(hub.retrieveTrackedResourceInformation(first)[2]).toBe("first");
    expect(() => hub.retrieveTrackedResourceInformation(twin)).toThrow(NoSuchResource);
  });

  it("throws NoSuchBox and records nothing when a named inbox or outbox does not exist", () => {
    const hub = new AdaptiveCommsComponent();
    const inbox = hub.addInbox("dynamic");
    const outbox = hub.addOutbox("dynamic");
    expect(() => {
      hub.trackResourceInformation("resource", [inbox, "missing"], [outbox], null);
    }).toThrow(NoSuchBox);
    expect(() => {
      hub.trackResourceInformation("resource", [inbox], [outbox, "missing"], null);
    }).toThrow(NoSuchBox);
    expect(() => hub.retrieveTrackedResourceInformation("resource")).toThrow(NoSuchResource);
  });

  it("forgets a resource's information when it ceases tracking it, but keeps its inbox's resource", () => {
    const hub = new AdaptiveCommsComponent();
    const inbox = hub.addInbox("client");
    hub.trackResource("connection", inbox);
    hub.trackResourceInformation("connection", [inbox], [], "details");
    hub.ceaseTrackingResource("connection");
    expect(() => hub.retrieveTrackedResourceInformation("connection")).toThrow(NoSuchResource);
    expect(hub.retrieveTrackedResource(inbox)).toBe("connection");
  });

  it("throws NoSuchResource when ceasing to track a resource it does not track", () => {
    const hub = new AdaptiveCommsComponent();
    expect(() => {
      hub.ceaseTrackingResource("never tracked");
    }).toThrow(NoSuchResource);
    hub.trackResourceInformation("once", [], [], null);
    hub.ceaseTrackingResource("once");
    expect(() => {
      hub.ceaseTrackingResource("once");
    }).toThrow(NoSuchResource);
  });

  it("names the tracked resources when asked about one it does not track", () => {
    const hub = new AdaptiveCommsComponent();
    hub.trackResourceInformation("connection-1", [], [], null);
    expect(() => hub.retrieveTrackedResourceInformation("connection-2")).toThrow(/connection-1/);
    expect(() => {
      hub.ceaseTrackingResource("connection-2");
    }).toThrow(/connection-1/);
  });
});
