/**
 * Chooser: steps back and forth through a list, sending the item it lands on.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "./checkShutdown.js";
import { unhandled } from "./unhandled.js";

/**
 * Holds a list of items and, like a cursor, sends the item chosen by each command: `"NEXT"`, `"PREV"`,
 * `"FIRST"`, `"LAST"` or `"SAME"`.
 * @remarks Port of Kamaelia.Util.Chooser.Chooser. It sends the first item as soon as it starts. `"NEXT"`
 * and `"PREV"` move one step and send the new item; at the end (or the start) nothing is sent unless it
 * was made with `loop`, in which case it wraps round (Kamaelia's wrap backwards was broken). `"FIRST"`
 * and `"LAST"` jump and send even if already there; `"SAME"` sends the current item again. With no items
 * nothing is ever sent. Any other command is reported as an `ErrorInformation` on `signal` and skipped.
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends; `ProducerFinished`
 * is passed on after the waiting commands have been handled. Other control messages are passed
 * straight on from `signal`. See {@link ForwardIteratingChooser} for any iterable, even an endless one.
 * @inbox inbox - commands: `"NEXT"`, `"PREV"`, `"FIRST"`, `"LAST"` or `"SAME"`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the chosen items
 * @outbox signal - `ErrorInformation` for a command it cannot handle, other control messages, and the shutdown message when it ends
 * @example
 * ```ts
 * import { Chooser, handle } from "kamaelia";
 * const slides = handle(new Chooser(["title.png", "intro.png", "end.png"]));
 * for (const command of ["NEXT", "NEXT", "NEXT", "PREV", "FIRST"]) slides.put(command);
 * for (let i = 0; i < 5; i++) console.log(await slides.get()); // title.png, intro.png, end.png, intro.png, title.png
 * await slides.shutdown();
 * ```
 */
export class Chooser extends Component {
  static override Inboxes = {
    inbox: 'commands: "NEXT", "PREV", "FIRST", "LAST" or "SAME"',
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the chosen items",
    signal: "ErrorInformation for a command it cannot handle, other control messages, and the shutdown message when it ends",
  };

  readonly #items: readonly unknown[];
  readonly #loop: boolean;
  #index = 0;

  /**
   * @param items - the items to choose from (copied when it is made)
   * @param loop - wrap round from the last item to the first and back
   */
  constructor(items: Iterable<unknown> = [], loop = false) {
    super();
    this.#items = [...items];
    this.#loop = loop;
  }

  override *main(): Generator<unknown, void, unknown> {
    this.#sendCurrent();
    for (;;) {
      const end = checkShutdown(this);
      if (end instanceof ShutdownMicroprocess) {
        this.send(end, "signal");
        return;
      }
      while (this.dataReady("inbox") > 0) this.#handle(this.recv("inbox"));
      if (end !== undefined) {
        this.send(end, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }

  #handle(command: unknown): void {
    const last = this.#items.length - 1;
    switch (command) {
      case "SAME":
        this.#sendCurrent();
        return;
      case "NEXT":
        this.#goTo(this.#index < last ? this.#index + 1 : this.#loop ? 0 : undefined);
        return;
      case "PREV":
        this.#goTo(this.#index > 0 ? this.#index - 1 : this.#loop ? last : undefined);
        return;
      case "FIRST":
        this.#goTo(0);
        return;
      case "LAST":
        this.#goTo(last);
        return;
      default:
        this.send(unhandled(this, "inbox", command, '"NEXT", "PREV", "FIRST", "LAST" or "SAME"'), "signal");
    }
  }

  /** Moves to `index` and sends that item; `undefined` (no such move) sends nothing. */
  #goTo(index: number | undefined): void {
    if (index === undefined) return;
    this.#index = index;
    this.#sendCurrent();
  }

  #sendCurrent(): void {
    if (this.#items.length > 0) this.send(this.#items[this.#index]);
  }
}
