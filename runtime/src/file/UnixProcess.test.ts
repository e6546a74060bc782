import { afterEach, describe, expect, it } from "vitest";
import { ComponentError, ErrorInformation, ProducerFinished, ShutdownMicroprocess, handle } from "../index.js";
import { rejection, stopDefaultScheduler } from "../test-support/harness.js";
import { ProcessFailed } from "./SubProcess.js";
import { UnixProcess } from "./UnixProcess.js";

const node = process.execPath;

/** Everything a handle gets from "outbox" until the component ends, joined as text. */
async function allOutput(messages: AsyncIterable<unknown>): Promise<string> {
  let text = "";
  for await (const chunk of messages) text += String(chunk);
  return text;
}

/** Resolves once no process has the id `pid` (it has exited and been reaped), turning the event loop meanwhile. */
async function gone(pid: number | undefined): Promise<void> {
  if (pid === undefined) throw new Error("the process never started");
  for (let turn = 0; turn < 100_000; turn++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`process ${String(pid)} is still there`);
}

afterEach(() => {
  expect(stopDefaultScheduler()).toEqual([]);
});

describe("UnixProcess", () => {
  it("writes the inbox to the process's standard input and sends its standard output, then ProducerFinished with the exit status", async () => {
    const cat = handle(new UnixProcess("cat"));
    cat.put("hello ");
    cat.put(new TextEncoder().encode("world"));
    cat.put(new ProducerFinished(), "control");
    expect(await allOutput(cat)).toBe("hello world");
    const done = (await cat.get("signal")) as ProducerFinished;
    expect(done).toBeInstanceOf(ProducerFinished);
    expect(done.message).toEqual({ code: 0, signal: null });
  });

  it("sends output as Buffers", async () => {
    const echo = handle(new UnixProcess([node, "-e", "process.stdout.write('x')"]));
    expect(await echo.get()).toEqual(Buffer.from("x"));
    await echo.done;
  });

  it("runs [program, ...args] directly, with no shell to quote for", async () => {
    const echo = handle(new UnixProcess([node, "-e", "process.stdout.write(process.argv[1])", "two words; $HOME"]));
    expect(await allOutput(echo)).toBe("two words; $HOME");
  });

  it("reports a non-zero exit as an ErrorInformation carrying ProcessFailed, then ProducerFinished", async () => {
    const failing = handle(new UnixProcess("exit 3"));
    const report = (await failing.get("signal")) as ErrorInformation;
    expect(report.exception).toBeInstanceOf(ProcessFailed);
    expect((report.exception as ProcessFailed).status).toEqual({ code: 3, signal: null });
    expect(String(report.message).replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"UnixProcess_N ran "exit 3", which exited with status 3. Its error output says why: UnixProcess2 sends it from its "error" outbox."`,
    );
    expect(((await failing.get("signal")) as ProducerFinished).message).toEqual({ code: 3, signal: null });
    await failing.done;
  });

  it("says when the shell found no such command", async () => {
    const missing = handle(new UnixProcess("no-such-command-anywhere"));
    const report = (await missing.get("signal")) as ErrorInformation;
    expect(String(report.message)).toContain("exited with status 127 (the shell found no such command; check its name and the PATH).");
    await missing.done;
  });

  it("ends with ProcessFailed when the program cannot be started", async () => {
    const missing = handle(new UnixProcess(["/no/such/program"]));
    const error = await rejection(missing.done);
    expect(error).toBeInstanceOf(ComponentError);
    expect(((error as ComponentError).cause as ProcessFailed).message.replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"UnixProcess_N could not start "/no/such/program": spawn /no/such/program ENOENT. Check that the program is installed and on the PATH, or give its full path."`,
    );
  });

  it("kills the process on ShutdownMicroprocess and passes it on once the process has gone", async () => {
    const process_ = new UnixProcess([node, "-e", "console.log('up'); setInterval(() => {}, 1000)"]);
    const running = handle(process_);
    expect(String(await running.get()).trim()).toBe("up");
    const stop = new ShutdownMicroprocess();
    running.put(stop, "control");
    expect(await running.get("signal")).toBe(stop);
    await running.done;
    await gone(process_.pid);
  });

  it("kills a process that ignores SIGTERM with SIGKILL after killAfter", async () => {
    const stubborn = new UnixProcess([node, "-e", "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)"], { killAfter: 50 });
    const running = handle(stubborn);
    expect(String(await running.get()).trim()).toBe("ready");
    running.put(new ShutdownMicroprocess(), "control");
    await running.done;
    await gone(stubborn.pid);
  });

  it("kills its process when it is stopped outright, leaving nothing behind", async () => {
    const sleeper = new UnixProcess([node, "-e", "console.log('up'); setInterval(() => {}, 1000)"]);
    const running = handle(sleeper);
    await running.get();
    sleeper.stop();
    await running.done;
    await gone(sleeper.pid);
  });

  it("holds the process back while its destination is full and loses nothing", async () => {
    const size = 1 << 20;
    const writer = handle(new UnixProcess([node, "-e", `process.stdout.write(Buffer.alloc(${String(size)}, 97))`]), { capacity: 2 });
    let total = 0;
    for await (const chunk of writer) total += (chunk as Buffer).length;
    expect(total).toBe(size);
  });

  it("ends normally when the process exits without reading what it was sent", async () => {
    const quick = handle(new UnixProcess("true"));
    for (let i = 0; i < 200; i++) quick.put("x".repeat(10_000));
    quick.put(new ProducerFinished(), "control");
    expect(((await quick.get("signal")) as ProducerFinished).message).toEqual({ code: 0, signal: null });
    await quick.done;
  });

  it("reports a message for standard input that is neither a string nor a Uint8Array", async () => {
    const cat = handle(new UnixProcess("cat"));
    cat.put(7);
    cat.put("ok");
    cat.put(new ProducerFinished(), "control");
    const report = (await cat.get("signal")) as ErrorInformation;
    expect(String(report.message)).toMatch(/^UnixProcess_\d+ skipped the number 7 on its "inbox" inbox: it accepts strings or Uint8Arrays\.$/);
    expect(await allOutput(cat)).toBe("ok");
  });
});
