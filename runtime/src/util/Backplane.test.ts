import { beforeEach, describe, expect, it } from "vitest";
import { ComponentError, NoSuchService, ServiceAlreadyExists } from "../axon/AxonExceptions.js";
import { CoordinatingAssistantTracker } from "../axon/CoordinatingAssistantTracker.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, rejection, thrown } from "../test-support/harness.js";
import { Backplane, PublishTo, SubscribeTo } from "./Backplane.js";
import { PlugSplitter } from "./PlugSplitter.js";

function services(name: string): string[] {
  return CoordinatingAssistantTracker.getcat()
    .servicesRegistered()
    .filter((service) => service.endsWith(`_${name}`));
}

/** A running Backplane named `name`, with `subscribers` SubscribeTos joined and one PublishTo, all on one scheduler. */
function hub(name: string, subscribers = 2): { backplane: Harness; subscribers: Harness[]; publisher: Harness } {
  const backplane = new Harness(new Backplane(name));
  const joined = Array.from({ length: subscribers }, () => new Harness(new SubscribeTo(name), backplane));
  const publisher = new Harness(new PublishTo(name), backplane);
  backplane.settle();
  return { backplane, subscribers: joined, publisher };
}

beforeEach(() => {
  CoordinatingAssistantTracker.getcat().zap();
});

describe("Backplane", () => {
  it("registers its name as two services when constructed: an inbox for publishers, a configuration for subscribers", () => {
    const name = "NEWS";
    new Backplane(name);
    const cat = CoordinatingAssistantTracker.getcat();
    expect(services(name)).toEqual([`Backplane_I_${name}`, `Backplane_O_${name}`]);
    const [publishTo, inbox] = cat.retrieveService(`Backplane_I_${name}`);
    const [attachTo, configuration] = cat.retrieveService(`Backplane_O_${name}`);
    expect([publishTo, inbox, configuration]).toEqual([expect.any(PlugSplitter), "inbox", "configuration"]);
    expect(attachTo).toBe(publishTo);
  });

  it("refuses a second Backplane with a name in use, with ServiceAlreadyExists", () => {
    new Backplane("TAKEN");
    expect(() => new Backplane("TAKEN")).toThrow(ServiceAlreadyExists);
    expect(thrown(() => new Backplane("TAKEN"))).toMatchInlineSnapshot(`"ServiceAlreadyExists: A Backplane named "TAKEN" exists already (the service "Backplane_I_TAKEN" is registered). Share that one, pick another name, or end it first: a Backplane withdraws its name when it ends."`);
  });

  it("sends everything published to every subscriber that has joined, in order", () => {
    const { subscribers, publisher, backplane } = hub("NEWS");
    const second = new Harness(new PublishTo("NEWS"), backplane).settle();
    publisher.send("inbox", "a", "b").settle();
    second.send("inbox", "c").settle();
    expect(subscribers.map((subscriber) => subscriber.take("outbox"))).toEqual([
      ["a", "b", "c"],
      ["a", "b", "c"],
    ]);
  });

  it("gives a subscriber only what is published after it has joined", () => {
    const name = "NEWS";
    const { backplane, subscribers, publisher } = hub(name, 1);
    publisher.send("inbox", "before").settle();
    const late = new Harness(new SubscribeTo(name), backplane).settle();
    publisher.send("inbox", "after").settle();
    expect([subscribers[0]?.take("outbox"), late.take("outbox")]).toEqual([["before", "after"], ["after"]]);
  });

  it("carries on when a publisher ends", () => {
    const { backplane, subscribers, publisher } = hub("NEWS", 1);
    publisher.send("inbox", "last words").send("control", new ProducerFinished()).settle();
    expect(publisher.component.finished).toBe(true);
    const next = new Harness(new PublishTo("NEWS"), backplane);
    next.send("inbox", "still here").settle();
    expect(subscribers[0]?.take("outbox")).toEqual(["last words", "still here"]);
    expect([backplane.component.finished, subscribers[0]?.component.finished]).toEqual([false, false]);
  });

  it("on ProducerFinished, passes it to every subscriber after what was published, then ends and withdraws its name", async () => {
    const name = "NEWS";
    const { backplane, subscribers, publisher } = hub(name);
    const done = new ProducerFinished();
    publisher.send("inbox", "final edition");
    backplane.send("control", done);
    publisher.send("control", new ProducerFinished());
    await backplane.finish();
    for (const subscriber of subscribers) {
      expect([subscriber.take("outbox"), subscriber.take("signal"), subscriber.component.finished]).toEqual([["final edition"], [done], true]);
    }
    expect([backplane.take("signal"), backplane.component.finished]).toEqual([[done], true]);
    expect(services(name)).toEqual([]);
    expect(() => new Backplane(name)).not.toThrow();
  });

  it("on ShutdownMicroprocess, shuts every subscriber down at once", async () => {
    const { backplane, subscribers, publisher } = hub("NEWS");
    const stop = new ShutdownMicroprocess();
    backplane.send("control", stop);
    publisher.send("control", new ProducerFinished());
    await backplane.finish();
    expect(subscribers.map((subscriber) => [subscriber.take("signal"), subscriber.component.finished])).toEqual([
      [[stop], true],
      [[stop], true],
    ]);
  });

  it("withdraws its name when it is stopped", () => {
    const name = "NEWS";
    const { backplane } = hub(name, 0);
    expect(services(name)).toHaveLength(2);
    backplane.scheduler.stop();
    expect(services(name)).toEqual([]);
  });
});

