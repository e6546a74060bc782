/**
 * What a program imports, read without parsing it, so that the page can choose where to run it before
 * loading the transpiler.
 * @module
 */

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

/** Tells whether a program needs Node (it imports `kamaelia/node` or a `node:` module). */
export function needsNode(code: string): boolean {
  return importsOf(code).some((specifier) => specifier === "kamaelia/node" || specifier.startsWith("node:"));
}
