/**
 * How a tutorial step's checks see the learner's program, and how their verdict is reached. The same
 * code runs in the page (in the runner's worker, after the learner's program) and in the tutorial's own
 * test (tutorial/tutorial.test.ts), which runs every step's checks against its starting code and its
 * solution. It imports nothing, so it runs anywhere a module runs.
 *
 * A step's `check.ts` looks like this:
 *
 * ```ts
 * import type { CheckContext } from "../../check-kit.js";
 *
 * // What the checks say about the starting code: the tutorial's test requires it.
 * export const startFails = "does not print anything yet";
 *
 * export default function check(t: CheckContext): void {
 *   const double = t.exported("double", "function") as (n: number) => number;
 *   if (double(2) !== 4) t.fail(`double(2) gave ${String(double(2))}: it should be 4.`);
 *   t.expectOutput(["4"]);
 * }
 * ```
 * @module
 */

/** What a step's checks find wrong, in the learner's words. */
export class CheckFailure extends Error {
  override name = "CheckFailure";
}

/** The kinds of value {@link CheckContext.exported} can insist on. */
export type ExportKind = "function" | "class" | "generator function" | "object" | "any";

/** What a step's checks are given: the learner's program, what it printed, and ways to say what is wrong. */
export interface CheckContext {
  /** The learner's program as a module: everything it exports. */
  readonly program: Readonly<Record<string, unknown>>;
  /** The lines the program printed while it ran (`console.log`, `ConsoleEchoer`), in order. */
  readonly output: readonly string[];
  /**
   * The program's export called `name`, which must be of the given kind; when it is missing or of
   * another kind, the check fails saying how to export it.
   */
  exported(name: string, kind?: ExportKind): unknown;
  /** Fails the check with a message for the learner. */
  fail(message: string): never;
  /**
   * Fails unless the program printed exactly these lines, saying which line differs and how.
   * @param what - what the lines are, for the message ("your pipeline printed")
   */
  expectOutput(expected: readonly string[], what?: string): void;
}

/** A step's checks: they pass by returning, and fail by throwing (best: through `fail`). */
export type Check = (t: CheckContext) => void | Promise<void>;

/** A step's checks module: its default export, and what they say about the starting code. */
export interface CheckModule {
  readonly default: Check;
  readonly startFails: string;
}

/** The verdict on a program. */
export type Verdict = { readonly passed: true } | { readonly passed: false; readonly message: string };

const generatorFunction = Object.getPrototypeOf(function* () {
  // An empty generator, only to find the constructor generator functions share.
}) as object;

function kindOf(value: unknown): ExportKind | "missing" | "other" {
  if (value === undefined) return "missing";
  if (typeof value === "function") {
    if (Object.getPrototypeOf(value) === generatorFunction) return "generator function";
    return /^class\b/.test(Function.prototype.toString.call(value)) ? "class" : "function";
  }
  return typeof value === "object" && value !== null ? "object" : "other";
}

const howToExport: Record<ExportKind, (name: string) => string> = {
  function: (name) => `export function ${name}(...) { ... }`,
  class: (name) => `export class ${name} { ... }`,
  "generator function": (name) => `export function* ${name}(...) { ... }`,
  object: (name) => `export const ${name} = ...`,
  any: (name) => `export const ${name} = ...`,
};

function show(line: string | undefined): string {
  return line === undefined ? "nothing" : JSON.stringify(line);
}

/** The context a step's checks run in, for a program's exports and printed lines. */
export function checkContext(program: Readonly<Record<string, unknown>>, output: readonly string[]): CheckContext {
  const fail = (message: string): never => {
    throw new CheckFailure(message);
  };
  return {
    program,
    output,
    fail,
    exported(name, kind = "any") {
      const value = program[name];
      const found = kindOf(value);
      if (found === "missing") fail(`Your program does not export ${name}. Write it as \`${howToExport[kind](name)}\`.`);
      // A class is a function too; a generator function is asked for by name.
      const fits = kind === "any" || found === kind || (kind === "function" && found === "generator function");
      if (!fits) fail(`Your program exports ${name}, but as a ${found === "other" ? typeof value : found}: it should be a ${kind}.`);
      return value;
    },
    expectOutput(expected, what = "your program printed") {
      const length = Math.max(expected.length, output.length);
      for (let line = 0; line < length; line += 1) {
        if (expected[line] === output[line]) continue;
        const at = `line ${String(line + 1)}`;
        if (output.length === 0) fail(`${capitalise(what)} nothing: it should print ${expected.map((text) => JSON.stringify(text)).join(", ")}.`);
        fail(`${capitalise(what)} ${show(output[line])} on ${at}, where ${show(expected[line])} was expected.`);
      }
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How long a program may run before a Check stops it and runs the checks anyway, in milliseconds: the
 * tutorial's programs end by themselves at once, and one that does not is told so ({@link didNotEnd})
 * unless the checks find something more precise to say.
 */
export const DEADLINE_MS = 3000;

/** What the learner is told when their program had to be stopped, and the checks found nothing else wrong. */
export function didNotEnd(ms: number): string {
  return `Your program did not end by itself: it was stopped after ${String(ms / 1000)} s. Every component must end once its work is done, passing ProducerFinished on from "signal".`;
}

/**
 * Runs a step's checks on a program that has run, and says whether they passed, and if not, why. The
 * checks say best what is wrong; when they find nothing, a program that had to be stopped at the
 * deadline is still wrong, and is told so ({@link didNotEnd}).
 * @param endedByItself - false when the program was stopped at {@link DEADLINE_MS}
 */
export async function verdict(
  check: Check,
  program: Readonly<Record<string, unknown>>,
  output: readonly string[],
  endedByItself = true,
): Promise<Verdict> {
  try {
    await check(checkContext(program, output));
  } catch (error) {
    if (error instanceof CheckFailure || (error instanceof Error && error.name === "CheckFailure")) return { passed: false, message: error.message };
    // Anything else the checks ran into came from the learner's code: name it as it is.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { passed: false, message: `Your code threw ${message}` };
  }
  return endedByItself ? { passed: true } : { passed: false, message: didNotEnd(DEADLINE_MS) };
}
