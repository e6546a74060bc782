/**
 * What every recipe test imports before the recipe itself: it marks this process as a test, so that a
 * recipe's main.ts, imported for its parts, does not also run itself (see README.md), and it holds the
 * harness the tests drive components with, on a fresh scheduler whose clock is virtual.
 * @module
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";

// Read at the end of every main.ts.
Object.assign(globalThis, { kamaeliaRecipeTest: true });

/** Collects what a `ConsoleEchoer` prints: give it `{ sink }`, then read `lines`. */
export function printed(): { readonly lines: string[]; readonly sink: (line: string) => void } {
  const lines: string[] = [];
  return { lines, sink: (line) => lines.push(line) };
}

/**
 * Records what a program printed when its test ran, for its page to show where the program cannot run
 * (a recipe that needs Node, on a browser where Node cannot start): a recipe's test records its lines with
 * `recordTranscript(new URL("transcript.txt", import.meta.url), lines)`, beside its page. The file is
 * written only when the lines have changed.
 */
export function recordTranscript(file: URL, lines: readonly string[]): void {
  const text = `${lines.join("\n")}\n`;
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
}

/**
 * The lines a recipe's page says one of its programs prints: the `export const output` (or another
 * name, for a page with several programs) of the `index.mdx` beside the test whose `import.meta.url` is
 * given. Tests compare them with what the program really prints, so the page cannot drift from the program.
 */
export function pageOutput(testUrl: string, name = "output"): string[] {
  const page = readFileSync(new URL("index.mdx", testUrl), "utf8");
  const output = new RegExp(`^export const ${name} = \`([^\`]*)\`;$`, "m").exec(page)?.[1];
  if (output === undefined) throw new Error(`${testUrl}: the page beside it has no export const ${name} = \`...\`;`);
  // The text is a template literal: undo its escapes of backslashes, backticks and dollar signs.
  return output.replace(/\\([\\`$])/g, "$1").split("\n");
}

// The harness the tests drive components with, on a fresh scheduler whose clock is virtual.
export { Harness } from "kamaelia/testing";
