/**
 * Chargen: an endless stream of "Hello World", for testing.
 * @module
 */

import { NoSpaceInBox } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { checkShutdown } from "./checkShutdown.js";

/**
 * Sends the string `"Hello World"` from `outbox` once per scheduler cycle, for ever: a test source.
 * @remarks Port of Kamaelia.Util.Chargen. It is not rate limited, but it does respect a size-limited
 * destination: when the inbox it feeds is full it sleeps until the consumer takes a message. Kamaelia's
 * ignored `control`; this one ends when `ProducerFinished` or `ShutdownMicroprocess` arrives there,
 * passing it on from `signal`. Other control messages are passed on from `signal`.
 * @inbox inbox - not used
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - `"Hello World"`, again and again
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { Chargen, handle } from "kamaelia";
 * const chargen = handle(new Chargen());
 * console.log(await chargen.get(), await chargen.get()); // Hello World Hello World
 * await chargen.shutdown();
 * ```
 */
export class Chargen extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: '"Hello World", again and again',
    signal: "the shutdown message when it ends, and other control messages",
  };

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      try {
        this.send("Hello World", "outbox");
      } catch (error) {
        if (!(error instanceof NoSpaceInBox)) throw error;
        // A consumer taking a message (or a control message arriving) wakes us to try again.
        this.pause();
      }
      yield;
    }
  }
}
