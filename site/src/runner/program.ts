/**
 * A learner's program made runnable: types stripped (line for line, so errors point at the right line),
 * imports of `kamaelia` pointed at the runtime's URL, the files beside it that it imports made runnable
 * the same way, and errors traced back to the lines of the program or of its files.
 * @module
 */

import { transform } from "sucrase";
import { isFileImport, moduleSpecifier, resolveFile, type ProgramFiles } from "./program-imports.js";
import type { RunFailure, RuntimeUrls } from "./protocol.js";

/** A program the page cannot run in a worker, with the reason, in words for the learner. */
export class UnrunnableProgram extends Error {
  override name = "UnrunnableProgram";
  /**
   * @param message - what is wrong
   * @param line - the line it is on (1-based), when known
   * @param file - the file beside the program that line is in; null for the program itself
   */
  constructor(
    message: string,
    readonly line: number | null,
    readonly file: string | null = null,
  ) {
    super(message);
  }
}

/** Where sucrase puts the position in its syntax errors: "Unexpected token (3:5)". */
const syntaxPosition = /\((\d+):(\d+)\)$/;

/**
 * Strips the types from a TypeScript program, keeping every line where it was.
 * @param file - the file beside the program it is, for errors; null (the default) for the program itself
 * @throws {UnrunnableProgram} when it does not parse
 */
export function stripTypes(code: string, file: string | null = null): string {
  try {
    // Only the TypeScript transform: modern syntax is left as it is, and no line is added or removed.
    return transform(code, { transforms: ["typescript"], disableESTransforms: true }).code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = syntaxPosition.exec(message)?.[1];
    throw new UnrunnableProgram(message, line === undefined ? null : Number(line), file);
  }
}

/** How an import other than of a file beside the program is written in its module: see {@link linkProgram}. */
type OtherImport = (specifier: string, importer: string | null, line: () => number) => string;

/**
 * A program and the files beside it that it imports, made into modules: each one's types stripped and
 * its imports rewritten. An import of a file (`./chat.js` or `./chat.ts` for chat.ts) points at what
 * `place` returns for that file's module: each file is made once, and placed before the modules that
 * import it, the files it imports first. Any other import points at what `other` returns for it (given
 * the file it is in, null for the program, and a way to count its line).
 * @returns the program's module
 * @throws {UnrunnableProgram} when a module does not parse, or files import each other in a circle
 */
function linkProgram(code: string, files: ProgramFiles, place: (file: string, module: string) => string, other: OtherImport): string {
  const placed = new Map<string, string>();
  const making: string[] = [];
  // Where the module of file `target` is, made and placed the first time a module (`importer`) imports it.
  const placeOf = (target: string, importer: string | null, line: () => number): string => {
    const found = placed.get(target);
    if (found !== undefined) return found;
    if (making.includes(target)) {
      throw new UnrunnableProgram(`${importerName(importer)} imports ${target}, which imports it: files here cannot import each other in a circle.`, line(), importer);
    }
    making.push(target);
    const url = place(target, make(target, files[target] ?? ""));
    making.pop();
    placed.set(target, url);
    return url;
  };
  const make = (file: string | null, source: string): string => {
    const stripped = stripTypes(source, file);
    return stripped.replace(moduleSpecifier, (_whole, before: string, quote: string, specifier: string, offset: number) => {
      const line = (): number => stripped.slice(0, offset).split("\n").length;
      const target = resolveFile(specifier, files);
      const url = target === null ? other(specifier, file, line) : placeOf(target, file, line);
      return `${before}${quote}${url}${quote}`;
    });
  };
  return make(null, code);
}

/** Who imports something, as an error says it. */
function importerName(file: string | null): string {
  return file ?? "This program";
}

/** What the runtime lets a program import, as errors say it. */
const importable = "kamaelia (and kamaelia/browser and kamaelia/testing)";

/** The error for an import of a file that the page does not give the program. */
function missingFile(specifier: string, importer: string | null, files: ProgramFiles, line: number): UnrunnableProgram {
  const names = Object.keys(files);
  const can = names.length === 0 ? `only ${importable}` : `${importable} and the files shown with it: ${names.join(", ")}`;
  return new UnrunnableProgram(`${importerName(importer)} imports "${specifier}", but this page gives it no such file: a program here can import ${can}.`, line, importer);
}

/** What a worker's module may import besides the runtime. */
export interface WorkerImports {
  /** The files beside the program, which it may import. */
  readonly files?: ProgramFiles;
  /**
   * Puts a file's module where the worker can import it (a blob URL), once per file, and returns its
   * URL. Default: a `data:` URL.
   */
  readonly place?: (file: string, module: string) => string;
  /** The URL of any other module it may import, by its specifier; null for none. */
  readonly local?: (specifier: string) => string | null;
}

