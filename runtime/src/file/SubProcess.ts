/**
 * What UnixProcess and UnixProcess2 share: a child process fed from inboxes, read into outboxes.
 * @module
 * @internal
 */

import { execFile, spawn, type ChildProcess } from "node:child_process";
import { constants, existsSync, openSync, readSync, unlinkSync } from "node:fs";
import { Socket } from "node:net";
import type { Readable, Writable } from "node:stream";
import { promisify } from "node:util";
import { AsyncComponent, AxonException, ErrorInformation, NoSpaceInBox, ProducerFinished, ShutdownMicroprocess } from "../index.js";
import { isData } from "../protocol/bytes.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { FileError } from "./FileError.js";

/** A command: a string run by the shell (`/bin/sh -c`), or a program and its arguments, run directly. */
export type Command = string | readonly [program: string, ...args: string[]];

/** How a process ended: its exit code, or the signal that killed it. */
export interface ExitStatus {
  /** The exit code, or `null` when a signal killed it. */
  readonly code: number | null;
  /** The signal that killed it (`"SIGTERM"`), or `null`. */
  readonly signal: NodeJS.Signals | null;
}

/** The command as words, for messages. */
function describeCommand(command: Command): string {
  return JSON.stringify(typeof command === "string" ? command : command.join(" "));
}

/**
 * A process a UnixProcess or UnixProcess2 ran could not be started, or ended with a non-zero exit code
 * or a signal it was not sent by the component.
 * @remarks Carried by the `ErrorInformation` these components send from `signal` before their
 * `ProducerFinished` when the process fails, and thrown (ending the component) when the process cannot
 * be started at all. `status` is how it ended (undefined when it never started).
 * @example
 * ```ts
 * import { ErrorInformation, handle } from "kamaelia";
 * import { ProcessFailed, UnixProcess } from "kamaelia/node";
 * const failing = handle(new UnixProcess("exit 3"));
 * const report = (await failing.get("signal")) as ErrorInformation;
 * console.log(report.exception instanceof ProcessFailed && report.exception.status?.code); // 3
 * await failing.done;
 * ```
 */
