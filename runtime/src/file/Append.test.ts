import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ComponentError, ProducerFinished, ShutdownMicroprocess } from "../index.js";
import { Harness, rejection, takeWhenReady, tempDir } from "../test-support/harness.js";
import { Append } from "./Append.js";
import { FileError } from "./FileError.js";

describe("Append", () => {
  it("appends each message to the file and passes it on once it is written", async () => {
    const file = join(tempDir(), "log.txt");
    writeFileSync(file, "start;");
    const harness = new Harness(new Append(file));
    harness.send("inbox", "a;");
    expect(await takeWhenReady(harness, 1)).toEqual(["a;"]);
    expect(readFileSync(file, "utf8")).toBe("start;a;");
    harness.send("inbox", Buffer.from("b;")).send("control", new ProducerFinished());
    await harness.finish();
    expect(readFileSync(file, "utf8")).toBe("start;a;b;");
    expect(harness.take()).toEqual([Buffer.from("b;")]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("passes nothing on without forwarder, and empties the file first with blat_file", async () => {
    const file = join(tempDir(), "log.txt");
    writeFileSync(file, "old;");
    const harness = new Harness(new Append(file, { forwarder: false, blat_file: true }));
    harness.send("inbox", "new;").send("control", new ShutdownMicroprocess());
    await harness.finish();
    expect(readFileSync(file, "utf8")).toBe("new;");
    expect(harness.take()).toEqual([]);
  });

  it("creates the file with blat_file when it does not exist", async () => {
    const file = join(tempDir(), "fresh.txt");
    const harness = new Harness(new Append(file, { blat_file: true }));
    harness.send("control", new ProducerFinished());
    await harness.finish();
    expect(readFileSync(file, "utf8")).toBe("");
  });

  it("keeps writing to the file it opened while hold_open, even if it is renamed", async () => {
    const dir = tempDir();
    const harness = new Harness(new Append(join(dir, "log.txt")));
    harness.send("inbox", "1;");
    await takeWhenReady(harness, 1);
    renameSync(join(dir, "log.txt"), join(dir, "rotated.txt"));
    harness.send("inbox", "2;").send("control", new ProducerFinished());
    await harness.finish();
    expect(readFileSync(join(dir, "rotated.txt"), "utf8")).toBe("1;2;");
  });

  it("opens the file by name for each message without hold_open, so a renamed log starts afresh", async () => {
    const dir = tempDir();
    const harness = new Harness(new Append(join(dir, "log.txt"), { hold_open: false }));
    harness.send("inbox", "1;");
    await takeWhenReady(harness, 1);
    renameSync(join(dir, "log.txt"), join(dir, "rotated.txt"));
    harness.send("inbox", "2;").send("control", new ProducerFinished());
    await harness.finish();
    expect(readFileSync(join(dir, "rotated.txt"), "utf8")).toBe("1;");
    expect(readFileSync(join(dir, "log.txt"), "utf8")).toBe("2;");
  });

  it("ends with a FileError when it cannot append", async () => {
    const harness = new Harness(new Append(join(tempDir(), "missing", "log.txt")));
    harness.send("inbox", "x");
    const error = await rejection(harness.finish());
    expect(((error as ComponentError).cause as FileError).message).toMatch(/^Append_\d+ could not append to ".*log\.txt": it does not exist \(ENOENT\)\./);
  });
});
