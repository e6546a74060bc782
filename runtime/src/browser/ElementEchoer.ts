/**
 * ElementEchoer: a console in the page, one line per message.
 * @module
 */

import { BadArgument } from "../util/BadArgument.js";
import { ConsoleEchoer } from "../util/ConsoleEchoer.js";

/** Options for an {@link ElementEchoer}: those of {@link ConsoleEchoer} that make sense in a page, and a limit. */
export interface ElementEchoerOptions {
  /** Also send each message on, unchanged, from `outbox`. Default `false`. */
  readonly forwarder?: boolean;
  /** Show strings quoted and everything in source-like form (Python's `repr`). Default `false`. */
  readonly use_repr?: boolean;
  /** Text put before each message. Default `""`. */
  readonly tag?: string;
  /** Keep only this many of the newest lines, removing older ones. Default: keep every line. */
  readonly maxLines?: number;
}

/**
 * Shows each message it receives as a line at the end of a page element, such as a `<pre>`.
 * @remarks The page's {@link ConsoleEchoer} (Kamaelia.Util.Console.ConsoleEchoer), whose `forwarder`,
 * `use_repr` and `tag` it takes and whose boxes it has: where ConsoleEchoer prints with `console.log`,
 * this one appends the text and a newline to `element`, as a text node, then scrolls the element to
 * its end so the newest line stays in view. Strings are shown as they are; other values in a
 * source-like form (`[1, 2]`, `{ a: 1 }`), or everything that way, strings quoted, with `use_repr`.
 * Lines are separated by `"\n"`, so give it a `<pre>` (or an element styled `white-space: pre-wrap`).
 * What the element held before is left in place; with `maxLines` only the newest lines it added are
 * kept. `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends;
 * `ProducerFinished` is passed on once every waiting message has been shown. Other control messages
 * are passed on from `signal`.
 * @inbox inbox - messages to show
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the messages shown, unchanged, when `forwarder` is set
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { DataSource, Pipeline } from "kamaelia";
 * import { ElementEchoer } from "kamaelia/browser";
 * const pre = document.body.appendChild(document.createElement("pre"));
 * await new Pipeline(new DataSource(["hello", [1, 2]]), new ElementEchoer(pre, { tag: "> " })).run();
 * console.log(JSON.stringify(pre.textContent)); // "> hello\n> [1, 2]\n"
 * ```
 */
export class ElementEchoer extends ConsoleEchoer {
  static override Inboxes = {
    inbox: "messages to show",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the messages shown, unchanged, when forwarder is set",
    signal: "the shutdown message when it ends, and other control messages",
  };

  /**
   * @param element - where the lines go: a `<pre>`, or any element that keeps newlines
   * @param options - whether to forward, how to show messages, a tag, and how many lines to keep
   */
  constructor(element: Element, options: ElementEchoerOptions = {}) {
    const maxLines = options.maxLines ?? Infinity;
    if (typeof (element as Partial<Element> | null)?.append !== "function") {
      throw new BadArgument("ElementEchoer", "element", element, "a page element to show the lines in, such as a <pre>");
    }
    if (!(maxLines === Infinity || (Number.isInteger(maxLines) && maxLines > 0))) {
      throw new BadArgument("ElementEchoer", "maxLines", maxLines, "a whole number greater than 0");
    }
    const lines: Text[] = [];
    const sink = (text: string): void => {
      const line = element.ownerDocument.createTextNode(`${text}\n`);
      element.append(line);
      lines.push(line);
      if (lines.length > maxLines) lines.shift()?.remove();
      element.scrollTop = element.scrollHeight;
    };
    const { forwarder = false, use_repr = false, tag = "" } = options;
    super({ forwarder, use_repr, tag, sink });
  }
}