/**
 * The program as a module a worker can import: types stripped, `kamaelia` (and `kamaelia/browser` and
 * `kamaelia/testing`) imported from where the page serves them, and each file beside it that it imports
 * made a module the same way and imported from where `place` puts it.
 * @throws {UnrunnableProgram} when it (or a file) does not parse, or imports what a page cannot give it
 */
export function toWorkerModule(code: string, runtime: RuntimeUrls, { files = {}, place = dataUrl, local = () => null }: WorkerImports = {}): string {
  return linkProgram(code, files, place, (specifier, importer, line) => local(specifier) ?? runtimeUrl(specifier, runtime, importer, files, line));
}

function dataUrl(_file: string, module: string): string {
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(module)}`;
}

/**
 * The URL a module of the program is imported from.
 * @throws {UnrunnableProgram} for a module a page cannot give it
 */
function runtimeUrl(specifier: string, runtime: RuntimeUrls, importer: string | null, files: ProgramFiles, line: () => number): string {
  if (specifier === "kamaelia") return runtime.index;
  if (specifier === "kamaelia/testing") return runtime.testing;
  if (specifier === "kamaelia/browser" && runtime.browser !== null) return runtime.browser;
  if (specifier === "kamaelia/browser") throw new UnrunnableProgram("kamaelia/browser is not part of this runtime yet.", line(), importer);
  if (specifier === "kamaelia/node" || specifier.startsWith("node:")) {
    throw new UnrunnableProgram(`${importerName(importer)} imports ${specifier}, which needs Node: it cannot run in a page.`, line(), importer);
  }
  if (isFileImport(specifier)) throw missingFile(specifier, importer, files, line());
  throw new UnrunnableProgram(`${importerName(importer)} imports "${specifier}". Programs here can import only ${importable}.`, line(), importer);
}

/** The name Node runs the program under, beside its files. */
export const NODE_PROGRAM = "main.mjs";

/**
 * The program and the files beside it that it imports, as Node runs them in one folder: the program as
 * {@link NODE_PROGRAM}, each file under its name with `.js` for `.ts` (chat.ts as chat.js), types
 * stripped, and imports of the files written `./chat.js`. Other imports are left as they are.
 * @returns file name to its text
 * @throws {UnrunnableProgram} when it (or a file) does not parse, or imports a file the page does not give it
 */
export function toNodeModules(code: string, files: ProgramFiles): Map<string, string> {
  const modules = new Map<string, string>();
  const place = (file: string, module: string): string => {
    const name = file.replace(/\.(m?)ts$/, ".$1js");
    modules.set(name, module);
    return `./${name}`;
  };
  const other: OtherImport = (specifier, importer, line) => {
    if (isFileImport(specifier)) throw missingFile(specifier, importer, files, line());
    return specifier;
  };
  modules.set(NODE_PROGRAM, linkProgram(code, files, place, other));
  return modules;
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

/** Where in a program a stack trace passes: the file (null for the program itself) and the line. */
export interface ProgramPlace {
  readonly file: string | null;
  readonly line: number;
}

/**
 * Where a stack trace first passes through the program: the first frame in one of `modules`, which
 * maps the URL each module was imported from (a blob URL) to its file (null for the program itself).
 */
export function programPlace(stack: string, modules: ReadonlyMap<string, string | null>): ProgramPlace | null {
  for (const frame of stack.split("\n")) {
    for (const [url, file] of modules) {
      const at = url === "" ? -1 : frame.indexOf(url);
      if (at === -1) continue;
      const position = /^:(\d+):\d+/.exec(frame.slice(at + url.length));
      if (position?.[1] !== undefined) return { file, line: Number(position[1]) };
    }
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
 * `ComponentError`) and the line of the program, or of one of its files, it was thrown from
 * (`modules` as {@link programPlace} takes them).
 */
export function describeFailure(error: unknown, modules: ReadonlyMap<string, string | null>): RunFailure {
  if (error instanceof UnrunnableProgram) return { message: error.message, component: null, file: error.file, line: error.line };
  const component = componentName(error);
  // A ComponentError wraps what the component threw: that is where the line is.
  const cause = component !== null && error instanceof Error ? error.cause : undefined;
  const place = programPlace(stackOf(cause), modules) ?? programPlace(stackOf(error), modules);
  return { message: describe(error), component, file: place?.file ?? null, line: place?.line ?? null };
}
