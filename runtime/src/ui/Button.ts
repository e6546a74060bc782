/**
 * Button: a page button that sends a message each time it is clicked.
 * @module
 */

import { Component } from "../axon/Component.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { placeWidget } from "./placeWidget.js";

/** Options for a {@link Button}: where it is, what it says and sends. */
export interface ButtonOptions {
  /** The element to use as the button (a `<button>`, or anything clickable). */
  readonly element?: Element;
  /** Where to add a new `<button>`, when no `element` is given. */
  readonly parent?: Element;
  /** The new button's text. Default `"Button <id>"`; a given `element` keeps its own. */
  readonly caption?: string;
  /** What each click sends. Default `["CLICK", id]`, `id` being the component's. */
  readonly msg?: unknown;
  /** A key (a `KeyboardEvent.key`, such as `" "` or `"ArrowRight"`) that clicks it too, pressed anywhere in its page. Default: none. */
  readonly key?: string;
}

/**
 * Sends a preset message from `outbox` each time a page button is clicked.
 * @remarks Port of Kamaelia.UI.Pygame.Button, on a DOM element rather than a Pygame surface: it adds a
 * `<button>` showing `caption` to `parent`, or uses the `element` it is given. Each click (or press of
 * `key` anywhere in the page) sends `msg` from `outbox`; the default is `["CLICK", id]`, as in Kamaelia.
 * It listens from the moment it is made, so a click before the scheduler has run it is sent when it
 * starts. `ProducerFinished` or `ShutdownMicroprocess` on `control` is passed on from `signal` and it
 * ends: it stops listening and disables the button (when it is a `<button>`), where Kamaelia's kept its
 * surface. Other control messages are passed on from `signal`. `inbox` is not used (Kamaelia's took
 * Pygame's events there).
 * @inbox inbox - not used
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - `msg`, once per click
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @see {@link Chooser} to step through slides with NEXT and PREV buttons.
 * @example
 * ```ts
 * import { ConsoleEchoer, Pipeline, ProducerFinished, handle } from "kamaelia";
 * import { Button } from "kamaelia/browser";
 * const next = new Button({ parent: document.body, caption: "Next", msg: "NEXT" });
 * const system = handle(new Pipeline(next, new ConsoleEchoer()));
 * const button = document.querySelector("button");
 * button?.click();
 * button?.click();
 * system.put(new ProducerFinished(), "control");
 * await system.done; // NEXT, NEXT
 * console.log(button?.textContent, button?.disabled); // Next true
 * ```
 */
export class Button extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "msg, once per click",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #element: Element;
  readonly #msg: unknown;
  /** Clicks not yet sent. */
  #clicks = 0;
  readonly #stopListening: () => void;

  /** @param options - the element, or the parent to add one to; the caption, the message and a key */
  constructor(options: ButtonOptions) {
    super();
    const element = placeWidget("Button", "button", options, false);
    if (options.element === undefined) element.textContent = options.caption ?? `Button ${String(this.id)}`;
    this.#element = element;
    this.#msg = "msg" in options ? options.msg : ["CLICK", this.id];
    const click = (): void => {
      this.#clicks++;
      this.unpause();
    };
    const { key } = options;
    const keydown = (event: KeyboardEvent): void => {
      // A focused button clicks itself on Enter and Space: that click is counted already.
      if (event.key === key && !(event.target === element && (key === "Enter" || key === " "))) click();
    };
    element.addEventListener("click", click);
    if (key !== undefined) element.ownerDocument.addEventListener("keydown", keydown);
    this.#stopListening = () => {
      element.removeEventListener("click", click);
      element.ownerDocument.removeEventListener("keydown", keydown);
    };
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      for (; this.#clicks > 0; this.#clicks--) this.send(this.#msg, "outbox");
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }

  /** @internal However it ends, it stops listening, and a `<button>` is disabled. */
  override _closeDown(): void {
    this.#stopListening();
    if (this.#element.localName === "button") (this.#element as HTMLButtonElement).disabled = true;
    super._closeDown();
  }
}
