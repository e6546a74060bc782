// Runs every `@example` of the runtime's doc comments as a program: it must type-check under the strict
// tsconfig, finish, leave nothing running on the default scheduler, and print what its trailing `// ...`
// comments say it prints. Examples that need a page are type-checked here and run in Chromium
// (browser/examples.spec.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket as NodeWebSocket } from "ws";
import { Scheduler } from "../src/index.js";
import { loopbackMulticastMissing } from "../src/test-support/multicast.js";
import { countExampleTags, findExamples, needsPage, pointImports, runtimeSources, srcDir, type DocExample } from "./doc-examples.js";

const runtimeDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Where the examples are written as modules; under the runtime so that they resolve its dependencies. */
const tmpRoot = join(runtimeDir, "test", ".examples-tmp");
/** What `kamaelia` and its subpaths stand for while the examples run: the sources, not the build. */
const entries: Readonly<Record<string, string>> = {
  kamaelia: join(srcDir, "index.js"),
  "kamaelia/node": join(srcDir, "node.js"),
  "kamaelia/testing": join(srcDir, "testing.js"),
  "kamaelia/browser": join(srcDir, "browser.js"),
};

interface Example extends DocExample {
  /** The module it is written to, with `kamaelia` imports pointing at the sources. */
  readonly file: string;
}

/** Type-checks the written examples under the runtime's strict tsconfig; returns the errors by file. */
function typeErrors(files: readonly string[]): Map<string, string[]> {
  const configFile = join(runtimeDir, "tsconfig.json");
  const { config } = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path)) as { config: unknown };
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, runtimeDir);
  const program = ts.createProgram({ rootNames: files, options: { ...options, noEmit: true } });
  const errors = new Map<string, string[]>();
  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    const diagnostics = sourceFile === undefined ? [] : [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    errors.set(
      file,
      diagnostics.map((diagnostic) => {
        const where = diagnostic.start === undefined ? "" : `line ${String((sourceFile?.getLineAndCharacterOfPosition(diagnostic.start).line ?? 0) + 1)}: `;
        return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
      }),
    );
  }
  return errors;
}

const sources = runtimeSources();
// One folder per run, so that runs side by side do not delete each other's files.
mkdirSync(tmpRoot, { recursive: true });
const tmpDir = mkdtempSync(join(tmpRoot, "run-"));
const examples: Example[] = findExamples(sources).map((example) => ({
  ...example,
  code: pointImports(example.code, entries),
  file: join(tmpDir, `${example.title.replace(/[^A-Za-z0-9]+/g, "-")}.ts`),
}));
let errors = new Map<string, string[]>();
const defaultScheduler = Scheduler.run;
/** What the running example has printed; null between examples. */
let printed: string[] | null = null;
/** Lines printed between examples, each with the title of the example that ran last. */
const stray: string[] = [];
let lastTitle = "(none)";

beforeAll(() => {
  for (const example of examples) writeFileSync(example.file, example.code);
  errors = typeErrors(examples.map((example) => example.file));
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    const line = format(...args);
    if (printed === null) stray.push(`${lastTitle} printed ${JSON.stringify(line)} after it had finished`);
    else printed.push(line);
  });
}, 60_000);

afterAll(() => {
  vi.restoreAllMocks();
  Scheduler.run = defaultScheduler;
  rmSync(tmpDir, { recursive: true, force: true });
  expect(stray).toEqual([]);
});

/**
 * Gives examples of `kamaelia/browser` the platform WebSocket that Node before 22 lacks, from `ws` (whose
 * WebSocket has the DOM's interface), for as long as `run` takes.
 */
async function withPlatformWebSocket(code: string, run: () => Promise<void>): Promise<void> {
  const scope = globalThis as { WebSocket?: unknown };
  if (!code.includes(entries["kamaelia/browser"] ?? "kamaelia/browser") || scope.WebSocket !== undefined) {
    await run();
    return;
  }
  scope.WebSocket = NodeWebSocket;
  try {
    await run();
  } finally {
    delete scope.WebSocket;
  }
}

/** Lets callbacks the example left queued (immediates, expired timers) run before judging it. */
function hostTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// Examples that join multicast groups on the loopback interface run only where it carries multicast.
const multicastMissing = await loopbackMulticastMissing("239.255.77.98");
if (multicastMissing !== undefined) console.warn(`Multicast examples skipped: loopback multicast is unavailable here: ${multicastMissing}.`);

describe("doc comment examples", () => {
  it("finds every @example of the sources", () => {
    expect(examples.length).toBe(countExampleTags(sources));
  });

  for (const example of examples) {
    if (needsPage(example)) {
      it(`${example.title} example type-checks (it runs in Chromium: runtime/test/browser/examples.spec.ts)`, () => {
        expect(errors.get(example.file), `${example.title}: the example does not type-check`).toEqual([]);
      });
      continue;
    }
    it.skipIf(multicastMissing !== undefined && example.code.includes("Multicast_"))(`${example.title} example runs`, async () => {
      expect(stray, "an earlier example printed after it had finished").toEqual([]);
      expect(errors.get(example.file), `${example.title}: the example does not type-check`).toEqual([]);
      const scheduler = new Scheduler();
      Scheduler.run = scheduler;
      const lines: string[] = [];
      printed = lines;
      lastTitle = example.title;
      try {
        await withPlatformWebSocket(example.code, async () => {
          await import(pathToFileURL(example.file).href);
          await hostTurn();
        });
      } finally {
        printed = null;
      }
      const left = scheduler.listAllThreads();
      scheduler.stop();
      expect(left.map((mp) => mp.name), `${example.title}: the example left microprocesses on the default scheduler`).toEqual([]);
      expect(lines.join(", "), `${example.title}: what the example prints`).toBe(example.expected);
    }, 5_000);
  }
});
