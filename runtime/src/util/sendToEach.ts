/**
 * Sending one message from several outboxes when some destinations may be full.
 * @module
 * @internal
 */

import { NoSpaceInBox } from "../axon/AxonExceptions.js";
import type { Component } from "../axon/Component.js";

/**
 * Sends `message` from each of `outboxes`, waiting (paused) for room at any destination that is full,
 * so nothing is lost and each destination gets messages in order. Use with `yield*` from `main()`: it
 * returns true once every destination has the message. After each wake `keepWaiting()` is asked first
 * (read `control` there); when it returns false the remaining sends are abandoned and it returns false.
 * An outbox the component no longer has (deleted while waiting) is skipped.
 * @internal
 */
export function* sendToEach(
  component: Component,
  message: unknown,
  outboxes: Iterable<string>,
  keepWaiting: () => boolean,
): Generator<undefined, boolean, unknown> {
  let full = trySend(component, message, outboxes);
  while (full.length > 0) {
    // A consumer taking a message wakes every component whose outbox feeds its inbox.
    component.pause();
    yield;
    if (!keepWaiting()) return false;
    full = trySend(component, message, full.filter((outbox) => Object.hasOwn(component.outboxes, outbox)));
  }
  return true;
}

/** Sends from each outbox in turn; returns those whose destination was full. */
function trySend(component: Component, message: unknown, outboxes: Iterable<string>): string[] {
  const full: string[] = [];
  for (const outbox of outboxes) {
    try {
      component.send(message, outbox);
    } catch (error) {
      if (!(error instanceof NoSpaceInBox)) throw error;
      full.push(outbox);
    }
  }
  return full;
}
