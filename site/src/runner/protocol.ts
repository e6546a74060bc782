/**
 * The messages between a page and the worker that runs a program in it.
 * @module
 */

import type { Topology } from "kamaelia";
import type { Verdict } from "../../../tutorial/check-kit.js";
import type { ProgramFiles } from "./program-imports.js";

/** What the page asks of the worker. */
export type ToWorker =
  /** Load the runtime and the transpiler now, so that the first run starts at once. */
  | { readonly type: "warm"; readonly runtime: RuntimeUrls }
  /**
   * Run a program: TypeScript that imports from `kamaelia` (or `kamaelia/browser`, `kamaelia/testing`)
   * and from the `files` beside it; with `check` (a tutorial step's checks module, TypeScript, as
   * tutorial/check-kit.ts describes it), then run the checks on the program's exports and the lines it
   * printed.
   */
  | { readonly type: "run"; readonly code: string; readonly files: ProgramFiles; readonly runtime: RuntimeUrls; readonly check: string | null };

// How long a program may run before a Check stops it and runs the checks anyway: one number for the page
// and for scripts/tutorial-step.mjs in Node.
export { DEADLINE_MS as CHECK_DEADLINE_MS } from "../../../tutorial/check-kit.js";

/** Where the browser build of the runtime is served. */
export interface RuntimeUrls {
  /** `kamaelia` */
  readonly index: string;
  /** `kamaelia/browser`, when the runtime has it. */
  readonly browser: string | null;
  /** `kamaelia/testing`. */
  readonly testing: string;
}

/** A failure, placed in the program where that is known. */
export interface RunFailure {
  /** What went wrong, as the error says it. */
  readonly message: string;
  /** The failing component's name, when a component failed. */
  readonly component: string | null;
  /** The file beside the program the line is in; null for the program itself. */
  readonly file: string | null;
  /** The line (1-based) the error was thrown from, when it came from the program or its files. */
  readonly line: number | null;
}

/** What the worker tells the page. */
export type FromWorker =
  /** The runtime and transpiler are loaded. */
  | { readonly type: "ready" }
  /** Lines the program printed (console.log and friends). */
  | { readonly type: "print"; readonly stream: "out" | "err"; readonly text: string }
  /** The components and linkages on the default scheduler now. */
  | { readonly type: "topology"; readonly topology: Topology }
  /** The program failed. */
  | { readonly type: "failed"; readonly failure: RunFailure }
  /** The checks ran on the program: they passed, or say what is wrong. Sent before `done`. */
  | { readonly type: "verdict"; readonly verdict: Verdict }
  /** The program's module has run to its end and the default scheduler has nothing left. */
  | { readonly type: "done" };
