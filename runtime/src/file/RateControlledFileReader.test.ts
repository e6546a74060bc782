import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../index.js";
import { Harness, takeWhenReady, tempDir } from "../test-support/harness.js";
import { RateControlledFileReader } from "./RateControlledFileReader.js";

describe("RateControlledFileReader", () => {
  it("reads chunksize bytes at a time, rate bytes a second on its scheduler's clock, then ProducerFinished", async () => {
    const file = join(tempDir(), "data.bin");
    writeFileSync(file, "abcdefghijkl");
    const harness = new Harness(new RateControlledFileReader(file, "bytes", { rate: 10, chunksize: 5 }));
    expect((await takeWhenReady(harness, 1)).map(String)).toEqual(["abcde"]);
    harness.advance(499);
    expect(harness.take()).toEqual([]);
    harness.advance(1);
    expect((await takeWhenReady(harness, 1)).map(String)).toEqual(["fghij"]);
    harness.advance(500);
    expect((await takeWhenReady(harness, 1)).map(String)).toEqual(["kl"]);
    harness.advance(500);
    expect(await takeWhenReady(harness, 1, "signal")).toEqual([expect.any(ProducerFinished)]);
    await harness.finish();
  });

  it("reads lines in lines mode", async () => {
    const file = join(tempDir(), "lines.txt");
    writeFileSync(file, "1\n2\n3\n");
    const harness = new Harness(new RateControlledFileReader(file, "lines", { rate: 100, chunksize: 2 }));
    await harness.finish();
    expect(harness.take()).toEqual(["1\n2\n", "3\n"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("stops both parts on ShutdownMicroprocess and passes it on", async () => {
    const file = join(tempDir(), "data.bin");
    writeFileSync(file, "abcdefghijkl");
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new RateControlledFileReader(file, "bytes", { rate: 1, chunksize: 1 }));
    harness.send("control", stop);
    await harness.finish();
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });
});
