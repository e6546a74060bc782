/**
 * Checking that a component has the boxes a use of it needs.
 * @module
 */

import { InvalidComponentInterface } from "./AxonExceptions.js";
import type { Component } from "./Component.js";

/**
 * Checks that `component` has every inbox and outbox named in `[inboxes, outboxes]`, and throws
 * `InvalidComponentInterface` naming the missing ones (inboxes first) if not.
 * @remarks Port of Axon.util.testInterface. Containers use it to fail early, with a clear message,
 * when handed a component that lacks the boxes they wire.
 * @example
 * ```ts
 * import { Component, testInterface } from "kamaelia";
 * console.log(testInterface(new Component(), [["inbox", "control"], ["outbox"]])); // true
 * ```
 */
export function testInterface(
  component: Component,
  [inboxes, outboxes]: readonly [readonly string[], readonly string[]],
): true {
  const missingIn = inboxes.filter((name) => !Object.hasOwn(component.inboxes, name));
  if (missingIn.length > 0) throw new InvalidComponentInterface("inboxes", component, missingIn);
  const missingOut = outboxes.filter((name) => !Object.hasOwn(component.outboxes, name));
  if (missingOut.length > 0) throw new InvalidComponentInterface("outboxes", component, missingOut);
  return true;
}
