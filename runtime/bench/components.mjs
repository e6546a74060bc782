/**
 * The Axon-style component that several workloads share.
 * @module
 */

import { Component } from "kamaelia";

/**
 * Passes every message from `inbox` to `outbox`; a message on `control` leaves on `signal` and ends it.
 * Written the way Axon components are: take what is ready, send it on, pause until woken.
 */
export class PassThrough extends Component {
  /** @override */
  *main() {
    for (;;) {
      while (this.dataReady()) this.send(this.recv());
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}
