/**
 * WholeFileWriter: whole files written on request.
 * @module
 */

import { writeFile } from "node:fs/promises";
import { AsyncComponent, ErrorInformation } from "../index.js";
import { isData } from "../protocol/bytes.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { FileError } from "./FileError.js";

/**
 * Writes a whole file for each `[filename, contents]` job it receives, one at a time, and sends the
 * file's name when it is written.
 * @remarks Port of Kamaelia.File.WholeFileWriter. Each job creates or replaces the file with the
 * contents (a string, written as UTF-8, or a `Uint8Array`), then the filename leaves from `outbox`. A
 * file that cannot be written is reported as an `ErrorInformation` carrying a {@link FileError} from
 * `signal` and the next job goes on; so is a message that is not a job. `ProducerFinished` or
 * `ShutdownMicroprocess` on `control` is passed on from `signal` once every job waiting is done, and it
 * ends (Kamaelia's never ended). Other control messages are passed on from `signal`.
 * @inbox inbox - jobs: `[filename, contents]`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: finish the jobs waiting, pass it on, end
 * @outbox outbox - the filename of each file written
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for a job that failed
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { DataSource, Pipeline } from "kamaelia";
 * import { WholeFileWriter } from "kamaelia/node";
 * const file = join(tmpdir(), "whole-file-writer-example.txt");
 * await new Pipeline(new DataSource([[file, "all of it"]]), new WholeFileWriter()).run();
 * console.log(readFileSync(file, "utf8")); // all of it
 * ```
 */
export class WholeFileWriter extends AsyncComponent {
  static override Inboxes = {
    inbox: "jobs: [filename, contents]",
    control: "ProducerFinished or ShutdownMicroprocess: finish the jobs waiting, pass it on, end",
  };
  static override Outboxes = {
    outbox: "the filename of each file written",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for a job that failed",
  };

  override async main(): Promise<void> {
    for (;;) {
      const shutdown = checkShutdown(this);
      while (this.dataReady("inbox") > 0) await this.#job(this.recv("inbox"));
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      await this.waitForAny("inbox", "control");
    }
  }

  async #job(job: unknown): Promise<void> {
    if (!Array.isArray(job) || job.length !== 2 || typeof job[0] !== "string" || !isData(job[1])) {
      this.send(unhandled(this, "inbox", job, "[filename, contents] jobs: a string and a string or Uint8Array"), "signal");
      return;
    }
    const [filename, contents] = job as [string, string | Uint8Array];
    try {
      await writeFile(filename, contents);
    } catch (error) {
      const problem = new FileError(this, "write", filename, error);
      this.send(new ErrorInformation(this, problem, problem.message), "signal");
      return;
    }
    await this.sendWhenSpace(filename);
  }
}
