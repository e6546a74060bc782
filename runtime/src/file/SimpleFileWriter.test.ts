import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ComponentError, ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../index.js";
import { Harness, rejection, takeWhenReady, tempDir } from "../test-support/harness.js";
import { FileError } from "./FileError.js";
import { SimpleFileWriter } from "./SimpleFileWriter.js";

describe("SimpleFileWriter", () => {
  it("writes strings and bytes in order, and the file is complete when ProducerFinished leaves", async () => {
    const file = join(tempDir(), "out.txt");
    writeFileSync(file, "old contents that must go");
    const done = new ProducerFinished();
    const harness = new Harness(new SimpleFileWriter(file));
    harness.send("inbox", "héllo ", Buffer.from("bytes "), new Uint8Array([0x21])).send("control", done);
    expect(await takeWhenReady(harness, 1, "signal")).toEqual([done]);
    expect(readFileSync(file, "utf8")).toBe("héllo bytes !");
    await harness.finish();
  });

  it("writes what arrives over time, waiting in between", async () => {
    const file = join(tempDir(), "out.txt");
    const harness = new Harness(new SimpleFileWriter(file));
    harness.send("inbox", "one ");
    await takeWhenReady(harness, 0);
    harness.send("inbox", "two").send("control", new ShutdownMicroprocess());
    await harness.finish();
    expect(readFileSync(file, "utf8")).toBe("one two");
    expect(harness.take("signal")).toEqual([expect.any(ShutdownMicroprocess)]);
  });

  it("appends to the file in mode ab", async () => {
    const file = join(tempDir(), "log.txt");
    writeFileSync(file, "before;");
    const harness = new Harness(new SimpleFileWriter(file, "ab"));
    harness.send("inbox", "after;").send("control", new ProducerFinished());
    await harness.finish();
    expect(readFileSync(file, "utf8")).toBe("before;after;");
  });

  it("reports a message it cannot write and writes the rest", async () => {
    const file = join(tempDir(), "out.txt");
    const harness = new Harness(new SimpleFileWriter(file));
    harness.send("inbox", "a", 42, "b").send("control", new ProducerFinished());
    await harness.finish();
    expect(readFileSync(file, "utf8")).toBe("ab");
    const [report, done] = harness.take("signal");
    expect(String((report as ErrorInformation).message)).toMatch(/^SimpleFileWriter_\d+ skipped the number 42 on its "inbox" inbox: it accepts strings or Uint8Arrays\.$/);
    expect(done).toBeInstanceOf(ProducerFinished);
  });

  it("ends with a FileError when the folder does not exist", async () => {
    const error = await rejection(new Harness(new SimpleFileWriter(join(tempDir(), "no", "such", "file"))).finish());
    expect(((error as ComponentError).cause as FileError).message).toMatch(/could not open for writing ".*file": it does not exist \(ENOENT\)/);
  });
});
