/**
 * PromptedTurnstile: queued messages let through one per prompt.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess, type ProducerFinished } from "../axon/Ipc.js";
import { checkShutdown, laterEnd } from "./checkShutdown.js";
import { sendToEach } from "./sendToEach.js";

/**
 * Queues the messages that arrive on `inbox` and lets one through, oldest first, for each message on
 * `next`, like a turnstile letting one person through per push.
 * @remarks Port of Kamaelia.Util.PromptedTurnstile. Prompts are counted: prompts that arrive while
 * nothing is queued let the next messages through as soon as they arrive. What a prompt says does not
 * matter. A full destination (a size-limited inbox) holds the message until it has room, and nothing
 * more is taken meanwhile. `ProducerFinished` on `control` is passed on from `signal` once every queued
 * message has been let through (which may take more prompts); `ShutdownMicroprocess` at once; then it
 * ends. Other control messages are passed straight on from `signal`.
 * @inbox inbox - messages to queue
 * @inbox next - prompts: each lets one message through
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the messages, one per prompt
 * @outbox signal - other control messages, and the shutdown message when it ends
 * @example
 * ```ts
 * import { PromptedTurnstile, handle } from "kamaelia";
 * const gate = handle(new PromptedTurnstile());
 * gate.put("line 1");
 * gate.put("line 2");
 * gate.put("click", "next");
 * console.log(await gate.get()); // line 1
 * gate.put("click", "next");
 * console.log(await gate.get()); // line 2
 * await gate.shutdown();
 * ```
 */
export class PromptedTurnstile extends Component {
  static override Inboxes = {
    inbox: "messages to queue",
    next: "prompts: each lets one message through",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the messages, one per prompt",
    signal: "other control messages, and the shutdown message when it ends",
  };

  #end: ProducerFinished | ShutdownMicroprocess | undefined;

  override *main(): Generator<unknown, void, unknown> {
    const keepWaiting = (): boolean => !this.#mustStop();
    for (;;) {
      if (this.#mustStop()) break;
      if (this.dataReady("inbox") > 0 && this.dataReady("next") > 0) {
        this.recv("next");
        if (!(yield* sendToEach(this, this.recv("inbox"), ["outbox"], keepWaiting))) break;
        continue;
      }
      if (this.#end !== undefined && this.dataReady("inbox") === 0) break;
      this.pause();
      yield;
    }
    this.send(this.#end, "signal");
  }

  /** Reads `control`; true once `ShutdownMicroprocess` has arrived. */
  #mustStop(): boolean {
    this.#end = laterEnd(this.#end, checkShutdown(this));
    return this.#end instanceof ShutdownMicroprocess;
  }
}
