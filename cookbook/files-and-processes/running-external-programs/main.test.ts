import { ErrorInformation, Pipeline, DataSource, ProducerFinished } from "kamaelia";
import { ProcessFailed, UnixProcess, UnixProcess2 } from "kamaelia/node";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed, recordTranscript } from "../../recipe-test.js";
import { failure, missingFile, sortLines, system } from "./main.js";

/** What left a box as Buffers, joined and read as UTF-8. */
const text = (chunks: unknown[]): string => Buffer.concat(chunks as Buffer[]).toString("utf8");

describe("Running external programs", () => {
  it("pipes b, a, c through sort and gets back exactly a\\nb\\nc\\n", async () => {
    const harness = await new Harness(new Pipeline(new DataSource(["b\n", "a\n", "c\n"]), new UnixProcess("sort"))).finish();
    expect(text(harness.take())).toBe("a\nb\nc\n");
  });

  it("uses sort as a pipeline stage whose lines are printed, and finishes when sort exits", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(sortLines({ sink })).finish();
    expect(lines).toEqual(["a", "b", "c"]);
    expect(harness.alive()).toEqual([]);
  });

  it("sends what the command writes to its standard error from the error outbox, and nothing from outbox", async () => {
    const harness = await new Harness(new UnixProcess2(missingFile)).finish();
    expect(text(harness.take("error"))).toBe("missing.txt: no such file\n");
    expect(harness.take()).toEqual([]);
  });

  it("reports the non-zero exit status in its finishing ProducerFinished, after an ErrorInformation saying it failed", async () => {
    const harness = await new Harness(new UnixProcess2(missingFile)).finish();
    const [report, finished, ...rest] = harness.take("signal");
    expect(rest).toEqual([]);
    expect(report).toBeInstanceOf(ErrorInformation);
    const problem = (report as ErrorInformation).exception;
    expect(problem).toBeInstanceOf(ProcessFailed);
    expect((problem as ProcessFailed).status).toEqual({ code: 2, signal: null });
    expect(finished).toBeInstanceOf(ProducerFinished);
    expect((finished as ProducerFinished).message).toEqual({ code: 2, signal: null });
  });

  it("prints the failing command's standard error before its exit status, then ends", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(failure({ sink })).finish();
    expect(lines).toEqual(["stderr: missing.txt: no such file", "exit status 2"]);
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
