import { describe, expect, it, vi } from "vitest";
import { BadInbox, MultipleServiceDeletion, NamespaceClash, NoSuchService } from "./AxonExceptions.js";
import { Component } from "./Component.js";
import { CoordinatingAssistantTracker } from "./CoordinatingAssistantTracker.js";

class Printer extends Component {}

describe("CoordinatingAssistantTracker construction", () => {
  it("starts with no services, no tracked values and no parent", () => {
    const cat = new CoordinatingAssistantTracker();
    expect(cat.servicesRegistered()).toEqual([]);
    expect(cat.informationItemsLogged()).toEqual([]);
    expect(cat.parent).toBeUndefined();
  });

  it("keeps the tracker it is given as its parent", () => {
    const parent = new CoordinatingAssistantTracker();
    expect(new CoordinatingAssistantTracker(parent).parent).toBe(parent);
  });

  it("does not look services up in its parent", () => {
    const parent = new CoordinatingAssistantTracker();
    parent.registerService("printer", new Printer(), "inbox");
    expect(() => new CoordinatingAssistantTracker(parent).retrieveService("printer")).toThrow(NoSuchService);
  });

  it("refuses a parent that is not a tracker", () => {
    expect(
      () => new CoordinatingAssistantTracker("foobar" as unknown as CoordinatingAssistantTracker),
    ).toThrowErrorMatchingInlineSnapshot(
      `[BadParentTracker: The parent of a CoordinatingAssistantTracker must be another CoordinatingAssistantTracker, not a string. Pass a tracker, or nothing.]`,
    );
  });
});

describe("CoordinatingAssistantTracker.getcat", () => {
  it("returns the same tracker every time", () => {
    expect(CoordinatingAssistantTracker.getcat()).toBe(CoordinatingAssistantTracker.getcat());
  });

  it("returns the first tracker ever constructed", async () => {
    vi.resetModules();
    const fresh = await import("./CoordinatingAssistantTracker.js");
    const first = new fresh.CoordinatingAssistantTracker();
    new fresh.CoordinatingAssistantTracker();
    expect(fresh.CoordinatingAssistantTracker.getcat()).toBe(first);
  });

  it("makes a tracker when none was constructed before", async () => {
    vi.resetModules();
    const fresh = await import("./CoordinatingAssistantTracker.js");
    const shared = fresh.CoordinatingAssistantTracker.getcat();
    expect(shared).toBeInstanceOf(fresh.CoordinatingAssistantTracker);
    expect(shared.servicesRegistered()).toEqual([]);
    expect(new fresh.CoordinatingAssistantTracker()).not.toBe(shared);
  });
});

describe("CoordinatingAssistantTracker.zap", () => {
  it("forgets every service and tracked value", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.registerService("printer", new Printer(), "inbox");
    cat.trackValue("pages", 5);
    cat.zap();
    expect(cat.servicesRegistered()).toEqual([]);
    expect(cat.informationItemsLogged()).toEqual([]);
    cat.registerService("printer", new Printer(), "inbox");
    expect(cat.servicesRegistered()).toEqual(["printer"]);
  });
});

describe("CoordinatingAssistantTracker services", () => {
  it("lists a registered service by name", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.registerService("someservice", new Printer(), "control");
    expect(cat.servicesRegistered()).toEqual(["someservice"]);
  });

  it("returns the component and inbox a service was registered with", () => {
    const cat = new CoordinatingAssistantTracker();
    const printer = new Printer();
    cat.registerService("someservice", printer, "control");
    const [component, inbox] = cat.retrieveService("someservice");
    expect(component).toBe(printer);
    expect(inbox).toBe("control");
  });

  it("refuses to register a name twice, even with the same component and inbox", () => {
    const cat = new CoordinatingAssistantTracker();
    const printer = new Printer();
    cat.registerService("someservice", printer, "control");
    expect(() => {
      cat.registerService("someservice", printer, "control");
    }).toThrowErrorMatchingInlineSnapshot(
      `[ServiceAlreadyExists: A service named "someservice" is already registered. Pick another name, or deRegisterService("someservice") first.]`,
    );
    expect(cat.retrieveService("someservice")).toEqual([printer, "control"]);
  });

  it("refuses something that is not a component", () => {
    const cat = new CoordinatingAssistantTracker();
    expect(() => {
      cat.registerService("someservice", "dummycomponent" as unknown as Component, "control");
    }).toThrowErrorMatchingInlineSnapshot(
      `[BadComponent: a string is not a component. Pass an instance of Component (new MyComponent(), not the class MyComponent).]`,
    );
    expect(cat.servicesRegistered()).toEqual([]);
  });

  it("refuses a component class in place of an instance", () => {
    const cat = new CoordinatingAssistantTracker();
    expect(() => {
      cat.registerService("someservice", Printer as unknown as Component, "control");
    }).toThrowErrorMatchingInlineSnapshot(
      `[BadComponent: the class Printer is not a component. Pass an instance of Component (new MyComponent(), not the class MyComponent).]`,
    );
  });

  it("refuses an inbox the component does not have, naming the inboxes it has", () => {
    const cat = new CoordinatingAssistantTracker();
    const printer = new Printer();
    // The component's name carries a process-wide id, so the message is checked with it filled in.
    expect(() => {
      cat.registerService("someservice", printer, "badinbox");
    }).toThrow(
      `${printer.name} has no inbox named "badinbox" to register as a service. Its inboxes are "inbox", "control".`,
    );
    expect(() => {
      cat.registerService("someservice", printer, "outbox");
    }).toThrow(BadInbox);
    expect(cat.servicesRegistered()).toEqual([]);
  });

  it("refuses to retrieve an unknown service, naming the registered ones", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.registerService("printer", new Printer(), "inbox");
    cat.registerService("scanner", new Printer(), "inbox");
    expect(() => cat.retrieveService("someservice")).toThrowErrorMatchingInlineSnapshot(
      `[NoSuchService: No service named "someservice" is registered. Registered services: "printer", "scanner". Make sure the component providing it has registered it before you look it up (a Backplane registers when it is constructed).]`,
    );
  });

  it("forgets a deregistered service", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.registerService("someservice", new Printer(), "control");
    cat.deRegisterService("someservice");
    expect(cat.servicesRegistered()).toEqual([]);
    expect(() => cat.retrieveService("someservice")).toThrow(NoSuchService);
  });

  it("refuses to deregister a service that is not registered", () => {
    const cat = new CoordinatingAssistantTracker();
    expect(() => {
      cat.deRegisterService("someservice");
    }).toThrowErrorMatchingInlineSnapshot(
      `[MultipleServiceDeletion: No service named "someservice" is registered, so it cannot be deregistered (was it deregistered twice?). Registered services: (none).]`,
    );
  });

  it("refuses to deregister a service twice", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.registerService("someservice", new Printer(), "control");
    cat.deRegisterService("someservice");
    expect(() => {
      cat.deRegisterService("someservice");
    }).toThrow(MultipleServiceDeletion);
  });

  it("hands out a copy of the service pair, so changing it changes nothing registered", () => {
    const cat = new CoordinatingAssistantTracker();
    const printer = new Printer();
    cat.registerService("printer", printer, "inbox");
    const service = cat.retrieveService("printer");
    service[1] = "control";
    expect(cat.retrieveService("printer")).toEqual([printer, "inbox"]);
  });
});

