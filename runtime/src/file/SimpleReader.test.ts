import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ComponentError, Pipeline, ProducerFinished, Scheduler, ShutdownMicroprocess, Status, VirtualClock } from "../index.js";
import { Collector, Harness, rejection, tempDir } from "../test-support/harness.js";
import { FileError } from "./FileError.js";
import { SimpleReader } from "./SimpleReader.js";

describe("SimpleReader", () => {
  it("sends the file line by line, each with its newline, then ProducerFinished", async () => {
    const file = join(tempDir(), "text.txt");
    writeFileSync(file, "héllo\n\nworld");
    const harness = new Harness(new SimpleReader(file));
    await harness.finish();
    expect(harness.take()).toEqual(["héllo\n", "\n", "world"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("sends only ProducerFinished for an empty file", async () => {
    const file = join(tempDir(), "empty.txt");
    writeFileSync(file, "");
    const harness = new Harness(new SimpleReader(file));
    await harness.finish();
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("waits for room in a size-limited destination and loses nothing", async () => {
    const file = join(tempDir(), "many.txt");
    writeFileSync(file, Array.from({ length: 30 }, (_, i) => `line ${String(i)}\n`).join(""));
    const scheduler = new Scheduler({ clock: new VirtualClock() });
    const collector = new Collector(5);
    new Pipeline(new SimpleReader(file), collector).activate(scheduler);
    collector.setInboxSize("inbox", 1);
    await scheduler.runThreads();
    expect(collector.received).toEqual(Array.from({ length: 30 }, (_, i) => `line ${String(i)}\n`));
    expect(collector.mostWaiting).toBe(1);
  });

  it("passes ShutdownMicroprocess on and stops, and passes other control messages on", async () => {
    const file = join(tempDir(), "text.txt");
    writeFileSync(file, "a\nb\n");
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new SimpleReader(file));
    harness.send("control", new Status("hi"), stop);
    await harness.finish();
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([new Status("hi"), stop]);
  });

  it("reads to the end after a ProducerFinished on control, and passes that one on", async () => {
    const file = join(tempDir(), "text.txt");
    writeFileSync(file, "a\nb\n");
    const done = new ProducerFinished("upstream");
    const harness = new Harness(new SimpleReader(file));
    harness.send("control", done);
    await harness.finish();
    expect(harness.take()).toEqual(["a\n", "b\n"]);
    expect(harness.take("signal")).toEqual([done]);
  });

  it("ends with a FileError when the path is a directory", async () => {
    const dir = tempDir();
    const error = await rejection(new Harness(new SimpleReader(dir)).finish());
    expect((error as ComponentError).cause).toBeInstanceOf(FileError);
    expect(((error as ComponentError).cause as FileError).code).toBe("EISDIR");
  });
});
