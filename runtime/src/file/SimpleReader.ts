/**
 * SimpleReader: a file, line by line, as fast as the reader downstream takes it.
 * @module
 */

import { createReadStream } from "node:fs";
import { AsyncComponent, ProducerFinished, ShutdownMicroprocess } from "../index.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { ChunkReader } from "./ChunkReader.js";
import { FileError } from "./FileError.js";

/**
 * Reads a text file and sends it line by line, each with its `"\n"`, then `ProducerFinished`.
 * @remarks Port of Kamaelia.File.Reading.SimpleReader. Lines are strings decoded from UTF-8 (the last
 * may lack its `"\n"`). It sends as fast as its destination takes them: when that inbox is full (a
 * `pipewidth`), it waits for room, so nothing is lost. The file is opened when it starts and closed
 * when it ends; one it cannot read ends it with a {@link FileError}. At the end of the file it sends
 * `ProducerFinished` from `signal` and ends. `ShutdownMicroprocess` on `control` is passed on from
 * `signal` and ends it at once; a `ProducerFinished` there lets it read to the end and is passed on
 * instead of its own. Other control messages are passed on from `signal`.
 * @inbox inbox - not used
 * @inbox control - `ShutdownMicroprocess` to stop early
 * @outbox outbox - the lines of the file, as strings
 * @outbox signal - `ProducerFinished` at the end of the file
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { Pipeline } from "kamaelia";
 * import { ConsoleEchoer, SimpleReader } from "kamaelia/node";
 * const file = join(tmpdir(), "simple-reader-example.txt");
 * writeFileSync(file, "one\ntwo");
 * await new Pipeline(new SimpleReader(file), new ConsoleEchoer({ use_repr: true })).run(); // "one\n", "two"
 * ```
 */
export class SimpleReader extends AsyncComponent {
  static override Inboxes = {
    inbox: "not used",
    control: "ShutdownMicroprocess to stop early",
  };
  static override Outboxes = {
    outbox: "the lines of the file, as strings",
    signal: "ProducerFinished at the end of the file",
  };

  /** @param filename - the file to read */
  constructor(readonly filename: string) {
    super();
  }

  override async main(): Promise<void> {
    const stream = createReadStream(this.filename, { signal: this.signal });
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
        let line: string | null;
        try {
          line = await reader.lines(1);
        } catch (error) {
          throw new FileError(this, "read", this.filename, error);
        }
        if (line === null) break;
        await this.sendWhenSpace(line);
      }
      this.send(checkShutdown(this) ?? finished ?? new ProducerFinished(this), "signal");
    } finally {
      stream.destroy();
    }
  }
}
