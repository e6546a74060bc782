/**
 * UnixProcess: a command fed from the inbox, its output sent from the outbox.
 * @module
 */

import { SubProcess, type Command, type UnixProcessOptions } from "./SubProcess.js";

/**
 * Runs a command as a child process: what arrives on `inbox` goes to its standard input, what it writes
 * to its standard output leaves from `outbox`, and how it ended is reported from `signal`.
 * @remarks Port of Kamaelia.File.UnixProcess. The command is a string run by the shell, or
 * `[program, ...args]` run directly (no quoting worries: prefer it for file names). It starts when the
 * component does. Messages for standard input are strings (UTF-8) or `Uint8Array`s, written in order;
 * while the process is slow to read them they wait in the inbox, so a size-limited inbox holds the
 * sender back (Kamaelia dropped data instead). Output leaves as `Buffer`s, as the process writes it;
 * when the destination is full the process is held back. Standard error is discarded (see
 * {@link UnixProcess2}). `ProducerFinished` on `control` closes standard input once every message
 * waiting has been written. When the process has exited and all its output has been sent, it sends
 * `ProducerFinished` from `signal`, carrying the {@link ExitStatus} as its `message`, and ends; a
 * non-zero exit code or a signal is first reported by an `ErrorInformation` carrying a
 * {@link ProcessFailed}. `ShutdownMicroprocess` on `control` sends the process SIGTERM (SIGKILL
 * `killAfter` ms later if it is still running), drops what has not been sent, and is passed on from
 * `signal` once the process has exited, so nothing is left running. A component stopped outright kills
 * its process too. A command that cannot be started ends it with a `ProcessFailed`. Other control
 * messages are passed on from `signal`.
 * @inbox inbox - data for the process's standard input: strings or `Uint8Array`s
 * @inbox control - `ProducerFinished`: close standard input; `ShutdownMicroprocess`: kill the process
 * @outbox outbox - the process's standard output, as `Buffer`s
 * @outbox signal - `ProducerFinished` with the exit status when it has exited (after an `ErrorInformation` if it failed), or the `ShutdownMicroprocess` passed on
 * @example
 * ```ts
 * import { DataSource, Pipeline, PureTransformer } from "kamaelia";
 * import { ConsoleEchoer, UnixProcess } from "kamaelia/node";
 * await new Pipeline(
 *   new DataSource(["pear\n", "apple\n"]),
 *   new UnixProcess("sort"),
 *   new PureTransformer((chunk: Buffer) => chunk.toString().trim().split("\n").join(", ")),
 *   new ConsoleEchoer(),
 * ).run(); // apple, pear
 * ```
 */
export class UnixProcess extends SubProcess {
  static override Inboxes = {
    inbox: "data for the process's standard input: strings or Uint8Arrays",
    control: "ProducerFinished: close standard input; ShutdownMicroprocess: kill the process",
  };
  static override Outboxes = {
    outbox: "the process's standard output, as Buffers",
    signal: "ProducerFinished with the exit status when it has exited (after an ErrorInformation if it failed), or the ShutdownMicroprocess passed on",
  };

  /**
   * @param command - a shell command line, or `[program, ...args]`
   * @param options - how long to wait between SIGTERM and SIGKILL on shutdown
   */
  constructor(command: Command, options: UnixProcessOptions = {}) {
    super(command, null, {}, {}, options);
  }
}
