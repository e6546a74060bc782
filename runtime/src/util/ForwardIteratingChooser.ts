/**
 * ForwardIteratingChooser: steps forward through any iterable, one item per `"NEXT"`.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "./checkShutdown.js";
import { unhandled } from "./unhandled.js";

/**
 * Steps forward through an iterable, even an endless one, sending its first item at once and the next
 * one for each `"NEXT"`.
 * @remarks Port of Kamaelia.Util.Chooser.ForwardIteratingChooser. Items are taken from the iterable
 * only as they are asked for. `"SAME"` sends the current item again. A `"NEXT"` past the last item
 * sends `ProducerFinished` from `signal` and it ends; an empty iterable ends it that way at once. Any
 * other command (it cannot go back) is reported as an `ErrorInformation` on `signal` and skipped.
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends; `ProducerFinished`
 * is passed on after the waiting commands have been handled. Other control messages are passed
 * straight on from `signal`. When it ends the iterator is closed (a generator's `finally` runs). Pair
 * it with a `Carousel` to play a playlist. See {@link Chooser} to step both ways through a list.
 * @inbox inbox - commands: `"NEXT"` or `"SAME"`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the chosen items
 * @outbox signal - `ProducerFinished` after the last item; `ErrorInformation` for a command it cannot handle; other control messages
 * @example
 * ```ts
 * import { ForwardIteratingChooser, handle } from "kamaelia";
 * function* playlist() {
 *   yield "track 1.mp3";
 *   yield "track 2.mp3";
 * }
 * const chooser = handle(new ForwardIteratingChooser(playlist()));
 * console.log(await chooser.get()); // track 1.mp3
 * chooser.put("NEXT");
 * console.log(await chooser.get()); // track 2.mp3
 * chooser.put("NEXT");
 * await chooser.done;
 * ```
 */
export class ForwardIteratingChooser extends Component {
  static override Inboxes = {
    inbox: 'commands: "NEXT" or "SAME"',
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the chosen items",
    signal: "ProducerFinished after the last item; ErrorInformation for a command it cannot handle; other control messages",
  };

  readonly #items: Iterable<unknown>;

  /** @param items - the items, taken one at a time as they are asked for */
  constructor(items: Iterable<unknown> = []) {
    super();
    this.#items = items;
  }

  override *main(): Generator<unknown, void, unknown> {
    const iterator = this.#items[Symbol.iterator]();
    try {
      let step = iterator.next();
      if (step.done === true) {
        this.send(new ProducerFinished(this), "signal");
        return;
      }
      this.send(step.value);
      for (;;) {
        const end = checkShutdown(this);
        if (end instanceof ShutdownMicroprocess) {
          this.send(end, "signal");
          return;
        }
        while (this.dataReady("inbox") > 0) {
          const command = this.recv("inbox");
          if (command === "NEXT") {
            step = iterator.next();
            if (step.done === true) {
              this.send(new ProducerFinished(this), "signal");
              return;
            }
            this.send(step.value);
          } else if (command === "SAME") this.send(step.value);
          else this.send(unhandled(this, "inbox", command, '"NEXT" or "SAME"'), "signal");
        }
        if (end !== undefined) {
          this.send(end, "signal");
          return;
        }
        this.pause();
        yield;
      }
    } finally {
      iterator.return?.();
    }
  }
}
