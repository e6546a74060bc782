import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProducerFinished } from "kamaelia";
import { RateControlledFileReader } from "kamaelia/node";
import { describe, expect, it, onTestFinished } from "vitest";
import { Harness, pageOutput, printed, recordTranscript } from "../../recipe-test.js";
import { readSteadily, transformAndAppend, upperCaseFile } from "./main.js";
import { system as inThePage } from "./in-the-page.js";

/** A new empty folder under the system's temporary folder, removed when the test ends. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "kamaelia-recipe-"));
  onTestFinished(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Runs a `readSteadily` harness: one chunk per 100 virtual ms, each waited for at the time it is due. */
async function readTenChunks(harness: Harness, lines: readonly string[]): Promise<void> {
  const before = lines.length;
  for (let n = 1; n <= 10; n++) {
    await harness.until(() => lines.length === before + n);
    harness.advance(100);
  }
  await harness.finish();
}

describe("Reading, transforming and writing files", () => {
  it("upper-cases a 3-line file, a line at a time, into out.txt holding exactly A\\nB\\nC\\n", async () => {
    const dir = folder();
    writeFileSync(join(dir, "in.txt"), "a\nb\nc\n");
    const harness = await new Harness(upperCaseFile(join(dir, "in.txt"), join(dir, "out.txt"))).finish();
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe("A\nB\nC\n");
    expect(harness.alive()).toEqual([]);
  });

  it("appends d twice, giving out.txt exactly two extra lines, and prints the result", async () => {
    const dir = folder();
    const { lines, sink } = printed();
    const harness = await new Harness(transformAndAppend(dir, { sink })).finish();
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe("A\nB\nC\nd\nd\n");
    expect(lines).toEqual(["A", "B", "C", "d", "d"]);
    expect(statSync(join(dir, "big.txt")).size).toBe(1000);
    expect(harness.alive()).toEqual([]);
  });

  it("reads 1000 bytes at 1000 bytes a second in 100-byte chunks: 10 chunks, at virtual times 0, 100, ... 900 ms", async () => {
    const dir = folder();
    const data = Array.from({ length: 1000 }, (_, n) => String.fromCharCode(97 + (n % 26))).join("");
    writeFileSync(join(dir, "big.txt"), data);
    const harness = new Harness(new RateControlledFileReader(join(dir, "big.txt"), "bytes", { rate: 1000, chunksize: 100 }));
    const chunks: Buffer[] = [];
    const times: number[] = [];
    for (let n = 1; n <= 10; n++) {
      await harness.until(() => {
        for (const chunk of harness.take()) {
          chunks.push(chunk as Buffer);
          times.push(harness.clock.now());
        }
        return chunks.length >= n;
      });
      harness.advance(100);
    }
    await harness.finish();
    expect(times).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(chunks.map((chunk) => chunk.length)).toEqual(Array.from({ length: 10 }, () => 100));
    expect(Buffer.concat(chunks).toString()).toBe(data);
    expect(harness.take()).toEqual([]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.alive()).toEqual([]);
  });

  it("prints each chunk's size and virtual time when read steadily", async () => {
    const dir = folder();
    writeFileSync(join(dir, "big.txt"), "x".repeat(1000));
    const { lines, sink } = printed();
    const harness = new Harness(readSteadily(join(dir, "big.txt"), { sink }));
    await readTenChunks(harness, lines);
    expect(lines).toEqual(Array.from({ length: 10 }, (_, n) => `100 bytes at ${String(n * 100)} ms`));
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const dir = folder();
    const { lines, sink } = printed();
    await new Harness(transformAndAppend(dir, { sink })).finish();
    await readTenChunks(new Harness(readSteadily(join(dir, "big.txt"), { sink })), lines);
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });

  it("upper-cases the same lines in the page, where a DataSource stands in for the file", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(inThePage({ sink })).finish();
    expect(lines).toEqual(["A", "B", "C"]);
    expect(lines).toEqual(pageOutput(import.meta.url, "inPageOutput"));
    expect(harness.alive()).toEqual([]);
  });
});