describe("CoordinatingAssistantTracker values", () => {
  it("lists a tracked value by name", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.trackValue("stats.pages.hitcount", 5);
    expect(cat.informationItemsLogged()).toEqual(["stats.pages.hitcount"]);
  });

  it("refuses to track a name twice", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.trackValue("stats.pages.hitcount", 5);
    expect(() => {
      cat.trackValue("stats.pages.hitcount", 6);
    }).toThrowErrorMatchingInlineSnapshot(
      `[NamespaceClash: A value named "stats.pages.hitcount" is already tracked. Use updateValue("stats.pages.hitcount", value) to change it, or pick another name.]`,
    );
    expect(cat.retrieveValue("stats.pages.hitcount")).toBe(5);
  });

  it("returns the tracked value", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.trackValue("stats.pages.hitcount", 5);
    expect(cat.retrieveValue("stats.pages.hitcount")).toBe(5);
  });

  it("returns a value tracked as undefined", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.trackValue("stats.pages.lastvisitor", undefined);
    expect(cat.retrieveValue("stats.pages.lastvisitor")).toBeUndefined();
    expect(() => {
      cat.trackValue("stats.pages.lastvisitor", "someone");
    }).toThrow(NamespaceClash);
  });

  it("refuses to retrieve a value that is not tracked, naming the tracked ones", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.trackValue("stats.pages.pagecount", 6);
    expect(() => cat.retrieveValue("stats.pages.hitcount")).toThrowErrorMatchingInlineSnapshot(
      `[AccessToUndeclaredTrackedVariable: No value named "stats.pages.hitcount" is tracked. Tracked values: "stats.pages.pagecount". Call trackValue("stats.pages.hitcount", initial) first.]`,
    );
  });

  it("replaces a tracked value on update", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.trackValue("stats.pages.hitcount", 5);
    cat.updateValue("stats.pages.hitcount", 10);
    expect(cat.retrieveValue("stats.pages.hitcount")).toBe(10);
  });

  it("refuses to update a value that is not tracked", () => {
    const cat = new CoordinatingAssistantTracker();
    expect(() => {
      cat.updateValue("stats.pages.hitcount", 10);
    }).toThrowErrorMatchingInlineSnapshot(
      `[AccessToUndeclaredTrackedVariable: No value named "stats.pages.hitcount" is tracked. Tracked values: (none). Call trackValue("stats.pages.hitcount", initial) first.]`,
    );
    expect(cat.informationItemsLogged()).toEqual([]);
  });

  it("lists every tracked value in the order tracking started", () => {
    const cat = new CoordinatingAssistantTracker();
    cat.trackValue("stats.pages.hitcount", 5);
    cat.trackValue("stats.pages.pagecount", 6);
    cat.trackValue("stats.foobar.count", 7);
    expect(cat.informationItemsLogged()).toEqual([
      "stats.pages.hitcount",
      "stats.pages.pagecount",
      "stats.foobar.count",
    ]);
  });

  it("keeps services and values in separate namespaces", () => {
    const cat = new CoordinatingAssistantTracker();
    const printer = new Printer();
    cat.trackValue("printer", 1);
    cat.registerService("printer", printer, "inbox");
    expect(cat.retrieveValue("printer")).toBe(1);
    expect(cat.retrieveService("printer")).toEqual([printer, "inbox"]);
  });
});
