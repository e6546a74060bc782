/**
 * Backplane, PublishTo and SubscribeTo: named publish/subscribe hubs and the components that use them.
 * @module
 */

import { NoSuchService, ServiceAlreadyExists } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { CoordinatingAssistantTracker } from "../axon/CoordinatingAssistantTracker.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { Container } from "../chassis/Container.js";
import { checkShutdown } from "./checkShutdown.js";
import { PassThrough } from "./PassThrough.js";
import { Plug } from "./Plug.js";
import { PlugSplitter } from "./PlugSplitter.js";
import { sendToEach } from "./sendToEach.js";

/** The service publishers send to. */
function inboxService(name: string): string {
  return `Backplane_I_${name}`;
}

/** The service subscribers attach through. */
function configurationService(name: string): string {
  return `Backplane_O_${name}`;
}

/** The names of the Backplanes registered with `cat`, for error messages. */
function backplaneNames(cat: CoordinatingAssistantTracker): string {
  const names = cat.servicesRegistered().filter((service) => service.startsWith("Backplane_I_"));
  return names.length > 0 ? names.map((service) => JSON.stringify(service.slice("Backplane_I_".length))).join(", ") : "(none)";
}

/** Looks up a service of the Backplane `name` for `user`, explaining what to do when there is none. */
function lookUp(user: Component, name: string, service: string): [Component, string] {
  const cat = CoordinatingAssistantTracker.getcat();
  if (!cat.servicesRegistered().includes(service)) {
    throw new NoSuchService(
      service,
      cat.servicesRegistered(),
      `${user.name} found no Backplane named ${JSON.stringify(name)} (no service ${JSON.stringify(service)}). ` +
        `Backplanes there are: ${backplaneNames(cat)}. Create new Backplane(${JSON.stringify(name)}) before a PublishTo or SubscribeTo for it runs, and keep it running.`,
    );
  }
  return cat.retrieveService(service);
}

/**
 * A named hub: everything published to it with {@link PublishTo} is sent to every {@link SubscribeTo}
 * of the same name that has joined.
 * @remarks Port of Kamaelia.Util.Backplane.Backplane. Its name is registered with the shared
 * `CoordinatingAssistantTracker` when it is constructed: a {@link PlugSplitter}'s `inbox` as the service
 * `Backplane_I_<name>` (where publishers send) and its `configuration` as `Backplane_O_<name>` (where
 * subscribers attach), so publishers and subscribers need not know the component; a second Backplane
 * with a name in use throws `ServiceAlreadyExists`. The splitter is its child, started when the Backplane
 * runs. `ProducerFinished` on `control` is passed to every subscriber after what was published before
 * it, `ShutdownMicroprocess` at once (so the subscribers end too), and from `signal`; then it ends and
 * withdraws both services, also if it is stopped or fails. Other control messages are passed on to the
 * subscribers and from `signal` too. Publishers and subscribers may come and go while it runs; shutting a
 * publisher down does not shut the Backplane down. `inbox` and `outbox` are not used, as in Kamaelia.
 * @inbox inbox - not used
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed to every subscriber and from `signal`, then it ends
 * @outbox outbox - not used
 * @outbox signal - the control messages it was given
 * @example
 * ```ts
 * import { Backplane, Component, ConsoleEchoer, Pipeline, ProducerFinished, PublishTo, SubscribeTo } from "kamaelia";
 * class Headlines extends Component {
 *   override *main() {
 *     for (const line of ["storm", "sunshine"]) this.send(line);
 *     this.send(new ProducerFinished(this), "signal");
 *   }
 * }
 * // Subscribers join first: each gets only what is published after it has joined.
 * new Pipeline(new SubscribeTo("NEWS"), new ConsoleEchoer({ tag: "radio: " })).activate();
 * new Pipeline(new SubscribeTo("NEWS"), new ConsoleEchoer({ tag: "paper: " })).activate();
 * // Headlines' ProducerFinished leaves PublishTo's signal and shuts the Backplane, and so its subscribers, down.
 * await new Pipeline(new Headlines(), new PublishTo("NEWS"), new Backplane("NEWS")).run(); // radio: storm, radio: sunshine, paper: storm, paper: sunshine
 * ```
 */
