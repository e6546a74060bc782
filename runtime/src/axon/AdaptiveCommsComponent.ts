/**
 * Components that add and remove boxes while they run, and remember what each box is for.
 * @module
 */

import { NoSuchBox, NoSuchResource, describe, listNames } from "./AxonExceptions.js";
import { Component } from "./Component.js";
import { nextId } from "./Microprocess.js";

/** The boxes and information recorded for a resource by `trackResourceInformation`. */
export type ResourceInformation = readonly [inboxes: readonly string[], outboxes: readonly string[], information: unknown];

/**
 * A component that can add and delete inboxes and outboxes at run time, and track which resource (a
 * connection, a child) each box belongs to.
 * @remarks Port of Axon.AdaptiveCommsComponent. `addInbox(name)` returns the name actually used: the name
 * asked for if free, else that name with a unique number appended. Unlink a box before deleting it.
 * Servers, splitters and demultiplexers use it to grow a box per client.
 * @inbox inbox - data to process
 * @inbox control - shutdown messages
 * @outbox outbox - results
 * @outbox signal - shutdown messages passed on when it ends
 * @example
 * ```ts
 * import { AdaptiveCommsComponent } from "kamaelia";
 * const hub = new AdaptiveCommsComponent();
 * const first = hub.addInbox("client");
 * const second = hub.addInbox("client");
 * hub.trackResource("connection-2", second);
 * console.log(first, second === first, hub.retrieveTrackedResource(second)); // client false connection-2
 * ```
 */
export class AdaptiveCommsComponent extends Component {
  #resourceByInbox = new Map<string, unknown>();
  #information = new Map<unknown, ResourceInformation>();

  /** Adds an inbox and returns its name: `name` if free, else `name` with a unique number appended. */
  addInbox(name = "inbox"): string {
    const free = freeName(name, this.inboxes);
    this._createInbox(free);
    return free;
  }

  /** Adds an outbox and returns its name: `name` if free, else `name` with a unique number appended. */
  addOutbox(name = "outbox"): string {
    const free = freeName(name, this.outboxes);
    this._createOutbox(free);
    return free;
  }

  /** Deletes an inbox; messages in it are lost. Unlink it first. */
  deleteInbox(name: string): void {
    if (!Object.hasOwn(this.inboxes, name)) throw new NoSuchBox(this, "inbox", name, Object.keys(this.inboxes));
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- boxes are keyed by run-time names
    delete this.inboxes[name];
    if (name === "inbox") this._inbox = undefined;
    this._scheduler?._topologyChanged();
  }

  /** Deletes an outbox. Unlink it first. */
  deleteOutbox(name: string): void {
    if (!Object.hasOwn(this.outboxes, name)) throw new NoSuchBox(this, "outbox", name, Object.keys(this.outboxes));
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- boxes are keyed by run-time names
    delete this.outboxes[name];
    if (name === "outbox") this._outbox = undefined;
    this._scheduler?._topologyChanged();
  }

  /** Records that messages arriving on `inbox` concern `resource`. */
  trackResource(resource: unknown, inbox: string): void {
    if (!Object.hasOwn(this.inboxes, inbox)) throw new NoSuchBox(this, "inbox", inbox, Object.keys(this.inboxes));
    this.#resourceByInbox.set(inbox, resource);
  }

  /** The resource recorded for `inbox`. */
  retrieveTrackedResource(inbox: string): unknown {
    if (!this.#resourceByInbox.has(inbox)) {
      throw new NoSuchResource(
        `${this.name} tracks no resource for the inbox ${JSON.stringify(inbox)}. ` +
          `Inboxes with resources: ${listNames(this.#resourceByInbox.keys())}. Call trackResource(resource, inbox) first.`,
      );
    }
    return this.#resourceByInbox.get(inbox);
  }

  /** Records the boxes and any information that belong to `resource`. */
  trackResourceInformation(resource: unknown, inboxes: readonly string[], outboxes: readonly string[], information: unknown): void {
    for (const name of inboxes) {
      if (!Object.hasOwn(this.inboxes, name)) throw new NoSuchBox(this, "inbox", name, Object.keys(this.inboxes));
    }
    for (const name of outboxes) {
      if (!Object.hasOwn(this.outboxes, name)) throw new NoSuchBox(this, "outbox", name, Object.keys(this.outboxes));
    }
    this.#information.set(resource, [inboxes, outboxes, information]);
  }

  /** The boxes and information recorded for `resource`. */
  retrieveTrackedResourceInformation(resource: unknown): ResourceInformation {
    const found = this.#information.get(resource);
    if (found === undefined) {
      throw new NoSuchResource(
        `${this.name} has no information on the resource ${show(resource)}. ` +
          `Resources with information: ${this.#resources()}. Call trackResourceInformation first.`,
      );
    }
    return found;
  }

  #resources(): string {
    const shown = [...this.#information.keys()].map(show);
    return shown.length > 0 ? shown.join(", ") : "(none)";
  }

  /** Forgets the information recorded for `resource` (its inbox mapping stays). */
  ceaseTrackingResource(resource: unknown): void {
    if (!this.#information.delete(resource)) {
      throw new NoSuchResource(
        `${this.name} is not tracking the resource ${show(resource)}, so it cannot stop tracking it. ` +
          `Resources it tracks: ${this.#resources()}.`,
      );
    }
  }
}

/** A resource, for an error message: strings quoted, components and objects by name or kind. */
function show(resource: unknown): string {
  if (typeof resource === "string") return JSON.stringify(resource);
  if (typeof resource === "object" && resource !== null) return describe(resource);
  return String(resource);
}

function freeName(name: string, boxes: Readonly<Record<string, unknown>>): string {
  let candidate = name;
  while (Object.hasOwn(boxes, candidate)) candidate = `${name}${String(nextId())}`;
  return candidate;
}
