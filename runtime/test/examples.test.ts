// Runs every `@example` of the runtime's doc comments as a program: it must type-check under the strict
// tsconfig, finish, leave nothing running on the default scheduler, and print what its trailing `// ...`
// comments say it prints.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Scheduler } from "../src/index.js";

const runtimeDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(runtimeDir, "src");
/** Where the examples are written as modules; under the runtime so that they resolve its dependencies. */
const tmpRoot = join(runtimeDir, "test", ".examples-tmp");
/** What `kamaelia` and its subpaths stand for while the examples run: the sources, not the build. */
const entries: Readonly<Record<string, string>> = {
  kamaelia: join(srcDir, "index.js"),
  "kamaelia/node": join(srcDir, "node.js"),
  "kamaelia/testing": join(srcDir, "testing.js"),
  "kamaelia/browser": join(srcDir, "browser.js"),
};

interface Example {
  /** `<file> <export name>`, unique. */
  readonly title: string;
  /** The program, with `kamaelia` imports pointing at the sources. */
  readonly code: string;
  /** What it prints, from its trailing comments joined with ", ". */
  readonly expected: string;
  /** The module it is written to. */
  readonly file: string;
}

interface Source {
  readonly path: string;
  readonly text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
    })
    .sort();
}

/** The name a doc comment documents: `Name`, or `Class.member` for a member. */
function documentedName(node: ts.Node): string {
  const own = (target: ts.Node): string | undefined => {
    if (ts.isVariableStatement(target)) return target.declarationList.declarations[0]?.name.getText();
    const name = (target as { name?: ts.Node }).name;
    return name === undefined ? undefined : name.getText();
  };
  const name = own(node) ?? "(module)";
  const container = node.parent;
  if (ts.isClassLike(container) || ts.isInterfaceDeclaration(container)) return `${container.name?.getText() ?? "(class)"}.${name}`;
  return name;
}

/** The fenced ```ts blocks that follow `@example` in a doc comment, `*` margins removed. */
function exampleBlocks(comment: string): string[] {
  const lines = comment.split("\n").map((line) => line.replace(/^\s*\/?\*\*? ?/, ""));
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.trimStart().startsWith("@example")) continue;
    const open = lines.findIndex((line, j) => j > i && line.trim().startsWith("```"));
    const close = lines.findIndex((line, j) => j > open && line.trim() === "```");
    if (open < 0 || close < 0) throw new Error(`An @example without a fenced \`\`\`ts block:\n${comment}`);
    blocks.push(lines.slice(open + 1, close).join("\n"));
    i = close;
  }
  return blocks;
}

/** The text of the `//` comments that follow code on the same line, in order. */
function trailingComments(code: string): string[] {
  const file = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = new Map<number, string>();
  const visit = (node: ts.Node): void => {
    for (const range of ts.getTrailingCommentRanges(code, node.end) ?? []) {
      if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia) found.set(range.pos, code.slice(range.pos + 2, range.end).trim());
    }
    for (const child of node.getChildren(file)) visit(child);
  };
  visit(file);
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

/** Points imports of `kamaelia` and its subpaths at the sources. */
function pointAtSources(code: string): string {
  return code.replace(/(from\s+|import\s*\(\s*)(["'])(kamaelia(?:\/(?:node|testing|browser))?)\2/g, (whole, before: string, quote: string, name: string) => {
    const target = entries[name];
    return target === undefined ? whole : `${before}${quote}${target}${quote}`;
  });
}

function findExamples(sources: readonly Source[], dir: string): Example[] {
  const examples: Example[] = [];
  const titles = new Map<string, number>();
  for (const { path, text } of sources) {
    if (!text.includes("@example")) continue;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const relativePath = relative(srcDir, path).split("\\").join("/");
    const visit = (node: ts.Node): void => {
      for (const doc of ts.getJSDocCommentsAndTags(node)) {
        if (!ts.isJSDoc(doc) || doc.parent !== node) continue;
        for (const block of exampleBlocks(doc.getText(source))) {
          const base = `${relativePath} ${documentedName(node)}`;
          const seen = (titles.get(base) ?? 0) + 1;
          titles.set(base, seen);
          const title = seen === 1 ? base : `${base} #${String(seen)}`;
          const slug = title.replace(/[^A-Za-z0-9]+/g, "-");
          examples.push({
            title,
            code: pointAtSources(block),
            expected: trailingComments(block).join(", "),
            file: join(dir, `${slug}.ts`),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return examples;
}

/** How many `@example` tags the sources hold, counted on the raw text. */
function countExampleTags(sources: readonly Source[]): number {
  return sources.reduce((total, { text }) => total + (text.match(/^\s*\*\s*@example\b/gm)?.length ?? 0), 0);
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

const sources: Source[] = sourceFiles(srcDir).map((path) => ({ path, text: readFileSync(path, "utf8") }));
// One folder per run, so that runs side by side do not delete each other's files.
mkdirSync(tmpRoot, { recursive: true });
const tmpDir = mkdtempSync(join(tmpRoot, "run-"));
const examples = findExamples(sources, tmpDir);
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

/** Lets callbacks the example left queued (immediates, expired timers) run before judging it. */
function hostTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe("doc comment examples", () => {
  it("finds every @example of the sources", () => {
    expect(examples.length).toBe(countExampleTags(sources));
  });

  for (const example of examples) {
    it(`${example.title} example runs`, async () => {
      expect(stray, "an earlier example printed after it had finished").toEqual([]);
      expect(errors.get(example.file), `${example.title}: the example does not type-check`).toEqual([]);
      const scheduler = new Scheduler();
      Scheduler.run = scheduler;
      const lines: string[] = [];
      printed = lines;
      lastTitle = example.title;
      try {
        await import(pathToFileURL(example.file).href);
        await hostTurn();
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
