/**
 * Append: each message added to the end of a file, and passed on.
 * @module
 */

import { appendFile, open, truncate, type FileHandle } from "node:fs/promises";
import { AsyncComponent } from "../index.js";
import { isData } from "../protocol/bytes.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { FileError } from "./FileError.js";

/** Options for an {@link Append}. */
export interface AppendOptions {
  /** Also send each message on, unchanged, from `outbox`. Default `true`. */
  readonly forwarder?: boolean;
  /** Empty the file when it starts. Default `false`. */
  readonly blat_file?: boolean;
  /** Keep the file open between messages; `false` opens and closes it for each one. Default `true`. */
  readonly hold_open?: boolean;
}

/**
 * Appends each message it receives to the end of a file and, by default, passes it on: drop it into a
 * pipeline to log what flows through.
 * @remarks Port of Kamaelia.File.Append. Messages are strings (written as UTF-8) or `Uint8Array`s;
 * anything else is reported as an `ErrorInformation` from `signal` and skipped. Each message is written
 * before it is passed on, so what has left `outbox` is in the file. With `blat_file` the file is emptied
 * (or created) when it starts (Kamaelia did it on construction); with `hold_open: false` the file is
 * opened and closed for each message, so other programs can move it between messages. `ProducerFinished`
 * or `ShutdownMicroprocess` on `control` is passed on from `signal` once every message waiting has been
 * written and the file closed, and it ends (Kamaelia's ended on any control message). Other control
 * messages are passed on from `signal`. A file it cannot open or write ends it with a
 * {@link FileError}.
 * @inbox inbox - data to append: strings or `Uint8Array`s
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: write what waits, close, pass it on, end
 * @outbox outbox - each message, once it is in the file, when `forwarder` is set
 * @outbox signal - the shutdown message once the file is closed; other control messages; `ErrorInformation` for a message it cannot write
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { DataSource, Pipeline } from "kamaelia";
 * import { Append, ConsoleEchoer } from "kamaelia/node";
 * const log = join(tmpdir(), "append-example.log");
 * await new Pipeline(new DataSource(["a;", "b;"]), new Append(log, { blat_file: true }), new ConsoleEchoer()).run(); // a;, b;
 * console.log(readFileSync(log, "utf8")); // a;b;
 * ```
 */
export class Append extends AsyncComponent {
  static override Inboxes = {
    inbox: "data to append: strings or Uint8Arrays",
    control: "ProducerFinished or ShutdownMicroprocess: write what waits, close, pass it on, end",
  };
  static override Outboxes = {
    outbox: "each message, once it is in the file, when forwarder is set",
    signal: "the shutdown message once the file is closed; other control messages; ErrorInformation for a message it cannot write",
  };

  readonly #forwarder: boolean;
  readonly #blatFile: boolean;
  readonly #holdOpen: boolean;
  #file: FileHandle | null = null;

  /**
   * @param filename - the file to append to
   * @param options - whether to pass messages on, empty the file first, and keep it open
   */
  constructor(
    readonly filename: string,
    options: AppendOptions = {},
  ) {
    super();
    this.#forwarder = options.forwarder ?? true;
    this.#blatFile = options.blat_file ?? false;
    this.#holdOpen = options.hold_open ?? true;
  }

  override async main(): Promise<void> {
    try {
      if (this.#blatFile) await this.#attempt("empty", () => truncateOrCreate(this.filename));
      for (;;) {
        const shutdown = checkShutdown(this);
        while (this.dataReady("inbox") > 0) {
          const data = this.recv("inbox");
          if (!isData(data)) {
            this.send(unhandled(this, "inbox", data, "strings or Uint8Arrays"), "signal");
            continue;
          }
          await this.#attempt("append to", () => this.#append(data));
          if (this.#forwarder) await this.sendWhenSpace(data);
        }
        if (shutdown !== undefined) {
          await this.#close();
          this.send(shutdown, "signal");
          return;
        }
        await this.waitForAny("inbox", "control");
      }
    } finally {
      await this.#close();
    }
  }

  async #append(data: string | Uint8Array): Promise<void> {
    if (!this.#holdOpen) {
      await appendFile(this.filename, data);
      return;
    }
    this.#file ??= await open(this.filename, "a");
    await this.#file.writeFile(data);
  }

  async #close(): Promise<void> {
    const file = this.#file;
    this.#file = null;
    await file?.close();
  }

  async #attempt(doing: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      throw new FileError(this, doing, this.filename, error);
    }
  }
}

async function truncateOrCreate(path: string): Promise<void> {
  try {
    await truncate(path);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
    await appendFile(path, "");
  }
}