export class Backplane extends Container {
  static override Inboxes = {
    inbox: "not used",
    control: "ProducerFinished or ShutdownMicroprocess: passed to every subscriber and from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the control messages it was given",
  };

  readonly #name: string;
  readonly #splitter = new PlugSplitter();

  /** @param name - the name publishers and subscribers use; one Backplane per name at a time */
  constructor(name: string) {
    super();
    this.#name = name;
    const cat = CoordinatingAssistantTracker.getcat();
    for (const service of [inboxService(name), configurationService(name)]) {
      if (cat.servicesRegistered().includes(service)) {
        throw new ServiceAlreadyExists(
          service,
          `A Backplane named ${JSON.stringify(name)} exists already (the service ${JSON.stringify(service)} is registered). ` +
            `Share that one, pick another name, or end it first: a Backplane withdraws its name when it ends.`,
        );
      }
    }
    cat.registerService(inboxService(name), this.#splitter, "inbox");
    cat.registerService(configurationService(name), this.#splitter, "configuration");
  }

  override *main(): Generator<unknown, void, unknown> {
    const splitter = this.#splitter;
    try {
      this.link([this, "control"], [splitter, "control"], { passthrough: 1 });
      this.link([splitter, "signal"], [this, "signal"], { passthrough: 2 });
      yield* this.runChildren(splitter);
    } finally {
      this.#withdraw();
    }
  }

  /** Deregisters its services, unless something else has already replaced or removed them. */
  #withdraw(): void {
    const cat = CoordinatingAssistantTracker.getcat();
    for (const service of [inboxService(this.#name), configurationService(this.#name)]) {
      if (cat.servicesRegistered().includes(service) && cat.retrieveService(service)[0] === this.#splitter) cat.deRegisterService(service);
    }
  }
}

/** Options for a {@link PublishTo}. */
export interface PublishToOptions {
  /** Also send each message on, unchanged, from `outbox`. Default `false`. */
  readonly forwarder?: boolean;
}

/**
 * Publishes everything sent to its `inbox` to the named {@link Backplane}, for every subscriber.
 * @remarks Port of Kamaelia.Util.Backplane.PublishTo. When it runs it looks the Backplane up (throwing
 * `NoSuchService` if there is none: create the Backplane first) and links its `inbox` straight to it, so
 * messages cost nothing on the way. With `forwarder` it instead takes each message and sends it both to
 * the Backplane (through `_outbox`) and on from its own `outbox`, waiting for room when the destination
 * of `outbox` is full. Every control message is passed on from `signal`; `ProducerFinished` or
 * `ShutdownMicroprocess` then ends it (a forwarder first sends on what is waiting, unless told
 * `ShutdownMicroprocess`). Its end does not end the Backplane. Anything sent to it after it has ended is
 * not published.
 * @inbox inbox - messages to publish
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends (the Backplane carries on)
 * @outbox outbox - a copy of each message, when it is a forwarder; otherwise not used
 * @outbox signal - the control messages it was given
 * @outbox _outbox - to the Backplane, when it is a forwarder, wired internally
 * @example
 * ```ts
 * import { Backplane, ConsoleEchoer, DataSource, Pipeline, PublishTo, SubscribeTo } from "kamaelia";
 * new Pipeline(new SubscribeTo("LOG"), new ConsoleEchoer({ tag: "log: " })).activate();
 * await new Pipeline(
 *   new DataSource(["disk full"]),
 *   new PublishTo("LOG", { forwarder: true }),
 *   new ConsoleEchoer({ tag: "here: " }),
 *   new Backplane("LOG"),
 * ).run(); // here: disk full, log: disk full
 * ```
 */
export class PublishTo extends Component {
  static override Inboxes = {
    inbox: "messages to publish",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends (the Backplane carries on)",
  };
  static override Outboxes = {
    outbox: "a copy of each message, when it is a forwarder; otherwise not used",
    signal: "the control messages it was given",
    _outbox: "to the Backplane, when it is a forwarder, wired internally",
  };

  /** The name of the Backplane it publishes to. */
  readonly destination: string;
  readonly #forwarder: boolean;

  /**
   * @param destination - the name of the Backplane to publish to
   * @param options - whether to forward a copy of each message from `outbox`
   */
  constructor(destination: string, options: PublishToOptions = {}) {
    super();
    this.destination = destination;
    this.#forwarder = options.forwarder ?? false;
  }

  override *main(): Generator<unknown, void, unknown> {
    const service = lookUp(this, this.destination, inboxService(this.destination));
    if (this.#forwarder) this.link([this, "_outbox"], service);
    else this.link([this, "inbox"], service, { passthrough: 1 });
    let end: ReturnType<typeof checkShutdown>;
    const keepWaiting = (): boolean => {
      end ??= checkShutdown(this);
      return !(end instanceof ShutdownMicroprocess);
    };
    for (;;) {
      end ??= checkShutdown(this);
      while (!(end instanceof ShutdownMicroprocess) && this.dataReady("inbox") > 0) {
        yield* sendToEach(this, this.recv("inbox"), ["outbox", "_outbox"], keepWaiting);
      }
      if (end !== undefined) {
        this.send(end, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/**
 * Joins the named {@link Backplane} and sends on everything published there from then on.
 * @remarks Port of Kamaelia.Util.Backplane.SubscribeTo. When it runs it looks the Backplane up (throwing
 * `NoSuchService` if there is none: create the Backplane first) and attaches to it through a
 * {@link Plug}, its child; it receives what is published after it has joined, in order. Anything sent to
 * its own `inbox` is sent straight on from `outbox` too. `ProducerFinished` or `ShutdownMicroprocess` on
 * its `control` (or from the Backplane, when that ends) makes it leave the Backplane, pass the message
 * on from `signal` and end (`ProducerFinished` after what it has already received); its leaving does not
 * end the Backplane.
 * @inbox inbox - messages sent straight on from `outbox`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: leave the Backplane, pass it on from `signal` and end
 * @outbox outbox - everything published to the Backplane since it joined, and what arrived on its `inbox`
 * @outbox signal - the shutdown message when it ends
 * @example
 * ```ts
 * import { Backplane, ConsoleEchoer, DataSource, Pipeline, PublishTo, SubscribeTo } from "kamaelia";
 * new Pipeline(new SubscribeTo("SCORES"), new ConsoleEchoer()).activate();
 * await new Pipeline(new DataSource(["1-0", "2-0"]), new PublishTo("SCORES"), new Backplane("SCORES")).run(); // 1-0, 2-0
 * ```
 */
export class SubscribeTo extends Container {
  static override Inboxes = {
    inbox: "messages sent straight on from outbox",
    control: "ProducerFinished or ShutdownMicroprocess: leave the Backplane, pass it on from signal and end",
  };
  static override Outboxes = {
    outbox: "everything published to the Backplane since it joined, and what arrived on its inbox",
    signal: "the shutdown message when it ends",
  };

  /** The name of the Backplane it subscribes to. */
  readonly source: string;

  /** @param source - the name of the Backplane to subscribe to */
  constructor(source: string) {
    super();
    this.source = source;
  }

  override *main(): Generator<unknown, void, unknown> {
    const [splitter] = lookUp(this, this.source, configurationService(this.source));
    const plug = new Plug(splitter, new PassThrough());
    this.link([this, "control"], [plug, "control"], { passthrough: 1 });
    this.link([plug, "outbox"], [this, "outbox"], { passthrough: 2 });
    this.link([plug, "signal"], [this, "signal"], { passthrough: 2 });
    yield* this.runChildren(plug);
    this.onWake();
  }

  /** Sends on what arrived on its own inbox. */
  protected override onWake(): void {
    while (this.dataReady("inbox") > 0) this.send(this.recv("inbox"), "outbox");
  }
}
