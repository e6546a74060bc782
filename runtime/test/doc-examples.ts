// Finds the `@example` programs of the runtime's doc comments and what their trailing `// ...` comments say
// they print. Shared by the runner under Node (examples.test.ts) and the one in Chromium for the examples
// that need a page (browser/examples.spec.ts).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** The runtime's source folder. */
export const srcDir = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "src");

/** An `@example` of a doc comment. */
export interface DocExample {
  /** `<file> <export name>`, unique. */
  readonly title: string;
  /** The program, as written. */
  readonly code: string;
  /** What it prints, from its trailing comments joined with ", ". */
  readonly expected: string;
}

/** A source file of the runtime. */
export interface Source {
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

/** Every source file of the runtime but its tests, in path order. */
export function runtimeSources(): Source[] {
  return sourceFiles(srcDir).map((path) => ({ path, text: readFileSync(path, "utf8") }));
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

/** Every `@example` of the sources, in file order. */
export function findExamples(sources: readonly Source[]): DocExample[] {
  const examples: DocExample[] = [];
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
          examples.push({ title: seen === 1 ? base : `${base} #${String(seen)}`, code: block, expected: trailingComments(block).join(", ") });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return examples;
}

/** How many `@example` tags the sources hold, counted on the raw text. */
export function countExampleTags(sources: readonly Source[]): number {
  return sources.reduce((total, { text }) => total + (text.match(/^\s*\*\s*@example\b/gm)?.length ?? 0), 0);
}

/**
 * Points imports of `kamaelia` and its subpaths at other modules: `entries` maps `kamaelia`,
 * `kamaelia/node`, ... to what they stand for.
 */
export function pointImports(code: string, entries: Readonly<Record<string, string>>): string {
  return code.replace(/(from\s+|import\s*\(\s*)(["'])(kamaelia(?:\/(?:node|testing|browser))?)\2/g, (whole, before: string, quote: string, name: string) => {
    const target = entries[name];
    return target === undefined ? whole : `${before}${quote}${target}${quote}`;
  });
}

/**
 * Whether an example needs a page to run (it uses `document`): those run in Chromium, the others in
 * Node.
 */
export function needsPage(example: DocExample): boolean {
  return /\bdocument\./.test(example.code);
}
