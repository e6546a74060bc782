/**
 * What a program imports, read without parsing it, so that the page can choose where to run it before
 * loading the transpiler; and which of the files beside it an import names.
 * @module
 */

/**
 * The files beside a program that it may import, by file name: `{ "chat.ts": source }`, imported as
 * `./chat.js` (or `./chat.ts`). The names are plain file names, with no folders.
 */
export type ProgramFiles = Readonly<Record<string, string>>;

/**
 * `import ... from "x"`, `import "x"`, `export ... from "x"` and `import("x")`, with either quote: group 1
 * is everything before the quote, group 3 the specifier. Prose such as a comment saying "read from "x""
 * is not an import.
 */
export const moduleSpecifier = /(\bimport\s*\(\s*|\b(?:import|export)\s+(?:[\w$*{},\s]+?\s+from\s*)?)(["'])([^"'\n]+)\2/g;

/** The modules a program imports, in order, each once. */
export function importsOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(moduleSpecifier)) found.add(match[3] ?? "");
  return [...found];
}

/** Tells whether an import names a file (`./chat.js`, `../x.js`, `/x.js`) rather than a package. */
export function isFileImport(specifier: string): boolean {
  return specifier.startsWith(".") || specifier.startsWith("/");
}

/**
 * The file of `files` an import names, or null: `./chat.js` and `./chat.ts` both name chat.ts, as
 * TypeScript's own resolution has it.
 */
export function resolveFile(specifier: string, files: ProgramFiles): string | null {
  if (!specifier.startsWith("./")) return null;
  const name = specifier.slice(2);
  return [name, name.replace(/\.(m?)js$/, ".$1ts")].find((candidate) => Object.hasOwn(files, candidate)) ?? null;
}

/**
 * Tells whether a program needs Node: it imports `kamaelia/node` or a `node:` module, or one of the
 * files beside it that it imports (or they import) does.
 */
export function needsNode(code: string, files: ProgramFiles = {}): boolean {
  const seen = new Set<string>();
  const needs = (source: string): boolean =>
    importsOf(source).some((specifier) => {
      if (specifier === "kamaelia/node" || specifier.startsWith("node:")) return true;
      const file = resolveFile(specifier, files);
      if (file === null || seen.has(file)) return false;
      seen.add(file);
      return needs(files[file] ?? "");
    });
  return needs(code);
}
