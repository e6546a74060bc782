/**
 * UnixProcess2: a command with standard input, output and error, and named pipes, on boxes.
 * @module
 */

import { BadArgument } from "../index.js";
import { SubProcess, type Command, type UnixProcessOptions } from "./SubProcess.js";

/** Options for a {@link UnixProcess2}. */
export interface UnixProcess2Options extends UnixProcessOptions {
  /** Named pipes the process writes to, each read into an outbox: path to outbox name (several may share one, `"outbox"` too). */
  readonly outpipes?: Readonly<Record<string, string>>;
  /** Named pipes the process reads from, each fed from its own new inbox: path to inbox name. */
  readonly inpipes?: Readonly<Record<string, string>>;
  /** How many messages an inbox (`"inbox"` or one of `inpipes`) holds; senders beyond that wait. */
  readonly boxsizes?: Readonly<Record<string, number>>;
}

/**
 * Runs a command as a child process with its standard input on `inbox`, standard output on `outbox`,
 * standard error on `error`, and more named pipes on boxes of their own; reports how it ended.
 * @remarks Port of Kamaelia.File.UnixProcess2. Everything {@link UnixProcess} says holds, and: the
 * process's standard error leaves from `error` as `Buffer`s. Each of `inpipes` maps a named pipe (a
 * FIFO, made when it starts if the path does not exist, removed at the end if it made it) to a new
 * inbox whose messages are written to it, as `"inbox"`'s are to standard input; each of `outpipes` maps
 * a named pipe the process writes to onto an outbox (new unless it exists). The process opens the pipes
 * by their paths (`ffmpeg -i /tmp/audio.fifo ...`). `boxsizes` limits inboxes, so that a slow process
 * holds its senders back. `ProducerFinished` on `control` closes standard input and the input pipes
 * once what waits has been written; when the process has exited, what is left in its output pipes is
 * sent, then `ProducerFinished` with the exit status (after an `ErrorInformation` if it failed).
 * `ShutdownMicroprocess` kills the process and is passed on once it has exited (Kamaelia left the
 * process running). Kamaelia's `buffersize` is not needed: Node sizes the reads.
 * @inbox inbox - data for the process's standard input: strings or `Uint8Array`s
 * @inbox control - `ProducerFinished`: close its inputs; `ShutdownMicroprocess`: kill the process
 * @outbox outbox - the process's standard output, as `Buffer`s
 * @outbox error - the process's standard error, as `Buffer`s
 * @outbox signal - `ProducerFinished` with the exit status when it has exited (after an `ErrorInformation` if it failed), or the `ShutdownMicroprocess` passed on
 * @example
 * ```ts
 * import { handle } from "kamaelia";
 * import { UnixProcess2 } from "kamaelia/node";
 * const shell = handle(new UnixProcess2("echo out; echo oops >&2"));
 * console.log(String(await shell.get()).trim(), String(await shell.get("error")).trim()); // out oops
 * await shell.done;
 * ```
 */
export class UnixProcess2 extends SubProcess {
  static override Inboxes = {
    inbox: "data for the process's standard input: strings or Uint8Arrays",
    control: "ProducerFinished: close its inputs; ShutdownMicroprocess: kill the process",
  };
  static override Outboxes = {
    outbox: "the process's standard output, as Buffers",
    error: "the process's standard error, as Buffers",
    signal: "ProducerFinished with the exit status when it has exited (after an ErrorInformation if it failed), or the ShutdownMicroprocess passed on",
  };

  /**
   * @param command - a shell command line, or `[program, ...args]`
   * @param options - named pipes, inbox sizes, and how long to wait between SIGTERM and SIGKILL on shutdown
   */
  constructor(command: Command, options: UnixProcess2Options = {}) {
    const inpipes = options.inpipes ?? {};
    const outpipes = options.outpipes ?? {};
    super(command, "error", inpipes, outpipes, options);
    for (const inbox of Object.values(inpipes)) {
      if (Object.hasOwn(this.inboxes, inbox)) {
        throw new BadArgument("UnixProcess2", "inpipes", inbox, `a new inbox name for each pipe (not "inbox", "control" or one used twice)`);
      }
      this._createInbox(inbox);
    }
    for (const outbox of Object.values(outpipes)) if (!Object.hasOwn(this.outboxes, outbox)) this._createOutbox(outbox);
    for (const [inbox, size] of Object.entries(options.boxsizes ?? {})) this.setInboxSize(inbox, size);
  }
}