export class ProcessFailed extends AxonException {
  /**
   * @param component - the component that ran it, by name
   * @param command - the command
   * @param status - how it ended, or undefined if it never started
   * @param cause - why it could not start
   */
  constructor(
    component: { readonly name: string },
    command: Command,
    readonly status: ExitStatus | undefined,
    cause?: unknown,
  ) {
    const what = describeCommand(command);
    let message: string;
    if (status === undefined) {
      const code = (cause as { code?: unknown } | null)?.code;
      message =
        `${component.name} could not start ${what}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        (code === "ENOENT" ? "Check that the program is installed and on the PATH, or give its full path." : "Check the command and its permissions.");
    } else if (status.signal !== null) {
      message = `${component.name} ran ${what}, which was killed by ${status.signal}. Check what else could have sent it that signal.`;
    } else {
      message =
        `${component.name} ran ${what}, which exited with status ${String(status.code)}` +
        (status.code === 127 ? " (the shell found no such command; check its name and the PATH)." : ". Its error output says why: UnixProcess2 sends it from its \"error\" outbox.");
    }
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** Options for a {@link UnixProcess} (and a {@link UnixProcess2}). */
export interface UnixProcessOptions {
  /** Milliseconds (on the scheduler's clock) between SIGTERM and SIGKILL when it is shut down. Default 2000. */
  readonly killAfter?: number;
}

/** Where output waits to be sent from one outbox. */
interface Output {
  readonly box: string;
  readonly source: Readable;
  readonly queue: Buffer[];
  ended: boolean;
  paused: boolean;
  /** The file descriptor of a named pipe, drained by hand when the process has exited. */
  readonly fd?: number;
}

/** An inbox whose messages go to the process. */
interface Input {
  readonly box: string;
  /** Where they are written; null for a named pipe until the process opens it for reading. */
  sink: Writable | null;
  /** The named pipe, for an input to one. */
  readonly path?: string;
  /** Waiting to try opening the named pipe again. */
  retrying: boolean;
  open: boolean;
  draining: boolean;
}

/** Output chunks held before a pipe is paused, and the count below which it is resumed. */
const HIGH_WATER = 16;
const LOW_WATER = 4;
/** Milliseconds between tries to open a named input pipe that the process has not opened yet. */
const PIPE_RETRY_MS = 10;

const execFileAsync = promisify(execFile);

/**
 * Runs a command and connects it to the component's boxes; see UnixProcess and UnixProcess2.
 * @internal
 */
export class SubProcess extends AsyncComponent {
  readonly #command: Command;
  readonly #stderrBox: string | null;
  readonly #inpipes: Readonly<Record<string, string>>;
  readonly #outpipes: Readonly<Record<string, string>>;
  readonly #killAfter: number;

  /**
   * @param command - what to run
   * @param stderrBox - the outbox for the process's error output, or null to discard it
   * @param inpipes - named pipe paths fed from inboxes (path to inbox name)
   * @param outpipes - named pipe paths read into outboxes (path to outbox name)
   * @param options - how long to wait before killing it outright
   */
  constructor(
    command: Command,
    stderrBox: string | null,
    inpipes: Readonly<Record<string, string>>,
    outpipes: Readonly<Record<string, string>>,
    options: UnixProcessOptions,
  ) {
    super();
    this.#command = command;
    this.#stderrBox = stderrBox;
    this.#inpipes = inpipes;
    this.#outpipes = outpipes;
    this.#killAfter = options.killAfter ?? 2000;
  }

  /** The process's id while it runs (undefined before it starts or if it could not). */
  pid: number | undefined;

  override async main(): Promise<void> {
    const made: string[] = [];
    const inputs: Input[] = [];
    const outputs: Output[] = [];
    try {
      for (const path of [...Object.keys(this.#inpipes), ...Object.keys(this.#outpipes)]) {
        if (existsSync(path)) continue;
        try {
          await execFileAsync("mkfifo", [path]);
        } catch (error) {
          throw new FileError(this, "make the named pipe", path, error);
        }
        made.push(path);
      }
      // An output pipe is opened read-write, so that the process's open never waits and the pipe never
      // ends by itself: what is left in it is taken when the process has exited.
      for (const [path, box] of Object.entries(this.#outpipes)) {
        const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
        outputs.push(this.#output(box, new Socket({ fd, readable: true, writable: false }), fd));
      }
      const child = this.#spawn();
      const state: { status: ExitStatus | undefined; failure: unknown } = { status: undefined, failure: undefined };
      child.on("error", (error) => {
        if (this.pid === undefined) state.failure = error;
        this.unpause();
      });
      child.on("close", (code, signal) => {
        state.status = { code, signal };
        this.unpause();
      });
      this.pid = child.pid;
      if (child.stdin !== null) inputs.push(this.#input({ box: "inbox", sink: child.stdin, retrying: false, open: true, draining: false }));
      // An input pipe is opened for writing only once the process has opened it for reading, so that
      // closing it is an end of file the process sees.
      for (const [path, box] of Object.entries(this.#inpipes)) inputs.push({ box, sink: null, path, retrying: false, open: true, draining: false });
      if (child.stdout !== null) outputs.push(this.#output("outbox", child.stdout));
      if (child.stderr !== null && this.#stderrBox !== null) outputs.push(this.#output(this.#stderrBox, child.stderr));

      let finishing = false;
      let stop: ShutdownMicroprocess | undefined;
      const kill = { due: false, sent: false };
      for (;;) {
        if (state.failure !== undefined) throw new ProcessFailed(this, this.#command, undefined, state.failure);
        const shutdown = checkShutdown(this);
        if (shutdown instanceof ShutdownMicroprocess && stop === undefined) {
          stop = shutdown;
          for (const input of inputs) this.#close(input);
          for (const output of outputs) output.queue.length = 0;
          if (state.status === undefined) {
            child.kill("SIGTERM");
            this.#after(this.#killAfter, () => {
              kill.due = true;
            });
          }
        }
        if (shutdown instanceof ProducerFinished) finishing = true;
        if (stop === undefined) {
          for (const input of inputs) this.#feed(input, finishing);
          for (const output of outputs) this.#deliver(output);
        } else if (kill.due && !kill.sent && state.status === undefined) {
          child.kill("SIGKILL");
          kill.sent = true;
        }
        if (state.status !== undefined) {
          for (const input of inputs) this.#close(input);
          for (const output of outputs) if (output.fd !== undefined && !output.ended && stop === undefined) this.#drainPipe(output);
          if (stop !== undefined || outputs.every((output) => output.queue.length === 0)) {
            this.#finish(state.status, stop);
            return;
          }
        }
        await this.woken();
      }
    } finally {
      for (const input of inputs) this.#close(input);
      for (const output of outputs) output.source.destroy();
      for (const path of made) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      }
    }
  }

  #spawn(): ChildProcess {
    const command = this.#command;
    const options = { stdio: ["pipe", "pipe", this.#stderrBox === null ? "ignore" : "pipe"] as ("pipe" | "ignore")[], signal: this.signal };
    if (typeof command === "string") return spawn(command, { ...options, shell: true });
    const [program, ...args] = command;
    return spawn(program, args, options);
  }

  /** Watches an input's sink: the process closing its end (EPIPE) ends it; what is sent after that is dropped. */
  #input(input: Input): Input {
    input.sink?.on("error", () => {
      input.open = false;
      this.unpause();
    });
    return input;
  }

  /** Runs `action` and wakes the component `ms` milliseconds from now on its scheduler's clock. */
  #after(ms: number, action: () => void): void {
    this.scheduler?.clock.setTimeout(() => {
      action();
      this.unpause();
    }, ms);
  }

  /** Opens a named input pipe if the process has opened it for reading; else tries again a little later. */
  #openPipe(input: Input): boolean {
    const path = input.path;
    if (path === undefined || input.retrying) return false;
    let fd: number;
    try {
      fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch {
      // ENXIO: no reader yet.
      input.retrying = true;
      this.#after(PIPE_RETRY_MS, () => {
        input.retrying = false;
      });
      return false;
    }
    input.sink = new Socket({ fd, readable: false, writable: true });
    this.#input(input);
    return true;
  }

  #output(box: string, source: Readable, fd?: number): Output {
    const output: Output = { box, source, queue: [], ended: false, paused: false, ...(fd === undefined ? {} : { fd }) };
    source.on("data", (chunk: Buffer) => {
      output.queue.push(chunk);
      if (output.queue.length >= HIGH_WATER && !output.paused) {
        output.paused = true;
        source.pause();
      }
      this.unpause();
    });
    source.on("end", () => {
      output.ended = true;
      this.unpause();
    });
    source.on("error", () => {
      output.ended = true;
      this.unpause();
    });
    return output;
  }

  /** Writes what waits in the input's inbox while the process takes it; ends it when finishing. */
  #feed(input: Input, finishing: boolean): void {
    if (!input.open) {
      while (this.dataReady(input.box) > 0) this.recv(input.box);
      return;
    }
    if (input.sink === null && ((this.dataReady(input.box) === 0 && !finishing) || !this.#openPipe(input))) return;
    const sink = input.sink;
    if (sink === null) return;
    while (!input.draining && this.dataReady(input.box) > 0) {
      const data = this.recv(input.box);
      if (!isData(data)) {
        this.send(unhandled(this, input.box, data, "strings or Uint8Arrays"), "signal");
        continue;
      }
      if (!sink.write(data)) {
        input.draining = true;
        sink.once("drain", () => {
          input.draining = false;
          this.unpause();
        });
      }
    }
    if (finishing && !input.draining && this.dataReady(input.box) === 0) {
      input.open = false;
      sink.end();
    }
  }

  /** Sends what the process wrote while the destination has room; resumes a paused pipe. */
  #deliver(output: Output): void {
    while (output.queue.length > 0) {
      try {
        this.send(output.queue[0], output.box);
      } catch (error) {
        if (error instanceof NoSpaceInBox) break;
        throw error;
      }
      output.queue.shift();
    }
    if (output.paused && output.queue.length < LOW_WATER) {
      output.paused = false;
      output.source.resume();
    }
  }

  /** Takes what is left in a named pipe once the process has gone (it never ends by itself: this side holds it open too). */
  #drainPipe(output: Output): void {
    const fd = output.fd;
    if (fd === undefined) return;
    output.source.pause();
    for (let chunk = output.source.read() as Buffer | null; chunk !== null; chunk = output.source.read() as Buffer | null) output.queue.push(chunk);
    const buffer = Buffer.alloc(65536);
    for (;;) {
      let count: number;
      try {
        count = readSync(fd, buffer);
      } catch {
        break;
      }
      if (count === 0) break;
      output.queue.push(Buffer.from(buffer.subarray(0, count)));
    }
    output.ended = true;
    this.#deliver(output);
  }

  #close(input: Input): void {
    input.open = false;
    if (input.sink !== null && !input.sink.destroyed) input.sink.destroy();
  }

  #finish(status: ExitStatus, stop: ShutdownMicroprocess | undefined): void {
    if (stop !== undefined) {
      this.send(stop, "signal");
      return;
    }
    if (status.code !== 0) {
      const problem = new ProcessFailed(this, this.#command, status);
      this.send(new ErrorInformation(this, problem, problem.message), "signal");
    }
    this.send(new ProducerFinished(this, status), "signal");
  }
}