describe("PublishTo", () => {
  it("fails with NoSuchService, saying to create the Backplane, when none has its name", async () => {
    new Backplane("NEWS");
    const publisher = new Harness(new PublishTo("NOWHERE"));
    const error = await rejection(publisher.finish());
    expect(error).toBeInstanceOf(ComponentError);
    const cause = (error as ComponentError).cause;
    expect(cause).toBeInstanceOf(NoSuchService);
    expect(String(cause).replace(/_\d+/g, "_N")).toMatchInlineSnapshot(`"NoSuchService: PublishTo_N found no Backplane named "NOWHERE" (no service "Backplane_I_NOWHERE"). Backplanes there are: "NEWS". Create new Backplane("NOWHERE") before a PublishTo or SubscribeTo for it runs, and keep it running."`);
  });

  it("passes every control message on from signal, and ends on ProducerFinished without ending the Backplane", () => {
    const { backplane, publisher } = hub("NEWS", 0);
    const done = new ProducerFinished();
    publisher.send("control", "status?").settle();
    expect([publisher.take("signal"), publisher.component.finished]).toEqual([["status?"], false]);
    publisher.send("control", done).settle();
    expect([publisher.take("signal"), publisher.component.finished, backplane.component.finished]).toEqual([[done], true, false]);
  });

  it("sends nothing from its outbox unless it is a forwarder", () => {
    const { subscribers, publisher } = hub("NEWS", 1);
    publisher.send("inbox", "x").settle();
    expect([publisher.take("outbox"), subscribers[0]?.take("outbox")]).toEqual([[], ["x"]]);
  });

  it("as a forwarder, publishes each message and sends a copy on from its outbox, before it ends", () => {
    const name = "NEWS";
    const { backplane, subscribers } = hub(name, 1);
    const forwarder = new Harness(new PublishTo(name, { forwarder: true }), backplane);
    forwarder.send("inbox", 1, 2).send("control", new ProducerFinished()).settle();
    expect([forwarder.take("outbox"), subscribers[0]?.take("outbox")]).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect([forwarder.take("signal"), forwarder.component.finished]).toEqual([[expect.any(ProducerFinished)], true]);
  });

  it("as a forwarder, on ShutdownMicroprocess ends without sending on what is waiting", () => {
    const name = "NEWS";
    const { backplane, subscribers } = hub(name, 1);
    const forwarder = new Harness(new PublishTo(name, { forwarder: true }), backplane);
    const stop = new ShutdownMicroprocess();
    forwarder.send("inbox", "dropped").send("control", stop).settle();
    expect([forwarder.take("outbox"), subscribers[0]?.take("outbox"), forwarder.take("signal")]).toEqual([[], [], [stop]]);
  });
});

describe("SubscribeTo", () => {
  it("fails with NoSuchService, saying to create the Backplane, when none has its name", async () => {
    const subscriber = new Harness(new SubscribeTo("NOWHERE"));
    const error = await rejection(subscriber.finish());
    const cause = (error as ComponentError).cause;
    expect(cause).toBeInstanceOf(NoSuchService);
    expect((cause as Error).message).toContain('Create new Backplane("NOWHERE") before a PublishTo or SubscribeTo for it runs');
  });

  it("sends what arrives on its own inbox straight on from its outbox", () => {
    const { subscribers, publisher } = hub("NEWS", 1);
    const [subscriber] = subscribers as [Harness];
    subscriber.send("inbox", "local").settle();
    publisher.send("inbox", "published").settle();
    expect(subscriber.take("outbox")).toEqual(["local", "published"]);
  });

  it("on ProducerFinished, passes it on from signal, leaves the Backplane and ends, while the others carry on", () => {
    const name = "NEWS";
    const { subscribers, publisher } = hub(name);
    const [leaving, staying] = subscribers as [Harness, Harness];
    const done = new ProducerFinished();
    leaving.send("control", done).settle();
    expect([leaving.take("signal"), leaving.component.finished]).toEqual([[done], true]);
    publisher.send("inbox", "after").settle();
    expect([leaving.take("outbox"), staying.take("outbox")]).toEqual([[], ["after"]]);
    const [splitter] = CoordinatingAssistantTracker.getcat().retrieveService(`Backplane_O_${name}`);
    expect(Object.keys(splitter.outboxes)).toHaveLength(2 + 2);
  });

  it("runs its plug on its own scheduler, as its child", () => {
    const { subscribers } = hub("NEWS", 1);
    const [{ component: subscriber }] = subscribers as [Harness];
    const children = subscriber.childComponents();
    expect(children.map((child) => child.scheduler === subscriber.scheduler)).toEqual([true]);
  });
});
