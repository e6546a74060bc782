import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished } from "../index.js";
import { Harness, tempDir } from "../test-support/harness.js";
import { FileError } from "./FileError.js";
import { WholeFileWriter } from "./WholeFileWriter.js";

describe("WholeFileWriter", () => {
  it("writes a whole file for each job and sends its name when it is written", async () => {
    const dir = tempDir();
    const harness = new Harness(new WholeFileWriter());
    harness.send("inbox", [join(dir, "a.txt"), "alpha"], [join(dir, "b.bin"), new Uint8Array([1, 2])], [join(dir, "a.txt"), "again"]);
    harness.send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take()).toEqual([join(dir, "a.txt"), join(dir, "b.bin"), join(dir, "a.txt")]);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("again");
    expect([...readFileSync(join(dir, "b.bin"))]).toEqual([1, 2]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("reports a job it cannot do, as a FileError or a skipped message, and does the next", async () => {
    const dir = tempDir();
    const harness = new Harness(new WholeFileWriter());
    harness.send("inbox", [join(dir, "missing", "x.txt"), "lost"], ["only a name"], [join(dir, "ok.txt"), "fine"]);
    harness.send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take()).toEqual([join(dir, "ok.txt")]);
    const [failed, skipped, done] = harness.take("signal") as [ErrorInformation, ErrorInformation, unknown];
    expect(failed.exception).toBeInstanceOf(FileError);
    expect(String(failed.message)).toMatch(/could not write ".*x\.txt": it does not exist \(ENOENT\)/);
    expect(String(skipped.message)).toMatch(/skipped an Array on its "inbox" inbox: it accepts \[filename, contents\] jobs/);
    expect(done).toBeInstanceOf(ProducerFinished);
  });
});
