// Everything reachable from `kamaelia` (runtime/src/index.ts) must run in Node, pages and workers alike:
// it imports no Node built-in and uses no DOM-only or Node-only global. The lint rules say the same per file;
// this check follows the real import graph, so an edge module re-exported from index.ts is caught too.
import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { domGlobals, isNodeBuiltin, nodeGlobals } from "../../scripts/runtime-boundary.mjs";

const runtimeDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoDir = resolve(runtimeDir, "..");
const forbiddenGlobals = new Map([
  ...domGlobals.map((name) => [name, "DOM-only global"] as const),
  ...nodeGlobals.map((name) => [name, "Node-only global"] as const),
]);

/** The module specifiers a file imports, re-exports, loads lazily or references as types, with their lines. */
function importsOf(file: ts.SourceFile): { specifier: string; node: ts.Node }[] {
  const found: { specifier: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    let specifier: ts.Node | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      specifier = node.moduleReference.expression;
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      specifier = node.arguments[0];
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    if (specifier !== undefined && ts.isStringLiteralLike(specifier)) found.push({ specifier: specifier.text, node });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Whether an identifier names a global declared by a library (lib.dom.d.ts, @types/node), not by our code. */
function isLibraryGlobal(program: ts.Program, checker: ts.TypeChecker, identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  // `globalThis.setImmediate` and `a.document` are property names: feature detection stays allowed.
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if (ts.isQualifiedName(parent) && parent.right === identifier) return false;
  const symbol = ts.isShorthandPropertyAssignment(parent)
    ? checker.getShorthandAssignmentValueSymbol(parent)
    : checker.getSymbolAtLocation(identifier);
  const declarations = symbol?.getDeclarations() ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const file = declaration.getSourceFile();
      return program.isSourceFileDefaultLibrary(file) || program.isSourceFileFromExternalLibrary(file) || file.fileName.includes("/node_modules/");
    })
  );
}

/** The published build's compiler options, and a host that parses the DOM and Node typings only once. */
function buildHost(): { options: ts.CompilerOptions; host: ts.CompilerHost } {
  const configFile = resolve(runtimeDir, "tsconfig.build.json");
  const { config } = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path)) as { config: unknown };
  const options = { ...ts.parseJsonConfigFileContent(config, ts.sys, runtimeDir).options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  const typings = new Map<string, ts.SourceFile | undefined>();
  host.getSourceFile = (fileName, ...rest) => {
    if (!fileName.includes("/node_modules/")) return parse(fileName, ...rest);
    if (!typings.has(fileName)) typings.set(fileName, parse(fileName, ...rest));
    return typings.get(fileName);
  };
  return { options, host };
}

const { options, host } = buildHost();

/** Walks the import graph from an entry file and lists every use of Node or the DOM, as "file:line what". */
function agnosticFindings(entry: string): string[] {
  const program = ts.createProgram({ rootNames: [entry], options, host });
  const checker = program.getTypeChecker();
  const findings: string[] = [];
  const ours = program
    .getSourceFiles()
    .filter((file) => !program.isSourceFileDefaultLibrary(file) && !file.fileName.includes("/node_modules/"));
  for (const file of ours) {
    const where = (node: ts.Node): string =>
      `${relative(repoDir, file.fileName)}:${String(file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1)}`;
    for (const reference of file.typeReferenceDirectives) {
      if (reference.fileName === "node") findings.push(`${relative(repoDir, file.fileName)} references types "node"`);
    }
    for (const { specifier, node } of importsOf(file)) {
      if (isNodeBuiltin(specifier)) findings.push(`${where(node)} imports "${specifier}"`);
    }
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const kind = forbiddenGlobals.get(node.text);
        if (kind !== undefined && isLibraryGlobal(program, checker, node)) findings.push(`${where(node)} uses ${kind} "${node.text}"`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return findings;
}

// Each test builds a TypeScript program over the DOM and Node typings: seconds, not milliseconds.
describe("runtime-agnostic check", { timeout: 60_000 }, () => {
  test("finds every Node built-in and DOM or Node global reachable from an entry, and nothing else", () => {
    const findings = agnosticFindings(resolve(runtimeDir, "test/fixture/agnostic/index.ts"));
    expect(findings).toMatchInlineSnapshot(`
      [
        "runtime/test/fixture/agnostic/leak.ts references types "node"",
        "runtime/test/fixture/agnostic/leak.ts:2 imports "node:events"",
        "runtime/test/fixture/agnostic/leak.ts:3 imports "fs"",
        "runtime/test/fixture/agnostic/leak.ts:14 imports "node:os"",
        "runtime/test/fixture/agnostic/leak.ts:8 uses DOM-only global "HTMLElement"",
        "runtime/test/fixture/agnostic/leak.ts:8 uses DOM-only global "document"",
        "runtime/test/fixture/agnostic/leak.ts:9 uses Node-only global "process"",
      ]
    `);
  });

  test("nothing reachable from kamaelia imports Node built-ins or uses DOM or Node globals", () => {
    const entry = resolve(runtimeDir, "src/index.ts");
    expect(existsSync(entry), "runtime/src/index.ts, the entry of `kamaelia`, does not exist yet").toBe(true);
    expect(agnosticFindings(entry)).toEqual([]);
  });
});
