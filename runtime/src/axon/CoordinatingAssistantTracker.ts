import {
  AccessToUndeclaredTrackedVariable,
  BadComponent,
  BadInbox,
  BadParentTracker,
  MultipleServiceDeletion,
  NamespaceClash,
  NoSuchService,
  ServiceAlreadyExists,
} from "./AxonExceptions.js";
import { Component } from "./Component.js";

/**
 * A registry where components publish named services (a component and one of its inboxes) and named
 * values for the rest of the system to look up.
 * @remarks Port of Axon.CoordinatingAssistantTracker.coordinatingassistanttracker. Registering a service
 * links nothing: a client calls `retrieveService(name)` and links its own outbox to the
 * `[component, inbox]` it gets back. A service stays registered until `deRegisterService` is called, even
 * after its component has ended. `getcat()` returns the tracker shared by the whole program: the first
 * tracker ever constructed, or one made on the first call. A tracker may be given a parent, which it keeps
 * as `parent` but never consults for lookups, as in Axon. Unlike Axon, an unknown service throws
 * {@link NoSuchService} (Axon raised a plain `KeyError`).
 * @example
 * ```ts
 * import { Component, CoordinatingAssistantTracker } from "kamaelia";
 * const cat = new CoordinatingAssistantTracker();
 * const printer = new Component();
 * cat.registerService("printer", printer, "inbox");
 * const [component, inbox] = cat.retrieveService("printer");
 * console.log(component === printer, inbox); // true inbox
 * cat.trackValue("pages.printed", 0);
 * cat.updateValue("pages.printed", 12);
 * console.log(cat.retrieveValue("pages.printed")); // 12
 * console.log(cat.servicesRegistered(), cat.informationItemsLogged()); // [ 'printer' ] [ 'pages.printed' ]
 * ```
 */
export class CoordinatingAssistantTracker {
  static #shared: CoordinatingAssistantTracker | undefined;

  /**
   * Returns the tracker shared by the whole program, making it if none exists yet.
   * @remarks The shared tracker is the first tracker ever constructed, as Axon's class-level `basecat`.
   * @example
   * ```ts
   * import { CoordinatingAssistantTracker } from "kamaelia";
   * const cat = CoordinatingAssistantTracker.getcat();
   * console.log(cat === CoordinatingAssistantTracker.getcat()); // true
   * ```
   */
  static getcat(): CoordinatingAssistantTracker {
    return (CoordinatingAssistantTracker.#shared ??= new CoordinatingAssistantTracker());
  }

  /** The tracker given to the constructor, or `undefined`. Kept, never consulted for lookups. */
  readonly parent: CoordinatingAssistantTracker | undefined;
  readonly #services = new Map<string, readonly [Component, string]>();
  readonly #values = new Map<string, unknown>();

  /**
   * Makes an empty tracker; the first one ever made becomes the shared one that `getcat()` returns.
   * @param parent - another tracker to keep as this one's parent
   * @throws {@link BadParentTracker} if `parent` is given and is not a tracker
   */
  constructor(parent?: CoordinatingAssistantTracker) {
    if (parent !== undefined && !(parent instanceof CoordinatingAssistantTracker)) {
      throw new BadParentTracker(parent);
    }
    this.parent = parent;
    CoordinatingAssistantTracker.#shared ??= this;
  }

  /** Forgets every service and every tracked value. */
  zap(): void {
    this.#services.clear();
    this.#values.clear();
  }

  /**
   * Publishes `inbox` of `component` under the service name `name`.
   * @param name - the service name clients will look up
   * @param component - the component providing the service
   * @param inbox - the inbox of `component` that receives the service's requests
   * @throws {@link ServiceAlreadyExists} if `name` is registered already, even to the same component and inbox
   * @throws {@link BadComponent} if `component` is not a {@link Component}
   * @throws {@link BadInbox} if `component` has no inbox named `inbox`
   */
  registerService(name: string, component: Component, inbox: string): void {
    if (this.#services.has(name)) throw new ServiceAlreadyExists(name);
    if (!(component instanceof Component)) throw new BadComponent(component);
    if (!Object.hasOwn(component.inboxes, inbox)) {
      throw new BadInbox(component, inbox, Object.keys(component.inboxes));
    }
    this.#services.set(name, [component, inbox]);
  }

  /**
   * Returns the component and inbox registered under `name`, to link to.
   * @param name - the service name
   * @throws {@link NoSuchService} if nothing is registered under `name`
   */
  retrieveService(name: string): [Component, string] {
    const service = this.#services.get(name);
    if (service === undefined) throw new NoSuchService(name, this.#services.keys());
    return [...service];
  }

  /**
   * Withdraws the service registered under `name`.
   * @param name - the service name
   * @throws {@link MultipleServiceDeletion} if nothing is registered under `name`
   */
  deRegisterService(name: string): void {
    if (!this.#services.delete(name)) throw new MultipleServiceDeletion(name, this.#services.keys());
  }

  /** Returns the names of the registered services, in the order they were registered. */
  servicesRegistered(): string[] {
    return [...this.#services.keys()];
  }

  /**
   * Starts tracking a value under `name`.
   * @param name - the name to track it under
   * @param value - its first value
   * @throws {@link NamespaceClash} if a value is tracked under `name` already
   */
  trackValue(name: string, value: unknown): void {
    if (this.#values.has(name)) throw new NamespaceClash(name);
    this.#values.set(name, value);
  }

  /**
   * Replaces the value tracked under `name`.
   * @param name - the tracked name
   * @param value - the new value
   * @throws {@link AccessToUndeclaredTrackedVariable} if nothing is tracked under `name`
   */
  updateValue(name: string, value: unknown): void {
    if (!this.#values.has(name)) throw new AccessToUndeclaredTrackedVariable(name, this.#values.keys());
    this.#values.set(name, value);
  }

  /**
   * Returns the value tracked under `name`.
   * @param name - the tracked name
   * @throws {@link AccessToUndeclaredTrackedVariable} if nothing is tracked under `name`
   */
  retrieveValue(name: string): unknown {
    if (!this.#values.has(name)) throw new AccessToUndeclaredTrackedVariable(name, this.#values.keys());
    return this.#values.get(name);
  }

  /** Returns the names of the tracked values, in the order tracking started. */
  informationItemsLogged(): string[] {
    return [...this.#values.keys()];
  }
}
