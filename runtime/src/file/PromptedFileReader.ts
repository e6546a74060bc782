/**
 * PromptedFileReader: so many bytes or lines of a file each time it is asked.
 * @module
 */

import { open, type FileHandle } from "node:fs/promises";
import { AsyncComponent, ProducerFinished, ShutdownMicroprocess } from "../index.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { ChunkReader } from "./ChunkReader.js";
import { FileError } from "./FileError.js";

/**
 * Reads a file only when asked: each whole number `n` on its inbox makes it read and send the next `n`
 * bytes (or lines); `ProducerFinished` at the end of the file.
 * @remarks Port of Kamaelia.File.Reading.PromptedFileReader, the pull-style reader that a
 * `ByteRate_RequestControl` or anything else can pace (see {@link RateControlledFileReader}). In
 * `"bytes"` mode each answer is a `Buffer` of up to `n` bytes; in `"lines"` mode a string of up to `n`
 * lines, each with its `"\n"`. Fewer come only at the end of the file. A request with nothing left to
 * read sends `ProducerFinished` from `signal` and ends it. A request that is not a whole number above 0
 * is reported as an `ErrorInformation` from `signal` and skipped. The file is opened when it starts and
 * closed when it ends; one it cannot read ends it with a {@link FileError}. `ShutdownMicroprocess` on
 * `control` is passed on from `signal` and ends it at once; `ProducerFinished` there (no more requests
 * are coming) is passed on once the requests waiting have been answered. Other control messages are
 * passed on from `signal`.
 * @inbox inbox - requests: how many bytes or lines to read next
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - what was read: `Buffer`s, or strings of lines
 * @outbox signal - `ProducerFinished` at the end of the file; the shutdown message; `ErrorInformation` for a bad request
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { handle } from "kamaelia";
 * import { PromptedFileReader } from "kamaelia/node";
 * const file = join(tmpdir(), "prompted-file-reader-example.txt");
 * writeFileSync(file, "a\nb\nc\n");
 * const reader = handle(new PromptedFileReader(file, "lines"));
 * reader.put(2);
 * console.log(JSON.stringify(await reader.get())); // "a\nb\n"
 * reader.put(5);
 * console.log(JSON.stringify(await reader.get())); // "c\n"
 * reader.put(1);
 * await reader.done;
 * ```
 */
export class PromptedFileReader extends AsyncComponent {
  static override Inboxes = {
    inbox: "requests: how many bytes or lines to read next",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "what was read: Buffers, or strings of lines",
    signal: "ProducerFinished at the end of the file; the shutdown message; ErrorInformation for a bad request",
  };

  readonly #lines: boolean;

  /**
   * @param filename - the file to read
   * @param readmode - `"bytes"` (default) or `"lines"`: what a request counts
   */
  constructor(
    readonly filename: string,
    readmode: "bytes" | "lines" = "bytes",
  ) {
    super();
    this.#lines = readmode === "lines";
  }

  override async main(): Promise<void> {
    let file: FileHandle;
    try {
      file = await open(this.filename, "r");
    } catch (error) {
      throw new FileError(this, "open for reading", this.filename, error);
    }
    const stream = file.createReadStream({ signal: this.signal });
    const reader = new ChunkReader(stream as AsyncIterable<Uint8Array>);
    let finished: ProducerFinished | undefined;
    try {
      for (;;) {
        const shutdown = checkShutdown(this);
        if (shutdown instanceof ShutdownMicroprocess) {
          this.send(shutdown, "signal");
          return;
        }
        finished ??= shutdown;
        if (this.dataReady("inbox") === 0) {
          if (finished !== undefined) {
            this.send(finished, "signal");
            return;
          }
          await this.waitForAny("inbox", "control");
          continue;
        }
        const request = this.recv("inbox");
        if (typeof request !== "number" || !Number.isSafeInteger(request) || request < 1) {
          this.send(unhandled(this, "inbox", request, "whole numbers above 0: how many to read"), "signal");
          continue;
        }
        let data: string | Uint8Array | null;
        try {
          data = this.#lines ? await reader.lines(request) : await reader.bytes(request);
        } catch (error) {
          throw new FileError(this, "read", this.filename, error);
        }
        if (data === null) {
          this.send(new ProducerFinished(this), "signal");
          return;
        }
        await this.sendWhenSpace(data);
      }
    } finally {
      stream.destroy();
    }
  }
}
