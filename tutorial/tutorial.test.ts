// Every tutorial step's checks, run as the page runs them, in a process of their own: against the step's
// solution (they must pass) and against its starting code (they must fail, saying what the step says
// they say). A step is a folder holding index.mdx, start.ts, solution.ts and check.ts (see README.md).
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const tutorial = fileURLToPath(new URL(".", import.meta.url));
const root = join(tutorial, "..");
const runStep = promisify(execFile);

/** The folders under tutorial/ that are steps, in path order. */
function steps(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (entry === "node_modules" || !statSync(path).isDirectory()) continue;
    if (existsSync(join(path, "check.ts"))) found.push(path);
    found.push(...steps(path));
  }
  return found;
}

interface Verdict {
  readonly passed: boolean;
  readonly message?: string;
}

/** Runs a program and then the step's checks, as scripts/tutorial-step.mjs does, and returns the verdict. */
async function verdictOn(step: string, program: string): Promise<Verdict> {
  const { stdout } = await runStep(process.execPath, [join(root, "scripts/tutorial-step.mjs"), join(step, program), join(step, "check.ts")], {
    cwd: root,
    // A program that never ends is a failure too: it is killed, and the test says so.
    timeout: 20_000,
  });
  const last = stdout.trimEnd().split("\n").pop() ?? "";
  return JSON.parse(last) as Verdict;
}

/** What a step's checks say about its starting code, from its check.ts. */
function startFails(step: string): string {
  const source = readFileSync(join(step, "check.ts"), "utf8");
  const said = /^export const startFails\s*=\s*(["'`])(.+)\1;$/m.exec(source)?.[2];
  if (said === undefined) throw new Error(`${relative(root, step)}/check.ts has no \`export const startFails = "...";\` line.`);
  return said;
}

const all = steps(tutorial);

describe("the tutorial", () => {
  it("has at least 20 steps, each with its page, starting code, solution and checks", () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const step of all) {
      for (const file of ["index.mdx", "start.ts", "solution.ts", "check.ts"]) {
        expect(existsSync(join(step, file)), `${relative(root, step)}/${file}`).toBe(true);
      }
    }
  });
});

for (const step of all) {
  describe(relative(tutorial, step), () => {
    it("passes its checks with the solution", { timeout: 30_000 }, async () => {
      expect(await verdictOn(step, "solution.ts")).toEqual({ passed: true });
    });

    it("fails its checks with the starting code, saying what is wrong", { timeout: 30_000 }, async () => {
      const verdict = await verdictOn(step, "start.ts");
      expect(verdict.passed).toBe(false);
      expect(verdict.message).toContain(startFails(step));
    });
  });
}
