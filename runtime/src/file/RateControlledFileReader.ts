/**
 * RateControlledFileReader: a file read at so many bytes or lines a second.
 * @module
 */

import { ByteRate_RequestControl, Graphline, type ByteRate_RequestControlOptions } from "../index.js";
import { PromptedFileReader } from "./PromptedFileReader.js";

/**
 * Reads a file at a steady rate of bytes (or lines) a second, in chunks, then `ProducerFinished`.
 * @remarks Port of Kamaelia.File.Reading.RateControlledFileReader (a function returning a Graphline
 * there; a Graphline subclass here): a {@link ByteRate_RequestControl} asks a {@link PromptedFileReader}
 * for so many bytes or lines at a time, at the rate given by `rateargs` (`rate` items a second, in
 * chunks of `chunksize` items or `chunkrate` chunks a second). Time is its scheduler's clock. At the end
 * of the file the reader's `ProducerFinished` goes to the rate control, which passes it on from
 * `signal`, and it ends. `control` feeds the reader: `ShutdownMicroprocess` stops both, and it leaves
 * from `signal`. A file it cannot read ends it with a {@link FileError}.
 * @inbox inbox - not used
 * @inbox control - `ShutdownMicroprocess` to stop early
 * @outbox outbox - what was read: `Buffer`s, or strings of lines
 * @outbox signal - `ProducerFinished` at the end of the file, or the shutdown message
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { Pipeline } from "kamaelia";
 * import { ConsoleEchoer, RateControlledFileReader } from "kamaelia/node";
 * const file = join(tmpdir(), "rate-controlled-file-reader-example.txt");
 * writeFileSync(file, "1\n2\n3\n4\n5\n");
 * await new Pipeline(
 *   new RateControlledFileReader(file, "lines", { rate: 100, chunksize: 2 }),
 *   new ConsoleEchoer({ use_repr: true }),
 * ).run(); // "1\n2\n", "3\n4\n", "5\n"
 * ```
 */
export class RateControlledFileReader extends Graphline {
  /**
   * @param filename - the file to read
   * @param readmode - `"bytes"` (default) or `"lines"`: what the rate counts
   * @param rateargs - the rate, and either `chunksize` or `chunkrate`, as for ByteRate_RequestControl
   */
  constructor(filename: string, readmode: "bytes" | "lines" = "bytes", rateargs: ByteRate_RequestControlOptions = {}) {
    super(
      { RC: new ByteRate_RequestControl(rateargs), RFA: new PromptedFileReader(filename, readmode) },
      {
        linkages: {
          "RC.outbox": "RFA.inbox",
          "RFA.outbox": "self.outbox",
          "RFA.signal": "RC.control",
          "RC.signal": "self.signal",
          "self.control": "RFA.control",
        },
      },
    );
  }
}
