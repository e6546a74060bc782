/**
 * Runs programs in Web Workers on the page: one fresh worker per run, with the next one already loading
 * the runtime while this one runs, so that Run starts at once. Stop terminates the worker, which ends
 * any program, endless loops included.
 * @module
 */

import type { Topology } from "kamaelia";
import type { Verdict } from "../../../tutorial/check-kit.js";
import type { ProgramFiles } from "./program-imports.js";
import type { FromWorker, RunFailure, RuntimeUrls, ToWorker } from "./protocol.js";
import { runnerAssets } from "./reference-client.js";

/** Where a run's news goes. */
export interface RunSink {
  /** A line it printed. */
  print(stream: "out" | "err", text: string): void;
  /** Its system now. */
  topology(topology: Topology): void;
  /** It failed. */
  failed(failure: RunFailure): void;
  /** A tutorial step's checks ran on it. */
  verdict(verdict: Verdict): void;
  /** It ran to its end. */
  done(): void;
}

/** A run under way. */
export interface RunHandle {
  /** Ends it now. */
  stop(): void;
}

/** Whether the runtime has a `kamaelia/browser` build, as the component says. */
let runtime: RuntimeUrls | null = null;

/** The runtime's URLs for this page. */
export function configureRuntime(hasBrowserEntry: boolean): void {
  const base = new URL(`${runnerAssets}kamaelia/`, location.href).href;
  runtime = { index: `${base}index.js`, browser: hasBrowserEntry ? `${base}browser.js` : null, testing: `${base}testing.js` };
}

function runtimeUrls(): RuntimeUrls {
  if (runtime === null) throw new Error("configureRuntime() must be called before a program runs.");
  return runtime;
}

let spare: Worker | null = null;

function newWorker(): Worker {
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "kamaelia program" });
  worker.postMessage({ type: "warm", runtime: runtimeUrls() } satisfies ToWorker);
  return worker;
}

/** Starts loading a worker now, so that the next run need not wait for one. */
export function warmUp(): void {
  spare ??= newWorker();
}

/**
 * Runs a program, which may import the `files` beside it, in a fresh worker; with `check`, a tutorial
 * step's checks module, then its checks.
 */
export function runInPage(code: string, files: ProgramFiles, sink: RunSink, check: string | null = null): RunHandle {
  const worker = spare ?? newWorker();
  spare = null;
  let over = false;
  worker.addEventListener("message", (event: MessageEvent<FromWorker>) => {
    if (over) return;
    const message = event.data;
    if (message.type === "print") sink.print(message.stream, message.text);
    else if (message.type === "topology") sink.topology(message.topology);
    else if (message.type === "failed") {
      over = true;
      worker.terminate();
      sink.failed(message.failure);
    } else if (message.type === "verdict") sink.verdict(message.verdict);
    else if (message.type === "done") sink.done();
  });
  worker.addEventListener("error", (event) => {
    if (over) return;
    over = true;
    worker.terminate();
    sink.failed({ message: `The worker could not start: ${event.message || "it failed to load"}`, component: null, file: null, line: null });
  });
  worker.postMessage({ type: "run", code, files, runtime: runtimeUrls(), check } satisfies ToWorker);
  // Get the next one ready while this one runs.
  setTimeout(warmUp, 0);
  return {
    stop() {
      over = true;
      worker.terminate();
    },
  };
}
