/**
 * TextDisplayer: a scrolling panel of text in a page, one line per message.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { BadArgument } from "../util/BadArgument.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { str } from "../util/repr.js";
import { placeWidget } from "./placeWidget.js";

/** Options for a {@link TextDisplayer}: where it shows its lines, and how many it keeps. */
export interface TextDisplayerOptions {
  /** The element to show the lines in. */
  readonly element?: Element;
  /** Where to add a new `<div>` for the lines, when no `element` is given. */
  readonly parent?: Element;
  /** Keep only this many of the newest lines. Default: keep every line. */
  readonly maxLines?: number;
}

/**
 * Shows each message it receives as a new line at the bottom of a panel in the page, scrolling older
 * lines up.
 * @remarks Port of Kamaelia.UI.Pygame.Text.TextDisplayer: each message becomes one line, a `<div>`
 * appended to its element (`element`, or a new `<div>` added to `parent`), which is then scrolled to
 * the bottom; long lines wrap, as the page wraps them. Strings are shown as they are, other values in a
 * source-like form; line breaks inside a message become spaces, as in Kamaelia. With `maxLines` only the
 * newest lines are kept. `ProducerFinished` on `control` is passed on from `signal` once every waiting
 * message has been shown, `ShutdownMicroprocess` at once, and it ends; the lines stay. Other control
 * messages are passed on from `signal`. For a console-like `<pre>` with {@link ConsoleEchoer}'s options
 * see {@link ElementEchoer}.
 * @inbox inbox - messages to show, one line each
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - not used
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @see {@link Textbox} for typing lines in.
 * @example
 * ```ts
 * import { DataSource, Pipeline } from "kamaelia";
 * import { TextDisplayer } from "kamaelia/browser";
 * const panel = document.body.appendChild(document.createElement("div"));
 * await new Pipeline(new DataSource(["To be, or not to be:", "that is the question"]), new TextDisplayer({ element: panel })).run();
 * console.log(panel.children.length, panel.lastElementChild?.textContent); // 2 that is the question
 * ```
 */
export class TextDisplayer extends Component {
  static override Inboxes = {
    inbox: "messages to show, one line each",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #element: HTMLElement;
  readonly #maxLines: number;
  readonly #lines: Element[] = [];

  /** @param options - the element, or the parent to add one to, and how many lines to keep */
  constructor(options: TextDisplayerOptions) {
    super();
    this.#element = placeWidget("TextDisplayer", "div", options, false);
    const maxLines = options.maxLines ?? Infinity;
    if (!(maxLines === Infinity || (Number.isInteger(maxLines) && maxLines > 0))) {
      throw new BadArgument("TextDisplayer", "maxLines", maxLines, "a whole number greater than 0");
    }
    this.#maxLines = maxLines;
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      if (!(shutdown instanceof ShutdownMicroprocess)) {
        while (this.dataReady("inbox") > 0) this.#show(str(this.recv("inbox")).replace(/[\r\n]/g, " "));
      }
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }

  #show(text: string): void {
    const element = this.#element;
    const line = element.appendChild(element.ownerDocument.createElement("div"));
    line.textContent = text;
    this.#lines.push(line);
    if (this.#lines.length > this.#maxLines) this.#lines.shift()?.remove();
    element.scrollTop = element.scrollHeight;
  }
}
