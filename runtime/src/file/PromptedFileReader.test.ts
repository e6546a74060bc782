import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ComponentError, ErrorInformation, ProducerFinished, ShutdownMicroprocess, handle } from "../index.js";
import { Harness, rejection, stopDefaultScheduler, tempDir } from "../test-support/harness.js";
import { FileError } from "./FileError.js";
import { PromptedFileReader } from "./PromptedFileReader.js";

describe("PromptedFileReader", () => {
  it("reads as many bytes as each request asks for, as Buffers, and nothing unasked", async () => {
    const file = join(tempDir(), "data.bin");
    writeFileSync(file, "abcdefgh");
    const reader = handle(new PromptedFileReader(file));
    reader.put(3);
    expect(await reader.get()).toEqual(Buffer.from("abc"));
    reader.put(2);
    reader.put(1);
    expect(await reader.get()).toEqual(Buffer.from("de"));
    expect(await reader.get()).toEqual(Buffer.from("f"));
    await reader.shutdown();
    expect(stopDefaultScheduler()).toEqual([]);
  });

  it("reads as many lines as asked for in lines mode, fewer at the end, then ProducerFinished on the next request", async () => {
    const file = join(tempDir(), "lines.txt");
    writeFileSync(file, "1\n2\n3\n");
    const harness = new Harness(new PromptedFileReader(file, "lines"));
    harness.send("inbox", 2, 2, 2);
    await harness.finish();
    expect(harness.take()).toEqual(["1\n2\n", "3\n"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("reports a request that is not a whole number above 0 and answers the next", async () => {
    const file = join(tempDir(), "data.bin");
    writeFileSync(file, "xyz");
    const harness = new Harness(new PromptedFileReader(file));
    harness.send("inbox", "3", 0, 1.5, 2).send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take()).toEqual([Buffer.from("xy")]);
    const signal = harness.take("signal");
    expect(signal.slice(0, 3).map((m) => String((m as ErrorInformation).message).replace(/_\d+/, "_N"))).toEqual([
      'PromptedFileReader_N skipped the string "3" on its "inbox" inbox: it accepts whole numbers above 0: how many to read.',
      'PromptedFileReader_N skipped the number 0 on its "inbox" inbox: it accepts whole numbers above 0: how many to read.',
      'PromptedFileReader_N skipped the number 1.5 on its "inbox" inbox: it accepts whole numbers above 0: how many to read.',
    ]);
    expect(signal[3]).toBeInstanceOf(ProducerFinished);
  });

  it("answers the requests waiting when ProducerFinished arrives, then passes it on", async () => {
    const file = join(tempDir(), "data.bin");
    writeFileSync(file, "abcdef");
    const done = new ProducerFinished();
    const harness = new Harness(new PromptedFileReader(file));
    harness.send("inbox", 1, 1).send("control", done);
    await harness.finish();
    expect(harness.take()).toEqual([Buffer.from("a"), Buffer.from("b")]);
    expect(harness.take("signal")).toEqual([done]);
  });

  it("passes ShutdownMicroprocess on at once", async () => {
    const file = join(tempDir(), "data.bin");
    writeFileSync(file, "abcdef");
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new PromptedFileReader(file));
    harness.send("inbox", 1).send("control", stop);
    await harness.finish();
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([stop]);
  });

  it("ends with a FileError when the file cannot be opened", async () => {
    const error = await rejection(new Harness(new PromptedFileReader(join(tempDir(), "nope"))).finish());
    expect(((error as ComponentError).cause as FileError).message).toMatch(/^PromptedFileReader_\d+ could not open for reading ".*nope": it does not exist \(ENOENT\)\./);
  });
});
