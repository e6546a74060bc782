/**
 * SimpleFileWriter: everything it is sent, written to one file.
 * @module
 */

import { open, type FileHandle } from "node:fs/promises";
import { AsyncComponent } from "../index.js";
import { isData } from "../protocol/bytes.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { FileError } from "./FileError.js";

/**
 * Writes every message it receives to a file, in order, and closes the file when told to finish.
 * @remarks Port of Kamaelia.File.Writing.SimpleFileWriter. Messages are strings (written as UTF-8) or
 * `Uint8Array`s; anything else is reported as an `ErrorInformation` from `signal` and skipped. With
 * mode `"wb"` (the default) the file is created or emptied when it starts; with `"ab"` it is appended
 * to. `ProducerFinished` or `ShutdownMicroprocess` on `control` is passed on from `signal` once every
 * message waiting has been written and the file closed (so the file is complete when it arrives), and it
 * ends. Other control messages are passed on from `signal`. A file it cannot open or write ends it with
 * a {@link FileError}.
 * @inbox inbox - data to write: strings or `Uint8Array`s
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: write what waits, close, pass it on, end
 * @outbox outbox - not used
 * @outbox signal - the shutdown message once the file is closed; other control messages; `ErrorInformation` for a message it cannot write
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { DataSource, Pipeline } from "kamaelia";
 * import { SimpleFileWriter } from "kamaelia/node";
 * const file = join(tmpdir(), "simple-file-writer-example.txt");
 * await new Pipeline(new DataSource(["hello, ", "file"]), new SimpleFileWriter(file)).run();
 * console.log(readFileSync(file, "utf8")); // hello, file
 * ```
 */
export class SimpleFileWriter extends AsyncComponent {
  static override Inboxes = {
    inbox: "data to write: strings or Uint8Arrays",
    control: "ProducerFinished or ShutdownMicroprocess: write what waits, close, pass it on, end",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the shutdown message once the file is closed; other control messages; ErrorInformation for a message it cannot write",
  };

  /**
   * @param filename - the file to write
   * @param mode - `"wb"` (default): start the file afresh; `"ab"`: append to it
   */
  constructor(
    readonly filename: string,
    readonly mode: "wb" | "ab" = "wb",
  ) {
    super();
  }

  override async main(): Promise<void> {
    let file: FileHandle;
    try {
      file = await open(this.filename, this.mode === "ab" ? "a" : "w");
    } catch (error) {
      throw new FileError(this, "open for writing", this.filename, error);
    }
    let closed = false;
    try {
      for (;;) {
        const shutdown = checkShutdown(this);
        while (this.dataReady("inbox") > 0) {
          const data = this.recv("inbox");
          if (!isData(data)) {
            this.send(unhandled(this, "inbox", data, "strings or Uint8Arrays"), "signal");
            continue;
          }
          try {
            await file.writeFile(data);
          } catch (error) {
            throw new FileError(this, "write to", this.filename, error);
          }
        }
        if (shutdown !== undefined) {
          closed = true;
          await file.close();
          this.send(shutdown, "signal");
          return;
        }
        await this.waitForAny("inbox", "control");
      }
    } finally {
      if (!closed) await file.close();
    }
  }
}
