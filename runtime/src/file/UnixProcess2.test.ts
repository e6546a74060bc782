import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NoSpaceInBox, ProducerFinished, ShutdownMicroprocess, handle } from "../index.js";
import { Harness, stopDefaultScheduler, tempDir, thrown } from "../test-support/harness.js";
import { UnixProcess2 } from "./UnixProcess2.js";

const node = process.execPath;

/** Everything a handle gets from `box` until the component ends, joined as text. */
async function allFrom(running: ReturnType<typeof handle>, box: string): Promise<string> {
  let text = "";
  for (;;) {
    try {
      text += String(await running.get(box));
    } catch {
      return text;
    }
  }
}

afterEach(() => {
  expect(stopDefaultScheduler()).toEqual([]);
});

describe("UnixProcess2", () => {
  it("sends standard output from outbox and standard error from error", async () => {
    const shell = handle(new UnixProcess2([node, "-e", "process.stdout.write('out'); process.stderr.write('err')"]));
    expect(await allFrom(shell, "outbox")).toBe("out");
    expect(await allFrom(shell, "error")).toBe("err");
  });

  it("feeds named input pipes from their inboxes and sends named output pipes from their outboxes, then removes them", async () => {
    const dir = tempDir();
    const input = join(dir, "in.fifo");
    const output = join(dir, "out.fifo");
    const copier = new UnixProcess2(["sh", "-c", 'tr a-z A-Z < "$0" > "$1"; echo finished', input, output], {
      inpipes: { [input]: "text" },
      outpipes: { [output]: "shouted" },
    });
    expect(Object.keys(copier.inboxes)).toContain("text");
    expect(Object.keys(copier.outboxes)).toContain("shouted");
    const running = handle(copier);
    running.put("quiet ", "text");
    running.put("words", "text");
    running.put(new ProducerFinished(), "control");
    expect(await allFrom(running, "shouted")).toBe("QUIET WORDS");
    expect(await allFrom(running, "outbox")).toBe("finished\n");
    expect(existsSync(input) || existsSync(output)).toBe(false);
  });

  it("lets several named output pipes share an outbox, outbox itself too", async () => {
    const dir = tempDir();
    const pipe = join(dir, "extra.fifo");
    const writer = handle(new UnixProcess2(["sh", "-c", 'printf main; printf extra > "$0"', pipe], { outpipes: { [pipe]: "outbox" } }));
    const text = await allFrom(writer, "outbox");
    expect(text === "mainextra" || text === "extramain").toBe(true);
  });

  it("limits the inboxes named in boxsizes", () => {
    const limited = new UnixProcess2("cat", { boxsizes: { inbox: 1 } });
    const harness = new Harness(limited);
    harness.send("inbox", "one");
    expect(() => harness.send("inbox", "two")).toThrow(NoSpaceInBox);
    limited.stop();
  });

  it("kills the process on ShutdownMicroprocess, passes it on, and removes the pipes it made", async () => {
    const dir = tempDir();
    const pipe = join(dir, "never-read.fifo");
    const idle = handle(new UnixProcess2([node, "-e", "console.log('up'); setInterval(() => {}, 1000)"], { inpipes: { [pipe]: "feed" } }));
    expect(String(await idle.get()).trim()).toBe("up");
    expect(existsSync(pipe)).toBe(true);
    const stop = new ShutdownMicroprocess();
    idle.put(stop, "control");
    expect(await idle.get("signal")).toBe(stop);
    await idle.done;
    expect(existsSync(pipe)).toBe(false);
  });

  it("refuses an input pipe whose inbox name is taken", () => {
    expect(thrown(() => new UnixProcess2("cat", { inpipes: { "/tmp/x.fifo": "control" } }))).toMatchInlineSnapshot(
      `"BadArgument: new UnixProcess2(): inpipes must be a new inbox name for each pipe (not "inbox", "control" or one used twice), not control."`,
    );
  });
});
