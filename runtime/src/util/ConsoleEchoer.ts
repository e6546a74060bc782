/**
 * ConsoleEchoer: prints whatever it is sent.
 * @module
 */

import { PureTransformer } from "./PureTransformer.js";
import { repr, str } from "./repr.js";

/** Options for a {@link ConsoleEchoer}. */
export interface ConsoleEchoerOptions {
  /** Also send each message on, unchanged, from `outbox`. Default `false`. */
  readonly forwarder?: boolean;
  /** Print strings quoted and everything in source-like form (Python's `repr`). Default `false`. */
  readonly use_repr?: boolean;
  /** Text put before each message. Default `""`. */
  readonly tag?: string;
  /** Where each line of text goes. Default `console.log`. */
  readonly sink?: (text: string) => void;
}

function consoleLog(text: string): void {
  console.log(text);
}

/**
 * Prints each message it receives: one call of its sink (by default `console.log`) per message.
 * @remarks Port of Kamaelia.Util.Console.ConsoleEchoer. Strings are printed as they are; other values
 * in a source-like form (`[1, 2]`, `{ a: 1 }`), or everything that way, strings quoted, with
 * `use_repr`. `tag` is put before each message. With `forwarder` each message is also sent on,
 * unchanged, from `outbox`. The sink makes it work anywhere: pass one that appends to a page or a
 * string. Kamaelia wrote to stdout without adding a newline; `console.log` ends each message with one.
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends; `ProducerFinished`
 * is passed on once every waiting message has been printed. Other control messages are passed on from
 * `signal`.
 * @inbox inbox - messages to print
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the messages printed, unchanged, when `forwarder` is set
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource(["hello", [1, 2]]), new ConsoleEchoer({ tag: "> " })).run(); // > hello, > [1, 2]
 * ```
 */
export class ConsoleEchoer extends PureTransformer {
  static override Inboxes = {
    inbox: "messages to print",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the messages printed, unchanged, when forwarder is set",
    signal: "the shutdown message when it ends, and other control messages",
  };

  readonly #forwarder: boolean;
  readonly #serialise: (message: unknown) => string;
  readonly #tag: string;
  readonly #sink: (text: string) => void;

  /** @param options - whether to forward, how to print, a tag, and where the text goes */
  constructor(options: ConsoleEchoerOptions = {}) {
    super();
    this.#forwarder = options.forwarder ?? false;
    this.#serialise = options.use_repr === true ? repr : str;
    this.#tag = options.tag ?? "";
    this.#sink = options.sink ?? consoleLog;
  }

  protected override processMessage(message: unknown): unknown {
    this.#sink(this.#tag + this.#serialise(message));
    return this.#forwarder ? message : undefined;
  }
}
