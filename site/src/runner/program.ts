/**
 * A learner's program made runnable: types stripped (line for line, so errors point at the right line),
 * imports of `kamaelia` pointed at the runtime's URL, and errors traced back to the program's lines.
 * @module
 */

import { transform } from "sucrase";
import { moduleSpecifier } from "./program-imports.js";
import type { RunFailure, RuntimeUrls } from "./protocol.js";

/** A program the page cannot run in a worker, with the reason, in words for the learner. */
export class UnrunnableProgram extends Error {
  override name = "UnrunnableProgram";
  /**
   * @param message - what is wrong
   * @param line - the program's line it is on (1-based), when known
   */
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

/** Where sucrase puts the position in its syntax errors: "Unexpected token (3:5)". */
const syntaxPosition = /\((\d+):(\d+)\)$/;

/**
 * Strips the types from a TypeScript program, keeping every line where it was.
 * @throws {UnrunnableProgram} when it does not parse
 */
export function stripTypes(code: string): string {
  try {
    // Only the TypeScript transform: modern syntax is left as it is, and no line is added or removed.
    return transform(code, { transforms: ["typescript"], disableESTransforms: true }).code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = syntaxPosition.exec(message)?.[1];
    throw new UnrunnableProgram(message, line === undefined ? null : Number(line));
  }
}

/**
 * The program as a module a worker can import: types stripped, and `kamaelia` (and `kamaelia/browser`
 * and `kamaelia/testing`) imported from where the page serves them. `local` gives the URLs of any other modules it may import.
 * @throws {UnrunnableProgram} when it does not parse, or imports what a page cannot give it
 */
export function toWorkerModule(code: string, runtime: RuntimeUrls, local: (specifier: string) => string | null = () => null): string {
  const stripped = stripTypes(code);
  return stripped.replace(moduleSpecifier, (_whole, before: string, quote: string, specifier: string, offset: number) => {
    const url = local(specifier) ?? runtimeUrl(specifier, runtime, () => stripped.slice(0, offset).split("\n").length);
    return `${before}${quote}${url}${quote}`;
  });
}

/**
 * The URL a module of the program is imported from.
 * @throws {UnrunnableProgram} for a module a page cannot give it
 */
function runtimeUrl(specifier: string, runtime: RuntimeUrls, line: () => number): string {
  if (specifier === "kamaelia") return runtime.index;
  if (specifier === "kamaelia/testing") return runtime.testing;
  if (specifier === "kamaelia/browser" && runtime.browser !== null) return runtime.browser;
  if (specifier === "kamaelia/browser") throw new UnrunnableProgram("kamaelia/browser is not part of this runtime yet.", line());
  if (specifier === "kamaelia/node" || specifier.startsWith("node:")) {
    throw new UnrunnableProgram(`This program imports ${specifier}, which needs Node: it cannot run in a page.`, line());
  }
  throw new UnrunnableProgram(
    `This program imports "${specifier}". Programs here can import only kamaelia (and kamaelia/browser and kamaelia/testing).`,
    line(),
  );
}

/** An error's `name` and `message`, as it prints them. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function stackOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "stack" in error && typeof error.stack === "string") return error.stack;
  return "";
}

/**
 * The line of the program a stack trace passes through: the first frame in the module at `moduleUrl`
 * (the blob URL the program was imported from).
 */
export function programLine(stack: string, moduleUrl: string): number | null {
  if (moduleUrl === "") return null;
  for (const frame of stack.split("\n")) {
    const at = frame.indexOf(moduleUrl);
    if (at === -1) continue;
    const position = /^:(\d+):\d+/.exec(frame.slice(at + moduleUrl.length));
    if (position?.[1] !== undefined) return Number(position[1]);
  }
  return null;
}

/** Something with a component's name, as `ComponentError.component` is. */
function componentName(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("component" in error)) return null;
  const { component } = error;
  if (typeof component !== "object" || component === null || !("name" in component)) return null;
  return typeof component.name === "string" ? component.name : null;
}

/**
 * What the learner is told about an error: its message, the component that failed (for a
 * `ComponentError`) and the program's line it was thrown from.
 */
export function describeFailure(error: unknown, moduleUrl: string): RunFailure {
  if (error instanceof UnrunnableProgram) return { message: error.message, component: null, line: error.line };
  const component = componentName(error);
  // A ComponentError wraps what the component threw: that is where the line is.
  const cause = component !== null && error instanceof Error ? error.cause : undefined;
  const line = programLine(stackOf(cause), moduleUrl) ?? programLine(stackOf(error), moduleUrl);
  return { message: describe(error), component, line };
}
