/**
 * The report a component sends when a message it cannot handle arrives.
 * @module
 * @internal
 */

import type { Component } from "../axon/Component.js";
import { ErrorInformation } from "../axon/Ipc.js";

/** A message described for an error report: `the string "JUMP"`, `the number 3`, `a Date`, `an Array`, `null`. */
export function describeMessage(message: unknown): string {
  if (message === null || message === undefined) return String(message);
  switch (typeof message) {
    case "string": {
      const text = JSON.stringify(message.length > 40 ? `${message.slice(0, 40)}...` : message);
      return `the string ${text}`;
    }
    case "number":
    case "boolean":
    case "bigint":
      return `the ${typeof message} ${String(message)}`;
    case "object": {
      const name = (message.constructor as { name?: unknown } | undefined)?.name;
      return typeof name === "string" && name !== "" ? withArticle(name) : "an object";
    }
    default:
      return withArticle(typeof message);
  }
}

function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/**
 * An `ErrorInformation` from `component` saying that `message`, received on `inbox`, was skipped, and
 * what that inbox accepts.
 * @internal
 */
export function unhandled(component: Component, inbox: string, message: unknown, accepts: string): ErrorInformation {
  return new ErrorInformation(
    component,
    undefined,
    `${component.name} skipped ${describeMessage(message)} on its ${JSON.stringify(inbox)} inbox: it accepts ${accepts}.`,
  );
}
