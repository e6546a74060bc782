/**
 * A record of one link from a source box to a sink box.
 * @module
 */

import type { Box } from "./Box.js";
import type { Component } from "./Component.js";

/** How a linkage connects its boxes: 0 outbox to inbox, 1 inbox to inbox, 2 outbox to outbox. */
export type Passthrough = 0 | 1 | 2;

/**
 * A link from one component's box to another's, as made by `Component.link`.
 * @remarks Port of Axon.Linkage.linkage. `passthrough` 0 links an outbox to an inbox; 1 links an inbox to
 * an inbox (a container forwarding what arrives to a child); 2 links an outbox to an outbox (a child's
 * output leaving through its container). `delivered` counts the messages that have passed through it.
 * The component that made the link owns it: it goes when that component ends or unlinks it.
 * @example
 * ```ts
 * import { Component } from "kamaelia";
 * const a = new Component(), b = new Component();
 * const linkage = a.link([a, "outbox"], [b, "inbox"]);
 * a.send("hello");
 * console.log(linkage.sourcePair()[1], linkage.sinkPair()[1], linkage.delivered); // outbox inbox 1
 * ```
 */
export class Linkage {
  /** Messages that have passed through this linkage. */
  delivered = 0;

  /** @internal Made by `Component.link`. */
  constructor(
    /** The component the messages come from. */
    readonly source: Component,
    /** The name of the box they leave from. */
    readonly sourcebox: string,
    /** The component they go to. */
    readonly sink: Component,
    /** The name of the box they go to. */
    readonly sinkbox: string,
    /** 0 outbox to inbox, 1 inbox to inbox, 2 outbox to outbox. */
    readonly passthrough: Passthrough,
    /** @internal */ readonly _sourceBox: Box,
    /** @internal */ readonly _sinkBox: Box,
    /** The component that made it (and removes it when it ends). */
    readonly owner: Component,
  ) {}

  /** `[source, sourcebox]`. */
  sourcePair(): [Component, string] {
    return [this.source, this.sourcebox];
  }

  /** `[sink, sinkbox]`. */
  sinkPair(): [Component, string] {
    return [this.sink, this.sinkbox];
  }

  /** `Link( source:[name,box], sink:[name,box] )`, as Axon prints it. */
  toString(): string {
    return `Link( source:[${this.source.name},${this.sourcebox}], sink:[${this.sink.name},${this.sinkbox}] )`;
  }
}
