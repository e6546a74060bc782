/**
 * ReadFileAdaptor: a file, a command's output or stdin, read by lines or blocks at a steady pace.
 * @module
 */

import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { AsyncComponent, BadArgument, ProducerFinished, ShutdownMicroprocess } from "../index.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { ChunkReader } from "./ChunkReader.js";
import { FileError } from "./FileError.js";

/** Options for a {@link ReadFileAdaptor}. */
export interface ReadFileAdaptorOptions {
  /** The file to read. Give this or `command`; with neither it reads stdin. */
  readonly filename?: string;
  /** A shell command whose output to read. */
  readonly command?: string;
  /**
   * `"line"` (default): one line at a time, as a string; `"block"`: `readsize` bytes at a time;
   * `"bitrate"`: blocks sized and paced to make `bitrate` bits a second in `chunkrate` reads a second.
   */
  readonly readmode?: "line" | "block" | "bitrate";
  /** Bytes per read in `"block"` mode. Default 1450. */
  readonly readsize?: number;
  /** Milliseconds from one read to the next in `"line"` and `"block"` mode; 0 (default): as fast as it can. */
  readonly steptime?: number;
  /** Bits a second in `"bitrate"` mode. Default 65536. */
  readonly bitrate?: number;
  /** Reads a second in `"bitrate"` mode. Default 24. */
  readonly chunkrate?: number;
}

function positive(argument: string, value: number, unit: string): number {
  if (!(Number.isFinite(value) && value > 0)) throw new BadArgument("ReadFileAdaptor", argument, value, `a number of ${unit} greater than 0`);
  return value;
}

/**
 * Reads a file (or a command's output, or stdin) a line or a block at a time, at the pace asked for,
 * and sends what it reads; `ProducerFinished` at the end.
 * @remarks Port of Kamaelia.File.ReadFileAdaptor. In `"line"` mode each message is one line as a
 * string (UTF-8), with its `"\n"`; in `"block"` and `"bitrate"` mode each is a `Buffer` of `readsize`
 * bytes (fewer at the end). Reads are `steptime` ms apart on its scheduler's clock (in `"bitrate"` mode
 * 1000 / `chunkrate` ms apart, each of bitrate / 8 / chunkrate bytes); Kamaelia's `steptime` was in
 * seconds. A full destination inbox holds it back. At the end of the data it sends
 * `ProducerFinished` from `signal` and ends. `ShutdownMicroprocess` on `control` is passed on from
 * `signal` and ends it at once; a `ProducerFinished` there lets it read to the end and is passed on
 * instead of its own. A file it cannot read ends it with a {@link FileError}. A command runs through the
 * shell; its exit status is not looked at, and it is killed if the reader is stopped first.
 * @inbox inbox - not used
 * @inbox control - `ShutdownMicroprocess` to stop early
 * @outbox outbox - what was read: lines as strings, or blocks as `Buffer`s
 * @outbox signal - `ProducerFinished` at the end of the data
 * @see {@link RateControlledFileReader} for a rate in bytes or lines a second.
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { PureTransformer, Pipeline } from "kamaelia";
 * import { ConsoleEchoer, ReadFileAdaptor } from "kamaelia/node";
 * const file = join(tmpdir(), "read-file-adaptor-example.txt");
 * writeFileSync(file, "first\nsecond\n");
 * await new Pipeline(
 *   new ReadFileAdaptor(file, { readmode: "line", steptime: 10 }),
 *   new PureTransformer((line: string) => line.trimEnd()),
 *   new ConsoleEchoer(),
 * ).run(); // first, second
 * ```
 */
export class ReadFileAdaptor extends AsyncComponent {
  static override Inboxes = {
    inbox: "not used",
    control: "ShutdownMicroprocess to stop early",
  };
  static override Outboxes = {
    outbox: "what was read: lines as strings, or blocks as Buffers",
    signal: "ProducerFinished at the end of the data",
  };

  readonly #filename: string | undefined;
  readonly #command: string | undefined;
  readonly #lines: boolean;
  readonly #readsize: number;
  readonly #steptime: number;

  /**
   * @param filename - the file to read, or all the options
   * @param options - how to read it
   */
  constructor(filename: string | ReadFileAdaptorOptions = {}, options: ReadFileAdaptorOptions = {}) {
    super();
    const all: ReadFileAdaptorOptions = typeof filename === "string" ? { ...options, filename } : filename;
    this.#filename = all.filename;
    this.#command = all.command;
    const readmode = all.readmode ?? "line";
    if (!["line", "block", "bitrate"].includes(readmode)) throw new BadArgument("ReadFileAdaptor", "readmode", readmode, '"line", "block" or "bitrate"');
    if (all.filename !== undefined && all.command !== undefined) throw new BadArgument("ReadFileAdaptor", "command", all.command, "left out when a filename is given");
    this.#lines = readmode === "line";
    if (readmode === "bitrate") {
      const chunkrate = positive("chunkrate", all.chunkrate ?? 24, "reads a second");
      this.#readsize = Math.max(1, Math.floor(positive("bitrate", all.bitrate ?? 65536, "bits a second") / 8 / chunkrate));
      this.#steptime = 1000 / chunkrate;
    } else {
      this.#readsize = Math.floor(positive("readsize", all.readsize ?? 1450, "bytes"));
      const steptime = all.steptime ?? 0;
      if (!(Number.isFinite(steptime) && steptime >= 0)) throw new BadArgument("ReadFileAdaptor", "steptime", steptime, "a number of milliseconds, 0 or more");
      this.#steptime = steptime;
    }
  }

  override async main(): Promise<void> {
    const [source, what] = this.#open();
    const reader = new ChunkReader(source as AsyncIterable<Uint8Array>);
    const clock = this.scheduler?.clock;
    let next = clock?.now() ?? 0;
    let finished: ProducerFinished | undefined;
    try {
      for (;;) {
        const shutdown = checkShutdown(this);
        if (shutdown instanceof ShutdownMicroprocess) {
          this.send(shutdown, "signal");
          return;
        }
        finished ??= shutdown;
        let data: string | Uint8Array | null;
        try {
          data = this.#lines ? await reader.lines(1) : await reader.bytes(this.#readsize);
        } catch (error) {
          throw new FileError(this, "read", what, error);
        }
        if (data === null) break;
        await this.sendWhenSpace(data);
        if (this.#steptime > 0 && clock !== undefined) {
          next += this.#steptime;
          const wait = next - clock.now();
          if (wait > 0) await this.sleep(wait);
        }
      }
      this.send(checkShutdown(this) ?? finished ?? new ProducerFinished(this), "signal");
    } finally {
      if (source !== process.stdin) source.destroy();
    }
  }

  /** The stream to read, and what to call it in an error. */
  #open(): [Readable, string] {
    if (this.#filename !== undefined) return [createReadStream(this.#filename, { signal: this.signal }), this.#filename];
    if (this.#command !== undefined) {
      const child = spawn(this.#command, { shell: true, stdio: ["ignore", "pipe", "inherit"], signal: this.signal });
      // A failure to start shows as an empty output; the reader still ends with ProducerFinished.
      child.on("error", () => undefined);
      return [child.stdout, `the output of ${JSON.stringify(this.#command)}`];
    }
    return [process.stdin, "stdin"];
  }
}
