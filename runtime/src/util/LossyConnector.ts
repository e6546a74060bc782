/**
 * LossyConnector: passes messages on, dropping those that find the destination full.
 * @module
 */

import { NoSpaceInBox } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "./checkShutdown.js";

/**
 * Passes every message from `inbox` on out of `outbox`, dropping any that finds the destination full,
 * and counts what it dropped in {@link LossyConnector.dropped}.
 * @remarks Port of Kamaelia.Util.LossyConnector. Dropping is its purpose: put it in front of a
 * size-limited inbox (`link(..., { pipewidth })`) so a fast producer never waits for a slow consumer
 * (live video, sensor readings: the latest data matters more than all of it). It never reports a drop
 * as an error; read `dropped` to see how many were lost. Any other error while sending is not caught.
 * `ProducerFinished` on `control` is passed on from `signal` after the waiting messages have been
 * handled, `ShutdownMicroprocess` at once; then it ends. Other control messages are passed straight on
 * from `signal`.
 * @inbox inbox - messages to pass on
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the messages that found room
 * @outbox signal - other control messages, and the shutdown message when it ends
 * @example
 * ```ts
 * import { Component, LossyConnector, ProducerFinished } from "kamaelia";
 * const lossy = new LossyConnector();
 * const slow = new Component();
 * const wiring = new Component();
 * wiring.link([wiring, "outbox"], [lossy, "inbox"]);
 * wiring.link([wiring, "signal"], [lossy, "control"]);
 * wiring.link([lossy, "outbox"], [slow, "inbox"], { pipewidth: 2 });
 * for (let frame = 1; frame <= 5; frame++) wiring.send(`frame ${frame}`);
 * wiring.send(new ProducerFinished(), "signal");
 * await lossy.run();
 * console.log(slow.recv("inbox"), slow.recv("inbox"), lossy.dropped); // frame 1 frame 2 3
 * ```
 */
export class LossyConnector extends Component {
  static override Inboxes = {
    inbox: "messages to pass on",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the messages that found room",
    signal: "other control messages, and the shutdown message when it ends",
  };

  #dropped = 0;

  /** How many messages it has dropped because the destination was full. */
  get dropped(): number {
    return this.#dropped;
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const end = checkShutdown(this);
      if (!(end instanceof ShutdownMicroprocess)) while (this.dataReady("inbox") > 0) this.#pass(this.recv("inbox"));
      if (end !== undefined) {
        this.send(end, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }

  #pass(message: unknown): void {
    try {
      this.send(message);
    } catch (error) {
      if (!(error instanceof NoSpaceInBox)) throw error;
      this.#dropped++;
    }
  }
}
