import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Scheduler } from "kamaelia";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { pageOutput, printed, recordTranscript } from "../../recipe-test.js";
import { drop, main, system, type Folders } from "./main.js";

/** incoming/, outgoing/ and done/ in a new temporary folder, removed when the test ends. */
function folders(): Folders {
  const root = mkdtempSync(join(tmpdir(), "kamaelia-recipe-"));
  onTestFinished(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const made = { incoming: join(root, "incoming"), outgoing: join(root, "outgoing"), done: join(root, "done") };
  for (const folder of Object.values(made)) mkdirSync(folder);
  return made;
}

/** Runs the system until `stopAt` has been printed, then stops it; resolves with the lines once it has ended. */
async function runUntilPrinted(where: Folders, stopAt: string, onLine: (line: string) => void = () => undefined): Promise<string[]> {
  const { lines, sink } = printed();
  const stop = new AbortController();
  await system(where, {
    sink: (line) => {
      sink(line);
      onLine(line);
      if (line === stopAt) stop.abort();
    },
  }).run({ signal: stop.signal });
  return lines;
}

// The system runs on the default scheduler, as the program does: each test checks that it stopped everything.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

// Each job starts a real node process: the timeout only guards against a hang on a busy machine.
describe("Watching a folder and processing new files", { timeout: 20_000 }, () => {
  it("turns x.txt holding abc into outgoing/x.txt holding ABC, moves it to done/, and leaves incoming/ empty", async () => {
    const where = folders();
    await drop(where, "x.txt", "abc");
    await runUntilPrinted(where, "end x.txt");
    expect(readFileSync(join(where.outgoing, "x.txt"), "utf8")).toBe("ABC");
    expect(readFileSync(join(where.done, "x.txt"), "utf8")).toBe("abc");
    expect(readdirSync(where.incoming)).toEqual([]);
  });

  it("processes a file dropped during another's job only once that job has finished", async () => {
    const where = folders();
    await drop(where, "x.txt", "abc");
    const dropped: Promise<void>[] = [];
    const seenAtStartOfY: boolean[] = [];
    const lines = await runUntilPrinted(where, "end y.txt", (line) => {
      if (line === "start x.txt") dropped.push(drop(where, "y.txt", "xyz"));
      if (line === "start y.txt") seenAtStartOfY.push(existsSync(join(where.done, "x.txt")), readFileSync(join(where.outgoing, "x.txt"), "utf8") === "ABC");
    });
    await Promise.all(dropped);
    expect(lines).toEqual(["start x.txt", "end x.txt", "start y.txt", "end y.txt"]);
    expect(seenAtStartOfY).toEqual([true, true]);
    expect(readFileSync(join(where.outgoing, "y.txt"), "utf8")).toBe("XYZ");
    expect(readdirSync(where.done).sort()).toEqual(["x.txt", "y.txt"]);
    expect(readdirSync(where.incoming)).toEqual([]);
  });

  it("stops cleanly when told to during a job: the job finishes, the next file waits in incoming/, nothing is left running", async () => {
    const where = folders();
    await drop(where, "x.txt", "abc");
    await drop(where, "y.txt", "xyz");
    await runUntilPrinted(where, "start x.txt");
    expect(readFileSync(join(where.outgoing, "x.txt"), "utf8")).toBe("ABC");
    expect(readdirSync(where.done)).toEqual(["x.txt"]);
    expect(readdirSync(where.incoming)).toEqual(["y.txt"]);
    expect(existsSync(join(where.outgoing, "y.txt"))).toBe(false);
  });

  it("shows on its page exactly what the program prints", async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
