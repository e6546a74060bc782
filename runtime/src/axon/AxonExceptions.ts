/**
 * Every error the runtime throws on purpose. Each message says what happened, to which component and
 * box, and what to do next.
 * @module
 */

/** Describes a component for an error message: its name, or a plain description of a non-component. */
export function describe(thing: unknown): string {
  if (thing !== null && typeof thing === "object" && "name" in thing && typeof thing.name === "string") {
    return thing.name;
  }
  if (typeof thing === "function") return `the class ${thing.name || "(anonymous)"}`;
  if (thing === undefined || thing === null) return String(thing);
  const type = typeof thing;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Lists names for an error message: `"inbox", "control"`, or `(none)`. */
export function listNames(names: Iterable<string>): string {
  const all = [...names].map((n) => JSON.stringify(n));
  return all.length > 0 ? all.join(", ") : "(none)";
}

/**
 * The base class of every error the runtime throws on purpose.
 * @remarks Port of Axon.AxonExceptions.AxonException. Catch `AxonException` to tell the runtime's own
 * errors from errors in your code.
 * @example
 * ```ts
 * import { AxonException, Component } from "kamaelia";
 * try {
 *   new Component().recv();
 * } catch (error) {
 *   console.log(error instanceof AxonException); // true
 * }
 * ```
 */
export class AxonException extends Error {
  /** @param message - what happened and what to do next */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The final destination inbox of a send is full.
 * @remarks Port of Axon's `noSpaceInBox`. The message was not delivered: keep it, `pause()`, and try
 * again when woken (a consumer taking a message wakes every producer feeding its inbox), or use
 * `AsyncComponent.sendWhenSpace`.
 * @example
 * ```ts
 * import { Component, NoSpaceInBox } from "kamaelia";
 * const producer = new Component();
 * const consumer = new Component();
 * producer.link([producer, "outbox"], [consumer, "inbox"], { pipewidth: 1 });
 * producer.send("first");
 * try {
 *   producer.send("second");
 * } catch (error) {
 *   if (error instanceof NoSpaceInBox) console.log(error.length, error.capacity); // 1 1
 * }
 * ```
 */
export class NoSpaceInBox extends AxonException {
  /**
   * @param length - messages already waiting in the destination
   * @param capacity - how many the destination holds
   * @param where - the destination, as "component.box"
   * @param hint - what to do about it
   */
  constructor(
    readonly length: number,
    readonly capacity: number,
    where = "the destination inbox",
    hint = "Keep the message, pause() and send it again when woken (a consumer taking a message wakes its producers), " +
      "or await sendWhenSpace() in an AsyncComponent.",
  ) {
    super(`No space in ${where}: it holds ${String(length)} of ${String(capacity)} messages. ${hint}`);
  }
}

/**
 * `recv()` was called on an inbox with nothing waiting in it.
 * @remarks Axon raised Python's `IndexError` here. Check `dataReady(box)` before `recv(box)`.
 * @example
 * ```ts
 * import { Component, EmptyBox } from "kamaelia";
 * try {
 *   new Component().recv("inbox");
 * } catch (error) {
 *   console.log(error instanceof EmptyBox); // true
 * }
 * ```
 */
export class EmptyBox extends AxonException {
  /**
   * @param component - the component that called recv
   * @param box - the empty inbox
   */
  constructor(
    readonly component: unknown,
    readonly box: string,
  ) {
    super(
      `${describe(component)}.recv(${JSON.stringify(box)}) found the inbox empty. ` +
        `Check this.dataReady(${JSON.stringify(box)}) before calling recv.`,
    );
  }
}

/**
 * A component was asked for a box it does not have.
 * @remarks Thrown at once by `send`, `recv`, `dataReady`, `link` and friends, naming the boxes the
 * component does have.
 * @example
 * ```ts
 * import { Component, NoSuchBox } from "kamaelia";
 * try {
 *   new Component().send("hello", "outbx");
 * } catch (error) {
 *   console.log(error instanceof NoSuchBox); // true
 * }
 * ```
 */
export class NoSuchBox extends AxonException {
  /**
   * @param component - the component asked
   * @param kind - "inbox" or "outbox"
   * @param box - the name asked for
   * @param existing - the names the component has
   */
  constructor(
    readonly component: unknown,
    readonly kind: "inbox" | "outbox",
    readonly box: string,
    existing: Iterable<string>,
  ) {
    super(
      `${describe(component)} has no ${kind} named ${JSON.stringify(box)}. Its ${kind}es are ${listNames(existing)}. ` +
        `Check the spelling, or declare it in static ${kind === "inbox" ? "Inboxes" : "Outboxes"}.`,
    );
  }
}

/**
 * A box already has a destination, so it cannot be linked to another.
 * @remarks Port of Axon's exception of the same name. One box feeds one destination; to copy messages to
 * several destinations put a `Fanout` or `Splitter` between them.
 * @example
 * ```ts
 * import { BoxAlreadyLinkedToDestination, Component } from "kamaelia";
 * const a = new Component(), b = new Component(), c = new Component();
 * a.link([a, "outbox"], [b, "inbox"]);
 * try {
 *   a.link([a, "outbox"], [c, "inbox"]);
 * } catch (error) {
 *   console.log(error instanceof BoxAlreadyLinkedToDestination); // true
 * }
 * ```
 */
export class BoxAlreadyLinkedToDestination extends AxonException {
  /**
   * @param source - the box that is already linked, as "component.box"
   * @param existing - where it goes now, as "component.box"
   * @param wanted - where it was asked to go, as "component.box"
   */
  constructor(
    readonly source: string,
    readonly existing: string,
    readonly wanted: string,
  ) {
    super(
      `${source} is already linked to ${existing}, so it cannot also be linked to ${wanted}. ` +
        `A box feeds one destination: unlink the old linkage first, or put a Fanout or Splitter in between to copy messages to several.`,
    );
  }
}

/**
 * A linkage would make messages go round in a circle.
 * @remarks Axon recursed until it ran out of stack; we refuse the link instead.
 * @example
 * ```ts
 * import { Component, LinkageCycle } from "kamaelia";
 * const a = new Component();
 * try {
 *   a.link([a, "inbox"], [a, "inbox"], { passthrough: 1 });
 * } catch (error) {
 *   console.log(error instanceof LinkageCycle); // true
 * }
 * ```
 */
export class LinkageCycle extends AxonException {
  /**
   * @param source - the source box, as "component.box"
   * @param sink - the sink box, as "component.box"
   */
  constructor(
    readonly source: string,
    readonly sink: string,
  ) {
    super(
      `Linking ${source} to ${sink} would close a cycle: messages from ${sink} already flow into ${source}. ` +
        `Link an outbox to an inbox of another component instead; a feedback loop needs a component in it.`,
    );
  }
}

/**
 * A service name is already registered with the coordinating assistant tracker.
 * @remarks Port of Axon's exception of the same name.
 * @example
 * ```ts
 * import { Component, CoordinatingAssistantTracker, ServiceAlreadyExists } from "kamaelia";
 * const cat = new CoordinatingAssistantTracker();
 * cat.registerService("clock", new Component(), "inbox");
 * try {
 *   cat.registerService("clock", new Component(), "inbox");
 * } catch (error) {
 *   console.log(error instanceof ServiceAlreadyExists); // true
 * }
 * ```
 */
export class ServiceAlreadyExists extends AxonException {
  /**
   * @param service - the name that is taken
   * @param message - a message for the situation, when a caller knows more (default: a general one)
   */
  constructor(
    readonly service: string,
    message = `A service named ${JSON.stringify(service)} is already registered. ` +
      `Pick another name, or deRegisterService(${JSON.stringify(service)}) first.`,
  ) {
    super(message);
  }
}

/**
 * Something that is not a component was offered as one.
 * @remarks Port of Axon's `BadComponent`.
 * @example
 * ```ts
 * import { BadComponent, type Component, CoordinatingAssistantTracker } from "kamaelia";
 * try {
 *   new CoordinatingAssistantTracker().registerService("x", {} as Component, "inbox");
 * } catch (error) {
 *   console.log(error instanceof BadComponent); // true
 * }
 * ```
 */
export class BadComponent extends AxonException {
  /**
   * @param component - what was offered
   * @param hint - what to do instead
   */
  constructor(
    readonly component: unknown,
    hint = "Pass an instance of Component (new MyComponent(), not the class MyComponent).",
  ) {
    super(`${describe(component)} is not a component. ${hint}`);
  }
}

/**
 * A service was registered on an inbox its component does not have.
 * @remarks Port of Axon's `BadInbox`.
 * @example
 * ```ts
 * import { BadInbox, Component, CoordinatingAssistantTracker } from "kamaelia";
 * try {
 *   new CoordinatingAssistantTracker().registerService("x", new Component(), "nope");
 * } catch (error) {
 *   console.log(error instanceof BadInbox); // true
 * }
 * ```
 */
export class BadInbox extends AxonException {
  /**
   * @param component - the component
   * @param inbox - the inbox name it does not have
   * @param existing - the inboxes it does have
   */
  constructor(
    readonly component: unknown,
    readonly inbox: string,
    existing: Iterable<string> = [],
  ) {
    super(
      `${describe(component)} has no inbox named ${JSON.stringify(inbox)} to register as a service. ` +
        `Its inboxes are ${listNames(existing)}.`,
    );
  }
}

/**
 * A service that is not registered was deregistered.
 * @remarks Port of Axon's `MultipleServiceDeletion`.
 * @example
 * ```ts
 * import { CoordinatingAssistantTracker, MultipleServiceDeletion } from "kamaelia";
 * try {
 *   new CoordinatingAssistantTracker().deRegisterService("never-registered");
 * } catch (error) {
 *   console.log(error instanceof MultipleServiceDeletion); // true
 * }
 * ```
 */
export class MultipleServiceDeletion extends AxonException {
  /**
   * @param service - the name asked for
   * @param existing - the services that are registered
   */
  constructor(
    readonly service: string,
    existing: Iterable<string> = [],
  ) {
    super(
      `No service named ${JSON.stringify(service)} is registered, so it cannot be deregistered ` +
        `(was it deregistered twice?). Registered services: ${listNames(existing)}.`,
    );
  }
}

/**
 * No service of that name is registered.
 * @remarks Axon raised a plain `KeyError`.
 * @example
 * ```ts
 * import { CoordinatingAssistantTracker, NoSuchService } from "kamaelia";
 * try {
 *   new CoordinatingAssistantTracker().retrieveService("missing");
 * } catch (error) {
 *   console.log(error instanceof NoSuchService); // true
 * }
 * ```
 */
export class NoSuchService extends AxonException {
  /**
   * @param service - the name asked for
   * @param existing - the services that are registered
   * @param message - a message for the situation, when a caller knows more (default: a general one)
   */
  constructor(
    readonly service: string,
    existing: Iterable<string> = [],
    message = `No service named ${JSON.stringify(service)} is registered. Registered services: ${listNames(existing)}. ` +
      `Make sure the component providing it has registered it before you look it up (a Backplane registers when it is constructed).`,
  ) {
    super(message);
  }
}

/**
 * A tracked value name is already in use.
 * @remarks Port of Axon's `NamespaceClash`.
 * @example
 * ```ts
 * import { CoordinatingAssistantTracker, NamespaceClash } from "kamaelia";
 * const cat = new CoordinatingAssistantTracker();
 * cat.trackValue("frames", 0);
 * try {
 *   cat.trackValue("frames", 1);
 * } catch (error) {
 *   console.log(error instanceof NamespaceClash); // true
 * }
 * ```
 */
export class NamespaceClash extends AxonException {
  /** @param key - the name already tracked */
  constructor(readonly key: string) {
    super(
      `A value named ${JSON.stringify(key)} is already tracked. ` +
        `Use updateValue(${JSON.stringify(key)}, value) to change it, or pick another name.`,
    );
  }
}

/**
 * A tracked value was read or updated before it was tracked.
 * @remarks Port of Axon's `AccessToUndeclaredTrackedVariable`.
 * @example
 * ```ts
 * import { AccessToUndeclaredTrackedVariable, CoordinatingAssistantTracker } from "kamaelia";
 * try {
 *   new CoordinatingAssistantTracker().retrieveValue("frames");
 * } catch (error) {
 *   console.log(error instanceof AccessToUndeclaredTrackedVariable); // true
 * }
 * ```
 */
export class AccessToUndeclaredTrackedVariable extends AxonException {
  /**
   * @param key - the name asked for
   * @param existing - the names that are tracked
   */
  constructor(
    readonly key: string,
    existing: Iterable<string> = [],
  ) {
    super(
      `No value named ${JSON.stringify(key)} is tracked. Tracked values: ${listNames(existing)}. ` +
        `Call trackValue(${JSON.stringify(key)}, initial) first.`,
    );
  }
}

/**
 * A coordinating assistant tracker was given a parent that is not a tracker.
 * @remarks Port of Axon's `BadParentTracker`.
 * @example
 * ```ts
 * import { BadParentTracker, CoordinatingAssistantTracker } from "kamaelia";
 * try {
 *   new CoordinatingAssistantTracker({} as CoordinatingAssistantTracker);
 * } catch (error) {
 *   console.log(error instanceof BadParentTracker); // true
 * }
 * ```
 */
export class BadParentTracker extends AxonException {
  /** @param parent - what was given */
  constructor(readonly parent: unknown) {
    super(
      `The parent of a CoordinatingAssistantTracker must be another CoordinatingAssistantTracker, not ${describe(parent)}. ` +
        `Pass a tracker, or nothing.`,
    );
  }
}

/**
 * A component lacks boxes an interface requires.
 * @remarks Port of Axon's `invalidComponentInterface`, thrown by `testInterface`.
 * @example
 * ```ts
 * import { Component, InvalidComponentInterface, testInterface } from "kamaelia";
 * try {
 *   testInterface(new Component(), [["inbox", "configuration"], ["outbox"]]);
 * } catch (error) {
 *   console.log(error instanceof InvalidComponentInterface); // true
 * }
 * ```
 */
export class InvalidComponentInterface extends AxonException {
  /**
   * @param kind - "inboxes" or "outboxes"
   * @param component - the component checked
   * @param missing - the names it lacks
   */
  constructor(
    readonly kind: "inboxes" | "outboxes",
    readonly component: unknown,
    readonly missing: readonly string[],
  ) {
    super(
      `${describe(component)} lacks the ${kind} ${listNames(missing)} that this use requires. ` +
        `Declare them in static ${kind === "inboxes" ? "Inboxes" : "Outboxes"}, or pass a component that has them.`,
    );
  }
}

/**
 * Two arguments that cannot be used together were both given.
 * @remarks Port of Axon's `ArgumentsClash`.
 * @example
 * ```ts
 * import { ArgumentsClash } from "kamaelia";
 * const error = new ArgumentsClash("thelinkage", "thecomponent");
 * console.log(error instanceof ArgumentsClash); // true
 * ```
 */
export class ArgumentsClash extends AxonException {
  /**
   * @param first - one argument
   * @param second - the argument it clashes with
   */
  constructor(
    readonly first: string,
    readonly second: string,
  ) {
    super(`The arguments ${JSON.stringify(first)} and ${JSON.stringify(second)} cannot be used together. Give one of them.`);
  }
}

/**
 * A tracked resource or a box to delete was not found.
 * @remarks Axon raised a plain `KeyError` from AdaptiveCommsComponent.
 * @example
 * ```ts
 * import { AdaptiveCommsComponent, NoSuchResource } from "kamaelia";
 * try {
 *   new AdaptiveCommsComponent().retrieveTrackedResource("inbox");
 * } catch (error) {
 *   console.log(error instanceof NoSuchResource); // true
 * }
 * ```
 */
export class NoSuchResource extends AxonException {}

/**
 * A component's main() threw an error that nothing handled.
 * @remarks `runThreads()` and `run()` reject with this; `.component` is the component that failed and
 * `.cause` the original error. The other components were stopped first.
 * @example
 * ```ts
 * import { Component, ComponentError } from "kamaelia";
 * class Broken extends Component {
 *   override *main() {
 *     throw new Error("boom");
 *   }
 * }
 * try {
 *   await new Broken().run();
 * } catch (error) {
 *   if (error instanceof ComponentError) console.log(String(error.cause)); // Error: boom
 * }
 * ```
 */
export class ComponentError extends AxonException {
  /**
   * @param component - the component whose main() threw
   * @param cause - what it threw
   */
  constructor(
    readonly component: {
      /** The component's name, as messages quote it. */
      readonly name: string;
    },
    override readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`${component.name} failed: ${reason}`, { cause });
  }
}

/**
 * A container's wiring names a child it does not have.
 * @remarks Graphline linkages name children by the names given to the Graphline; `""` and `"self"` mean
 * the Graphline itself.
 * @example
 * ```ts
 * import { Component, Graphline, NoSuchChild } from "kamaelia";
 * try {
 *   new Graphline({ A: new Component() }, { linkages: { "A.outbox": "B.inbox" } });
 * } catch (error) {
 *   console.log(error instanceof NoSuchChild); // true
 * }
 * ```
 */
export class NoSuchChild extends AxonException {
  /**
   * @param container - the container
   * @param child - the name asked for
   * @param existing - the names of its children
   */
  constructor(
    readonly container: unknown,
    readonly child: string,
    existing: Iterable<string>,
  ) {
    super(
      `${describe(container)} has no child named ${JSON.stringify(child)}. Its children are ${listNames(existing)}. ` +
        `Check the spelling; use "" or "self" for the Graphline's own boxes.`,
    );
  }
}

/**
 * A linkage in a wiring table cannot be understood.
 * @remarks Thrown by Graphline for a linkage end without a box name, or a child named like the
 * Graphline itself.
 * @example
 * ```ts
 * import { Component, Graphline, InvalidLinkage } from "kamaelia";
 * try {
 *   new Graphline({ A: new Component(), B: new Component() }, { linkages: { "A": "B.inbox" } });
 * } catch (error) {
 *   console.log(error instanceof InvalidLinkage); // true
 * }
 * ```
 */
export class InvalidLinkage extends AxonException {}
