import { describe, expect, it } from "vitest";
import { testScheduler } from "../test-support/harness.js";
import { AdaptiveCommsComponent } from "./AdaptiveCommsComponent.js";
import {
  AccessToUndeclaredTrackedVariable,
  ArgumentsClash,
  AxonException,
  BadComponent,
  BadInbox,
  BadParentTracker,
  BoxAlreadyLinkedToDestination,
  ComponentError,
  EmptyBox,
  InvalidComponentInterface,
  LinkageCycle,
  MultipleServiceDeletion,
  NamespaceClash,
  NoSpaceInBox,
  NoSuchBox,
  NoSuchResource,
  NoSuchService,
  ServiceAlreadyExists,
} from "./AxonExceptions.js";
import { Component } from "./Component.js";
import { CoordinatingAssistantTracker } from "./CoordinatingAssistantTracker.js";
import { testInterface } from "./testInterface.js";

/** `"<ErrorName>: <message>"` of what `fn` throws, with the ids in component names replaced by N. */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`, { cause: error });
    return `${error.name}: ${error.message}`.replace(/_\d+/g, "_N");
  }
  throw new Error("expected an error");
}

class Broken extends Component {
  constructor(readonly failure: unknown) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    yield;
    throw this.failure;
  }
}

/** The ComponentError that running a component throwing `failure` rejects with. */
async function componentError(failure: unknown): Promise<ComponentError> {
  const scheduler = testScheduler();
  new Broken(failure).activate(scheduler);
  const error: unknown = await scheduler.runThreads().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ComponentError);
  return error as ComponentError;
}

describe("AxonException", () => {
  it("is an Error named after its class, with the message it was given", () => {
    const error = new AxonException("something went wrong");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AxonException");
    expect(error.message).toBe("something went wrong");
  });

  it("is the base of every error the runtime throws on purpose, each named after its class", () => {
    const errors = [
      new NoSpaceInBox(1, 1),
      new EmptyBox("c", "inbox"),
      new NoSuchBox("c", "inbox", "x", []),
      new BoxAlreadyLinkedToDestination("a", "b", "c"),
      new LinkageCycle("a", "b"),
      new ServiceAlreadyExists("s"),
      new BadComponent(null),
      new BadInbox("c", "x"),
      new MultipleServiceDeletion("s"),
      new NoSuchService("s"),
      new NamespaceClash("k"),
      new AccessToUndeclaredTrackedVariable("k"),
      new BadParentTracker(null),
      new InvalidComponentInterface("inboxes", "c", ["x"]),
      new ArgumentsClash("a", "b"),
      new NoSuchResource("r"),
      new ComponentError({ name: "c" }, new Error("e")),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(AxonException);
      expect(error.name).toBe(error.constructor.name);
    }
  });
});

describe("box errors", () => {
  it("NoSpaceInBox names the full inbox, its length and capacity, and what to do", () => {
    const a = new Component();
    const b = new Component();
    a.link([a, "outbox"], [b, "inbox"], { pipewidth: 1 });
    a.send("fits");
    expect(
      thrown(() => {
        a.send("refused");
      }),
    ).toMatchInlineSnapshot(`"NoSpaceInBox: No space in Component_N.inbox: it holds 1 of 1 messages. Keep the message, pause() and send it again when woken (a consumer taking a message wakes its producers), or await sendWhenSpace() in an AsyncComponent."`);
  });

  it("NoSpaceInBox from a link names the destination the waiting messages would overflow", () => {
    const feeder = new Component();
    const parent = new Component();
    const child = new Component();
    feeder.link([feeder, "outbox"], [parent, "inbox"]);
    feeder.send(1);
    feeder.send(2);
    child.setInboxSize("inbox", 1);
    expect(thrown(() => parent.link([parent, "inbox"], [child, "inbox"], { passthrough: 1 }))).toMatchInlineSnapshot(`"NoSpaceInBox: No space in Component_N.inbox: it holds 0 of 1 messages. Linking Component_N.inbox would move its 2 waiting messages there, so nothing was linked. Let Component_N take some messages first, or link with a larger pipewidth."`);
  });

  it("NoSpaceInBox says the destination inbox when it is not told which", () => {
    expect(thrown(() => { throw new NoSpaceInBox(2, 2); })).toMatchInlineSnapshot(`"NoSpaceInBox: No space in the destination inbox: it holds 2 of 2 messages. Keep the message, pause() and send it again when woken (a consumer taking a message wakes its producers), or await sendWhenSpace() in an AsyncComponent."`);
  });

  it("EmptyBox names the component and inbox, and says to check dataReady first", () => {
    expect(thrown(() => new Component().recv("control"))).toMatchInlineSnapshot(`"EmptyBox: Component_N.recv("control") found the inbox empty. Check this.dataReady("control") before calling recv."`);
  });

  it("NoSuchBox names the component, the box asked for and the boxes it has", () => {
    const component = new Component();
    expect(thrown(() => { component.send("x", "outbx"); })).toMatchInlineSnapshot(`"NoSuchBox: Component_N has no outbox named "outbx". Its outboxes are "outbox", "signal". Check the spelling, or declare it in static Outboxes."`);
    expect(thrown(() => component.recv("inbx"))).toMatchInlineSnapshot(`"NoSuchBox: Component_N has no inbox named "inbx". Its inboxes are "inbox", "control". Check the spelling, or declare it in static Inboxes."`);
  });

  it("NoSuchBox from link names the box missing at either end", () => {
    const a = new Component();
    const b = new Component();
    expect(thrown(() => a.link([a, "outbx"], [b, "inbox"]))).toMatchInlineSnapshot(`"NoSuchBox: Component_N has no outbox named "outbx". Its outboxes are "outbox", "signal". Check the spelling, or declare it in static Outboxes."`);
    expect(thrown(() => a.link([a, "outbox"], [b, "inbx"]))).toMatchInlineSnapshot(`"NoSuchBox: Component_N has no inbox named "inbx". Its inboxes are "inbox", "control". Check the spelling, or declare it in static Inboxes."`);
  });

  it("NoSuchBox says (none) when the component has no boxes of that kind", () => {
    const hub = new AdaptiveCommsComponent();
    hub.deleteInbox("inbox");
    hub.deleteInbox("control");
    expect(thrown(() => { hub.deleteInbox("inbox"); })).toMatchInlineSnapshot(`"NoSuchBox: AdaptiveCommsComponent_N has no inbox named "inbox". Its inboxes are (none). Check the spelling, or declare it in static Inboxes."`);
  });

  it("BoxAlreadyLinkedToDestination names the box, where it goes and where it was asked to go", () => {
    const [a, b, c] = [new Component(), new Component(), new Component()];
    a.link([a, "outbox"], [b, "inbox"]);
    expect(thrown(() => a.link([a, "outbox"], [c, "inbox"]))).toMatchInlineSnapshot(`"BoxAlreadyLinkedToDestination: Component_N.outbox is already linked to Component_N.inbox, so it cannot also be linked to Component_N.inbox. A box feeds one destination: unlink the old linkage first, or put a Fanout or Splitter in between to copy messages to several."`);
  });

  it("LinkageCycle names both boxes of the link refused", () => {
    const [a, b] = [new Component(), new Component()];
    a.link([a, "inbox"], [b, "inbox"], { passthrough: 1 });
    expect(thrown(() => a.link([b, "inbox"], [a, "inbox"], { passthrough: 1 }))).toMatchInlineSnapshot(`"LinkageCycle: Linking Component_N.inbox to Component_N.inbox would close a cycle: messages from Component_N.inbox already flow into Component_N.inbox. Link an outbox to an inbox of another component instead; a feedback loop needs a component in it."`);
  });
});

describe("component errors", () => {
  it("BadComponent from addChildren given a class says to pass an instance", () => {
    expect(thrown(() => { new Component().addChildren(Component as unknown as Component); })).toMatchInlineSnapshot(`"BadComponent: the class Component is not a component. addChildren takes component instances: addChildren(new Child()), not addChildren(Child)."`);
  });

  it("BadComponent from link shows how to link", () => {
    const a = new Component();
    expect(thrown(() => a.link([a, "outbox"], [undefined as unknown as Component, "inbox"]))).toMatchInlineSnapshot(`"BadComponent: undefined is not a component. Link boxes of components: link([component, "outbox"], [other, "inbox"])."`);
  });

  it("BadComponent describes what it was given", () => {
    expect(thrown(() => { throw new BadComponent(42); })).toMatchInlineSnapshot(`"BadComponent: a number is not a component. Pass an instance of Component (new MyComponent(), not the class MyComponent)."`);
    expect(thrown(() => { throw new BadComponent(null); })).toMatchInlineSnapshot(`"BadComponent: null is not a component. Pass an instance of Component (new MyComponent(), not the class MyComponent)."`);
    expect(thrown(() => { throw new BadComponent(() => undefined); })).toMatchInlineSnapshot(`"BadComponent: the class (anonymous) is not a component. Pass an instance of Component (new MyComponent(), not the class MyComponent)."`);
  });

  it("BadComponent describes a plain object as an object", () => {
    expect(thrown(() => { throw new BadComponent({}); })).toContain("an object");
  });

  it("InvalidComponentInterface names the missing inboxes, or else the missing outboxes", () => {
    const component = new Component();
    expect(thrown(() => testInterface(component, [["inbox", "configuration", "data"], ["nope"]]))).toMatchInlineSnapshot(`"InvalidComponentInterface: Component_N lacks the inboxes "configuration", "data" that this use requires. Declare them in static Inboxes, or pass a component that has them."`);
    expect(thrown(() => testInterface(component, [["inbox"], ["outbox", "log"]]))).toMatchInlineSnapshot(`"InvalidComponentInterface: Component_N lacks the outboxes "log" that this use requires. Declare them in static Outboxes, or pass a component that has them."`);
  });

  it("ComponentError names the component and what it threw", async () => {
    const error = await componentError(new RangeError("too far"));
    expect(error.component).toBeInstanceOf(Broken);
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(error.message.replace(/_\d+/g, "_N")).toMatchInlineSnapshot(`"Broken_N failed: RangeError: too far"`);
  });

  it("ComponentError shows a thrown value that is not an Error", async () => {
    const error = await componentError("just a string");
    expect(error.cause).toBe("just a string");
    expect(error.message.replace(/_\d+/g, "_N")).toMatchInlineSnapshot(`"Broken_N failed: just a string"`);
  });

  it("ArgumentsClash names both arguments", () => {
    expect(thrown(() => { throw new ArgumentsClash("thelinkage", "thecomponent"); })).toMatchInlineSnapshot(`"ArgumentsClash: The arguments "thelinkage" and "thecomponent" cannot be used together. Give one of them."`);
  });
});

describe("service and tracked value errors", () => {
  function tracker(): CoordinatingAssistantTracker {
    const cat = new CoordinatingAssistantTracker();
    cat.registerService("clock", new Component(), "inbox");
    cat.registerService("printer", new Component(), "control");
    cat.trackValue("frames", 0);
    return cat;
  }

  it("ServiceAlreadyExists names the service and says how to replace it", () => {
    const cat = tracker();
    expect(thrown(() => { cat.registerService("clock", new Component(), "inbox"); })).toMatchInlineSnapshot(`"ServiceAlreadyExists: A service named "clock" is already registered. Pick another name, or deRegisterService("clock") first."`);
  });

  it("BadComponent from registerService says to pass a component instance", () => {
    const cat = tracker();
    expect(thrown(() => { cat.registerService("x", "not a component" as unknown as Component, "inbox"); })).toMatchInlineSnapshot(`"BadComponent: a string is not a component. Pass an instance of Component (new MyComponent(), not the class MyComponent)."`);
  });

  it("BadInbox names the component, the missing inbox and the inboxes it has", () => {
    const cat = tracker();
    expect(thrown(() => { cat.registerService("x", new Component(), "nope"); })).toMatchInlineSnapshot(`"BadInbox: Component_N has no inbox named "nope" to register as a service. Its inboxes are "inbox", "control"."`);
  });

  it("NoSuchService names the service and the registered ones", () => {
    const cat = tracker();
    expect(thrown(() => cat.retrieveService("missing"))).toMatchInlineSnapshot(`"NoSuchService: No service named "missing" is registered. Registered services: "clock", "printer". Make sure the component providing it has registered it before you look it up (a Backplane registers when it is constructed)."`);
  });

  it("MultipleServiceDeletion names the service and the registered ones", () => {
    const cat = tracker();
    expect(thrown(() => { cat.deRegisterService("missing"); })).toMatchInlineSnapshot(`"MultipleServiceDeletion: No service named "missing" is registered, so it cannot be deregistered (was it deregistered twice?). Registered services: "clock", "printer"."`);
  });

  it("NamespaceClash names the value and says to update it instead", () => {
    const cat = tracker();
    expect(thrown(() => { cat.trackValue("frames", 1); })).toMatchInlineSnapshot(`"NamespaceClash: A value named "frames" is already tracked. Use updateValue("frames", value) to change it, or pick another name."`);
  });

  it("AccessToUndeclaredTrackedVariable names the value and the tracked ones", () => {
    const cat = tracker();
    expect(thrown(() => cat.retrieveValue("missing"))).toMatchInlineSnapshot(`"AccessToUndeclaredTrackedVariable: No value named "missing" is tracked. Tracked values: "frames". Call trackValue("missing", initial) first."`);
    expect(thrown(() => { cat.updateValue("missing", 1); })).toMatchInlineSnapshot(`"AccessToUndeclaredTrackedVariable: No value named "missing" is tracked. Tracked values: "frames". Call trackValue("missing", initial) first."`);
  });

  it("BadParentTracker says what it was given instead of a tracker", () => {
    expect(thrown(() => new CoordinatingAssistantTracker("foobar" as unknown as CoordinatingAssistantTracker))).toMatchInlineSnapshot(`"BadParentTracker: The parent of a CoordinatingAssistantTracker must be another CoordinatingAssistantTracker, not a string. Pass a tracker, or nothing."`);
  });
});

describe("tracked resource errors", () => {
  it("NoSuchResource from retrieveTrackedResource names the inbox and the inboxes with resources", () => {
    const hub = new AdaptiveCommsComponent();
    hub.trackResource("connection", "inbox");
    expect(thrown(() => hub.retrieveTrackedResource("control"))).toMatchInlineSnapshot(`"NoSuchResource: AdaptiveCommsComponent_N tracks no resource for the inbox "control". Inboxes with resources: "inbox". Call trackResource(resource, inbox) first."`);
  });

  it("NoSuchResource from retrieveTrackedResourceInformation names the resource", () => {
    const hub = new AdaptiveCommsComponent();
    expect(thrown(() => hub.retrieveTrackedResourceInformation("connection-2"))).toMatchInlineSnapshot(`"NoSuchResource: AdaptiveCommsComponent_N has no information on the resource "connection-2". Resources with information: (none). Call trackResourceInformation first."`);
  });

  it("NoSuchResource from ceaseTrackingResource names the resource", () => {
    const hub = new AdaptiveCommsComponent();
    expect(thrown(() => { hub.ceaseTrackingResource("connection-2"); })).toMatchInlineSnapshot(`"NoSuchResource: AdaptiveCommsComponent_N is not tracking the resource "connection-2", so it cannot stop tracking it. Resources it tracks: (none)."`);
  });
});
