// Files: one read a line at a time, transformed and written; lines appended; one read at a steady rate.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConsoleEchoer, DataSource, Pipeline, PureTransformer, Seq, type ConsoleEchoerOptions } from "kamaelia";
import { Append, RateControlledFileReader, ReadFileAdaptor, SimpleFileWriter, SimpleReader, WholeFileWriter } from "kamaelia/node";

/** Upper-cases the file `from` into the file `to`, a line at a time. */
export const upperCaseFile = (from: string, to: string): Pipeline =>
  new Pipeline(
    new ReadFileAdaptor(from, { readmode: "line" }),
    new PureTransformer((line: string) => line.toUpperCase()),
    new SimpleFileWriter(to),
  );

/** In `dir`: writes in.txt and big.txt whole, upper-cases in.txt into out.txt, appends "d" to it twice, prints it. */
export const transformAndAppend = (dir: string, print: ConsoleEchoerOptions = {}): Seq =>
  new Seq(
    new Pipeline(new DataSource([[join(dir, "in.txt"), "a\nb\nc\n"], [join(dir, "big.txt"), "x".repeat(1000)]]), new WholeFileWriter()),
    upperCaseFile(join(dir, "in.txt"), join(dir, "out.txt")),
    new Pipeline(new DataSource(["d\n", "d\n"]), new Append(join(dir, "out.txt"), { forwarder: false })),
    new Pipeline(new SimpleReader(join(dir, "out.txt")), new PureTransformer((line: string) => line.trimEnd()), new ConsoleEchoer(print)),
  );

/** Says how many bytes each chunk holds and when it came, in ms since it started (rounded to 10 ms: real timers are never exact). */
export class ChunkTimes extends PureTransformer<Uint8Array> {
  #start = 0;

  override *main(): Generator<unknown, void, unknown> {
    this.#start = this.scheduler?.clock.now() ?? 0;
    yield* super.main();
  }

  protected override processMessage(chunk: Uint8Array): string {
    const elapsed = (this.scheduler?.clock.now() ?? 0) - this.#start;
    return `${String(chunk.length)} bytes at ${String(Math.round(elapsed / 10) * 10)} ms`;
  }
}

/** Reads `file` at 1000 bytes a second, 100 bytes at a time, and says when each chunk came. */
export const readSteadily = (file: string, print: ConsoleEchoerOptions = {}): Pipeline =>
  new Pipeline(new RateControlledFileReader(file, "bytes", { rate: 1000, chunksize: 100 }), new ChunkTimes(), new ConsoleEchoer(print));

// Run as a program, in a folder of its own; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) {
  const dir = await mkdtemp(join(tmpdir(), "kamaelia-files-"));
  await transformAndAppend(dir).run();
  await readSteadily(join(dir, "big.txt")).run();
  await rm(dir, { recursive: true });
}
