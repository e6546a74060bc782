/**
 * ConsoleReader: lines typed at the console (or piped into the process).
 * @module
 */

import { createInterface } from "node:readline";
import { Component, NoSpaceInBox, ProducerFinished, ShutdownMicroprocess } from "../index.js";
import { checkShutdown } from "../util/checkShutdown.js";

/** Options for a {@link ConsoleReader}. */
export interface ConsoleReaderOptions {
  /** Shown before each line is read. Default: none. */
  readonly prompt?: string;
  /** Put after each line. Default `""`: lines come without their line ending. */
  readonly eol?: string;
  /** Where lines come from. Default `process.stdin`. */
  readonly input?: NodeJS.ReadableStream;
  /** Where the prompt goes. Default `process.stdout`. */
  readonly output?: NodeJS.WritableStream;
}

/**
 * Sends each line read from standard input (or another stream), then `ProducerFinished` at the end of
 * the input.
 * @remarks Port of Kamaelia.Util.Console.ConsoleReader. Lines are read with `node:readline`, without
 * their line ending unless `eol` is given (Kamaelia added `"\n"`, but {@link ConsoleEchoer} prints
 * with `console.log`, which adds one), and leave from `outbox` one message each. A `prompt`, if given,
 * is written to `output` before each line (Kamaelia showed `">>> "` by default). When the input ends
 * (Ctrl-D, or the end of a pipe) it sends the lines it has read and then `ProducerFinished` from
 * `signal`, and ends. `ProducerFinished` on `control` stops reading: the lines already read are sent,
 * it is passed on from `signal`, and it ends; `ShutdownMicroprocess` is passed on at once and ends it.
 * Other control messages are passed on from `signal`. When its destination inbox is full, reading
 * pauses until there is room. Ending closes the readline interface, so a finished program can exit.
 * @inbox inbox - not used
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: stop reading, pass it on, end
 * @outbox outbox - the lines read, as strings
 * @outbox signal - `ProducerFinished` at the end of the input, or the shutdown message passed on
 * @example
 * ```ts
 * import { Readable } from "node:stream";
 * import { Pipeline } from "kamaelia";
 * import { ConsoleEchoer, ConsoleReader } from "kamaelia/node";
 * const typed = Readable.from(["hello\nworld\n"]);
 * await new Pipeline(new ConsoleReader({ input: typed }), new ConsoleEchoer()).run(); // hello, world
 * ```
 */
export class ConsoleReader extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "ProducerFinished or ShutdownMicroprocess: stop reading, pass it on, end",
  };
  static override Outboxes = {
    outbox: "the lines read, as strings",
    signal: "ProducerFinished at the end of the input, or the shutdown message passed on",
  };

  readonly #prompt: string;
  readonly #eol: string;
  readonly #input: NodeJS.ReadableStream | undefined;
  readonly #output: NodeJS.WritableStream | undefined;

  /** @param options - the prompt, the line ending to add, and the streams to use */
  constructor(options: ConsoleReaderOptions = {}) {
    super();
    this.#prompt = options.prompt ?? "";
    this.#eol = options.eol ?? "";
    this.#input = options.input;
    this.#output = options.output;
  }

  override *main(): Generator<unknown, void, unknown> {
    const prompting = this.#prompt !== "";
    const reader = createInterface({
      input: this.#input ?? process.stdin,
      ...(prompting ? { output: this.#output ?? process.stdout, prompt: this.#prompt } : {}),
    });
    const lines: string[] = [];
    // Set by readline's callbacks, between steps.
    const input = { ended: false, paused: false };
    reader.on("line", (line) => {
      lines.push(line + this.#eol);
      if (prompting) reader.prompt();
      this.unpause();
    });
    reader.on("close", () => {
      input.ended = true;
      this.unpause();
    });
    try {
      if (prompting) reader.prompt();
      for (;;) {
        const shutdown = checkShutdown(this);
        if (shutdown instanceof ShutdownMicroprocess) {
          this.send(shutdown, "signal");
          return;
        }
        this.#sendLines(lines);
        // A full destination holds the reading back until it takes something (which wakes this).
        if (!input.ended && input.paused !== (lines.length > 0)) {
          input.paused = !input.paused;
          if (input.paused) reader.pause();
          else reader.resume();
        }
        if (lines.length === 0 && (shutdown !== undefined || input.ended)) {
          this.send(shutdown ?? new ProducerFinished(this), "signal");
          return;
        }
        this.pause();
        yield;
      }
    } finally {
      reader.close();
    }
  }

  /** Sends lines until they run out or the destination is full. */
  #sendLines(lines: string[]): void {
    let sent = 0;
    for (const line of lines) {
      try {
        this.send(line, "outbox");
      } catch (error) {
        if (error instanceof NoSpaceInBox) break;
        throw error;
      }
      sent++;
    }
    lines.splice(0, sent);
  }
}
