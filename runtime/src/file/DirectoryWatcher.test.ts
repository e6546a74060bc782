import { mkdirSync, rmSync, writeFileSync, unlinkSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ComponentError, ErrorInformation, ProducerFinished, ShutdownMicroprocess, handle } from "../index.js";
import { rejection, stopDefaultScheduler, tempDir, thrown } from "../test-support/harness.js";
import { DirectoryWatcher, type DirectoryChange } from "./DirectoryWatcher.js";
import { FileError } from "./FileError.js";

/** `"<type> <name>"` of a DirectoryChange. */
const brief = (change: unknown): string => `${(change as DirectoryChange).type} ${(change as DirectoryChange).name}`;

afterEach(() => {
  expect(stopDefaultScheduler()).toEqual([]);
});

describe("DirectoryWatcher", () => {
  it("reports the files already there as added, in name order, with their paths, ignoring folders", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "b.txt"), "b");
    writeFileSync(join(dir, "a.txt"), "a");
    mkdirSync(join(dir, "sub"));
    const watcher = handle(new DirectoryWatcher(dir, { interval: 10_000 }));
    expect(await watcher.get()).toEqual({ type: "added", name: "a.txt", path: join(dir, "a.txt") });
    expect(await watcher.get()).toEqual({ type: "added", name: "b.txt", path: join(dir, "b.txt") });
    await watcher.shutdown();
  });

  it("reports files added, changed and removed, by polling alone", async () => {
    const dir = tempDir();
    const watcher = handle(new DirectoryWatcher(dir, { interval: 10, watch: false }));
    writeFileSync(join(dir, "job.txt"), "1");
    expect(brief(await watcher.get())).toBe("added job.txt");
    appendFileSync(join(dir, "job.txt"), "more");
    expect(brief(await watcher.get())).toBe("changed job.txt");
    unlinkSync(join(dir, "job.txt"));
    expect(brief(await watcher.get())).toBe("removed job.txt");
    await watcher.shutdown();
  });

  it("looks as soon as fs.watch reports activity, without waiting for the interval", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "seed.txt"), "");
    const watcher = handle(new DirectoryWatcher(dir, { interval: 60_000 }));
    expect(brief(await watcher.get())).toBe("added seed.txt");
    // Its first look is over; fs.watch starts in the same turn.
    await new Promise((resolve) => setImmediate(resolve));
    writeFileSync(join(dir, "quick.txt"), "now");
    expect(brief(await watcher.get())).toBe("added quick.txt");
    await watcher.shutdown();
  });

  it("reports a directory that goes away once, its files as removed, and sees it come back", async () => {
    const dir = join(tempDir(), "queue");
    mkdirSync(dir);
    writeFileSync(join(dir, "x.txt"), "x");
    const watcher = handle(new DirectoryWatcher(dir, { interval: 10, watch: false }));
    expect(brief(await watcher.get())).toBe("added x.txt");
    rmSync(dir, { recursive: true });
    expect(brief(await watcher.get())).toBe("removed x.txt");
    const report = (await watcher.get("signal")) as ErrorInformation;
    expect(report.exception).toBeInstanceOf(FileError);
    expect(String(report.message)).toMatch(/^DirectoryWatcher_\d+ could not read the directory ".*queue": it does not exist \(ENOENT\)\. .* It keeps looking\.$/);
    mkdirSync(dir);
    writeFileSync(join(dir, "y.txt"), "y");
    expect(brief(await watcher.get())).toBe("added y.txt");
    await watcher.shutdown();
  });

  it("passes ProducerFinished or ShutdownMicroprocess on from signal and ends", async () => {
    const dir = tempDir();
    const done = new ProducerFinished();
    const watcher = handle(new DirectoryWatcher(dir));
    watcher.put(done, "control");
    expect(await watcher.get("signal")).toBe(done);
    await watcher.done;
    const stop = new ShutdownMicroprocess();
    const second = handle(new DirectoryWatcher(dir, { watch: false }));
    second.put(stop, "control");
    expect(await second.get("signal")).toBe(stop);
    await second.done;
  });

  it("ends with a FileError when the directory cannot be read at the start", async () => {
    const watcher = handle(new DirectoryWatcher(join(tempDir(), "absent")));
    const error = await rejection(watcher.done);
    expect((error as ComponentError).cause).toBeInstanceOf(FileError);
    expect(((error as ComponentError).cause as FileError).code).toBe("ENOENT");
  });

  it("refuses an interval that is not a positive number of milliseconds", () => {
    expect(thrown(() => new DirectoryWatcher(".", { interval: 0 }))).toMatchInlineSnapshot(`"BadArgument: new DirectoryWatcher(): interval must be a number of milliseconds greater than 0, not 0."`);
  });
});
