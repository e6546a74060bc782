import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess, Status } from "../index.js";
import { Harness } from "../test-support/harness.js";
import { ConsoleReader } from "./ConsoleReader.js";

const srcDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Runs the harness until nothing is runnable, lets the stream callbacks that are due run, and runs it again. */
async function turn(harness: Harness): Promise<void> {
  harness.settle();
  await new Promise((resolve) => setImmediate(resolve));
  harness.settle();
}

/** Everything written to a stream, as text. */
function recorded(stream: PassThrough): string {
  const chunks: Buffer[] = [];
  let chunk: Buffer | null;
  while ((chunk = stream.read() as Buffer | null) !== null) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

describe("ConsoleReader", () => {
  it("sends each line without its line ending, then ProducerFinished at the end of the input", async () => {
    const input = new PassThrough();
    const harness = new Harness(new ConsoleReader({ input }));
    input.end("first line\r\nsecond\n\nlast without newline");
    await harness.finish();
    expect(harness.take()).toEqual(["first line", "second", "", "last without newline"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("puts eol after each line, as Kamaelia's did", async () => {
    const input = new PassThrough();
    const harness = new Harness(new ConsoleReader({ input, eol: "\n" }));
    input.end("a\nb\n");
    await harness.finish();
    expect(harness.take()).toEqual(["a\n", "b\n"]);
  });

  it("writes the prompt to output before each line it reads", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const harness = new Harness(new ConsoleReader({ input, output, prompt: "> " }));
    await turn(harness);
    expect(recorded(output)).toBe("> ");
    input.write("one\n");
    await turn(harness);
    expect(harness.take()).toEqual(["one"]);
    expect(recorded(output)).toBe("> ");
    input.end();
    await harness.finish();
  });

  it("sends the lines read and passes ProducerFinished on from signal when it arrives on control", async () => {
    const input = new PassThrough();
    const done = new ProducerFinished();
    const harness = new Harness(new ConsoleReader({ input }));
    input.write("kept\n");
    await turn(harness);
    harness.send("control", done);
    await harness.finish();
    expect(harness.take()).toEqual(["kept"]);
    expect(harness.take("signal")).toEqual([done]);
  });

  it("stops reading on ShutdownMicroprocess and lets go of its input", async () => {
    const input = new PassThrough();
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new ConsoleReader({ input }));
    await turn(harness);
    expect(input.listenerCount("data")).toBeGreaterThan(0);
    harness.send("control", new Status("fyi"), stop);
    await harness.finish();
    expect(harness.take("signal")).toEqual([new Status("fyi"), stop]);
    expect(input.listenerCount("data")).toBe(0);
    expect(input.isPaused()).toBe(true);
  });

  it("pauses its input while the destination inbox is full and resumes when it is emptied", async () => {
    const input = new PassThrough({ highWaterMark: 4 });
    const harness = new Harness(new ConsoleReader({ input })).limit("outbox", 1);
    input.write("a\nb\nc\n");
    await turn(harness);
    expect(harness.take()).toEqual(["a"]);
    expect(input.isPaused()).toBe(true);
    await turn(harness);
    expect(harness.take()).toEqual(["b"]);
    input.end("d\n");
    await turn(harness);
    expect(harness.take()).toEqual(["c"]);
    await turn(harness);
    expect(harness.take()).toEqual(["d"]);
    await harness.finish();
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });
});

describe("ConsoleReader and ConsoleEchoer in a program", () => {
  const dir = mkdtempSync(join(tmpdir(), "console-reader-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("echoes the lines piped into node and exits with status 0 at the end of its input", async () => {
    const program = [
      'import { Pipeline } from "kamaelia";',
      'import { ConsoleEchoer, ConsoleReader } from "kamaelia/node";',
      "await new Pipeline(new ConsoleReader(), new ConsoleEchoer()).run();",
    ].join("\n");
    const bundled = await build({
      stdin: { contents: program, resolveDir: srcDir, loader: "ts" },
      alias: { kamaelia: join(srcDir, "index.ts"), "kamaelia/node": join(srcDir, "node.ts") },
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    const file = join(dir, "echo.mjs");
    writeFileSync(file, bundled.outputFiles[0]?.text ?? "");

    const child = spawn(process.execPath, [file], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.stdin.write("hello\n");
    child.stdin.write("world, twice\n");
    child.stdin.end("last line\n");
    const code = await exited;
    expect(stderr).toBe("");
    expect(stdout).toBe("hello\nworld, twice\nlast line\n");
    expect(code).toBe(0);
  }, 20_000);
});
