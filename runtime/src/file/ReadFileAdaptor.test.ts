import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ComponentError, Pipeline, ProducerFinished, Scheduler, ShutdownMicroprocess, VirtualClock } from "../index.js";
import { Collector, Harness, rejection, tempDir, thrown } from "../test-support/harness.js";
import { FileError } from "./FileError.js";
import { ReadFileAdaptor } from "./ReadFileAdaptor.js";

/** Runs `reader` into a Collector on a virtual clock and returns what arrived, when, and the end. */
async function collect(reader: ReadFileAdaptor): Promise<Collector> {
  const scheduler = new Scheduler({ clock: new VirtualClock() });
  const collector = new Collector();
  new Pipeline(reader, collector).activate(scheduler);
  await scheduler.runThreads();
  return collector;
}

describe("ReadFileAdaptor", () => {
  it("reads a file a line at a time by default, each line a string with its newline, then ProducerFinished", async () => {
    const file = join(tempDir(), "lines.txt");
    writeFileSync(file, "first\nsecond\nno newline");
    const out = await collect(new ReadFileAdaptor(file));
    expect(out.received).toEqual(["first\n", "second\n", "no newline"]);
    expect(out.control).toEqual([expect.any(ProducerFinished)]);
  });

  it("reads blocks of readsize bytes, fewer at the end", async () => {
    const file = join(tempDir(), "blocks.bin");
    writeFileSync(file, Buffer.from([1, 2, 3, 4, 5, 6, 7]));
    const out = await collect(new ReadFileAdaptor({ filename: file, readmode: "block", readsize: 3 }));
    expect(out.received.map((block) => [...(block as Buffer)])).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(out.received[0]).toBeInstanceOf(Buffer);
  });

  it("reads steptime milliseconds apart on its scheduler's clock", async () => {
    const file = join(tempDir(), "paced.txt");
    writeFileSync(file, "a\nb\nc\n");
    const out = await collect(new ReadFileAdaptor(file, { steptime: 200 }));
    expect(out.received).toEqual(["a\n", "b\n", "c\n"]);
    expect(out.receivedAt).toEqual([0, 200, 400]);
  });

  it("in bitrate mode reads bitrate / 8 / chunkrate bytes, chunkrate times a second", async () => {
    const file = join(tempDir(), "stream.bin");
    writeFileSync(file, Buffer.alloc(25));
    const out = await collect(new ReadFileAdaptor(file, { readmode: "bitrate", bitrate: 320, chunkrate: 4 }));
    expect(out.received.map((block) => (block as Buffer).length)).toEqual([10, 10, 5]);
    expect(out.receivedAt).toEqual([0, 250, 500]);
  });

  it("reads the output of a shell command", async () => {
    const out = await collect(new ReadFileAdaptor({ command: `"${process.execPath}" -e "console.log('x'); console.log('y')"` }));
    expect(out.received).toEqual(["x\n", "y\n"]);
    expect(out.control).toEqual([expect.any(ProducerFinished)]);
  });

  it("waits while its destination inbox is full and loses nothing", async () => {
    const file = join(tempDir(), "many.txt");
    writeFileSync(file, Array.from({ length: 50 }, (_, i) => `${String(i)}\n`).join(""));
    const scheduler = new Scheduler({ clock: new VirtualClock() });
    const collector = new Collector(10);
    const reader = new ReadFileAdaptor(file);
    new Pipeline(reader, collector).activate(scheduler);
    collector.setInboxSize("inbox", 2);
    await scheduler.runThreads();
    expect(collector.received).toHaveLength(50);
    expect(collector.mostWaiting).toBeLessThanOrEqual(2);
  });

  it("passes ShutdownMicroprocess on and stops reading", async () => {
    const file = join(tempDir(), "long.txt");
    writeFileSync(file, "a\nb\nc\n");
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new ReadFileAdaptor(file, { steptime: 1000 }));
    harness.send("control", stop);
    await harness.finish();
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([stop]);
  });

  it("ends with a FileError naming the file when it cannot read it", async () => {
    const missing = join(tempDir(), "missing.txt");
    const error = await rejection(new Harness(new ReadFileAdaptor(missing)).finish());
    expect(error).toBeInstanceOf(ComponentError);
    const cause = (error as ComponentError).cause;
    expect(cause).toBeInstanceOf(FileError);
    expect((cause as FileError).code).toBe("ENOENT");
    expect((cause as FileError).message.replace(missing, "<missing>").replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"ReadFileAdaptor_N could not read "<missing>": it does not exist (ENOENT). Check the path (a relative path starts from the current directory) and that the folder exists."`,
    );
  });

  it("refuses options it cannot work with", () => {
    expect(thrown(() => new ReadFileAdaptor("f", { readmode: "block", readsize: 0 }))).toMatchInlineSnapshot(`"BadArgument: new ReadFileAdaptor(): readsize must be a number of bytes greater than 0, not 0."`);
    expect(thrown(() => new ReadFileAdaptor({ filename: "f", command: "ls" }))).toMatchInlineSnapshot(`"BadArgument: new ReadFileAdaptor(): command must be left out when a filename is given, not ls."`);
    expect(thrown(() => new ReadFileAdaptor("f", { readmode: "bitrate", chunkrate: -1 }))).toContain("chunkrate must be a number of reads a second greater than 0");
  });
});
