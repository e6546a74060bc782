/**
 * Ticker: text shown in a page one word at a time.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess, type ProducerFinished } from "../axon/Ipc.js";
import { requirePositive } from "../util/BadArgument.js";
import { checkShutdown, laterEnd } from "../util/checkShutdown.js";
import { str } from "../util/repr.js";
import { unhandled } from "../util/unhandled.js";
import { placeWidget } from "./placeWidget.js";

/** Options for a {@link Ticker}: where it shows its words, and how fast. */
export interface TickerOptions {
  /** The element to show the words in. */
  readonly element?: Element;
  /** Where to add a new `<div>` for the words, when no `element` is given. */
  readonly parent?: Element;
  /** How many words it shows a second. Default 8, as in Kamaelia. */
  readonly words_per_second?: number;
}

/** A line break in the text: the next word starts a new line. */
const NEWLINE = "\n";

/**
 * Shows the text it receives one word at a time, at a steady pace, like a news ticker.
 * @remarks Port of Kamaelia.UI.Pygame.Ticker, on a page element (`element`, or a new `<div>` added to
 * `parent`) rather than a Pygame surface. Each message is split into words, which are added to the
 * element one every `1 / words_per_second` seconds of its scheduler's clock (the first at once),
 * separated by spaces; a line break in the text starts a new line. The element is scrolled to its end
 * as words come. Any message on `pausebox` holds the words back until a message on `unpausebox`, and a
 * number from 0 to 255 on `alphacontrol` sets the element's opacity (255 opaque), as in Kamaelia. Other
 * values are shown in a source-like form; anything else on `alphacontrol` is skipped and reported as an
 * `ErrorInformation` on `signal`. `ProducerFinished` on `control` is passed on from `signal` once every
 * word received has been shown; `ShutdownMicroprocess` is passed on once the word being shown has had
 * its turn, dropping the rest. Then it ends; the words shown stay. Other control messages are passed on
 * from `signal`.
 * @inbox inbox - text to show, word by word
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @inbox pausebox - any message: stop showing words
 * @inbox unpausebox - any message: go on showing words
 * @inbox alphacontrol - the opacity, from 0 (transparent) to 255 (opaque)
 * @outbox outbox - not used
 * @outbox signal - the shutdown message when it ends, other control messages, and `ErrorInformation` for skipped opacities
 * @see {@link TextDisplayer} for whole lines at once.
 * @example
 * ```ts
 * import { DataSource, Pipeline } from "kamaelia";
 * import { Ticker } from "kamaelia/browser";
 * const news = document.body.appendChild(document.createElement("div"));
 * const started = performance.now();
 * await new Pipeline(new DataSource(["to be or not"]), new Ticker({ element: news, words_per_second: 100 })).run();
 * console.log(news.textContent, performance.now() - started >= 30); // to be or not true
 * ```
 */
export class Ticker extends Component {
  static override Inboxes = {
    inbox: "text to show, word by word",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
    pausebox: "any message: stop showing words",
    unpausebox: "any message: go on showing words",
    alphacontrol: "the opacity, from 0 (transparent) to 255 (opaque)",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the shutdown message when it ends, other control messages, and ErrorInformation for skipped opacities",
  };

  readonly #element: HTMLElement;
  readonly #delayMs: number;
  /** Words (and line breaks) waiting to be shown. */
  #words: string[] = [];
  /** Whether the current line has a word on it yet. */
  #lineStarted = false;

  /** @param options - the element, or the parent to add one to, and the pace */
  constructor(options: TickerOptions) {
    super();
    this.#element = placeWidget("Ticker", "div", options, false);
    this.#delayMs = 1000 / requirePositive("Ticker", "words_per_second", options.words_per_second ?? 8, "words a second");
  }

  override *main(): Generator<unknown, void, unknown> {
    let end: ProducerFinished | ShutdownMicroprocess | undefined;
    let held = false;
    for (;;) {
      end = laterEnd(end, checkShutdown(this));
      if (end instanceof ShutdownMicroprocess) {
        this.send(end, "signal");
        return;
      }
      while (this.dataReady("alphacontrol") > 0) this.#setAlpha(this.recv("alphacontrol"));
      while (this.dataReady("pausebox") > 0) {
        this.recv("pausebox");
        held = true;
      }
      while (this.dataReady("unpausebox") > 0) {
        this.recv("unpausebox");
        held = false;
      }
      while (this.dataReady("inbox") > 0) this.#words.push(...wordsOf(str(this.recv("inbox"))));
      const word = held ? undefined : this.#words.shift();
      if (word !== undefined) {
        this.#show(word);
        // Line breaks take no time; each word takes its turn.
        if (word !== NEWLINE) yield this.sleep(this.#delayMs);
        continue;
      }
      if (end !== undefined && this.#words.length === 0) {
        this.send(end, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }

  #show(word: string): void {
    const element = this.#element;
    if (word === NEWLINE) {
      element.append(element.ownerDocument.createElement("br"));
      this.#lineStarted = false;
    } else {
      element.append(this.#lineStarted ? ` ${word}` : word);
      this.#lineStarted = true;
    }
    element.scrollTop = element.scrollHeight;
  }

  #setAlpha(alpha: unknown): void {
    if (typeof alpha !== "number" || !(alpha >= 0 && alpha <= 255)) {
      this.send(unhandled(this, "alphacontrol", alpha, "numbers from 0 to 255"), "signal");
      return;
    }
    this.#element.style.opacity = String(alpha / 255);
  }
}

/** The words of a text, and its line breaks as {@link NEWLINE}. */
function wordsOf(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line, i) => [...(i > 0 ? [NEWLINE] : []), ...line.split(/\s+/).filter((word) => word !== "")]);
}
