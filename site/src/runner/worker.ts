/**
 * The worker a program runs in: it strips the program's types (and those of the files beside it that it
 * imports), imports it with `kamaelia` taken from the page's server, and streams back what it prints,
 * the running system's topology, and how it ended. For a tutorial step it then runs the step's checks
 * on the program (as tutorial/check-kit.ts defines them, with that very file) and sends their verdict.
 * A fresh worker runs each program, so nothing one run leaves behind (services, timers, the default
 * scheduler's state) reaches the next; the page stops a run by terminating its worker.
 * @module
 */

import type { Scheduler } from "kamaelia";
import type * as CheckKit from "../../../tutorial/check-kit.js";
import checkKitSource from "../../../tutorial/check-kit.ts?raw";
import { describeFailure, stripTypes, toWorkerModule } from "./program.js";
import type { ProgramFiles } from "./program-imports.js";
import { CHECK_DEADLINE_MS, type FromWorker, type RuntimeUrls, type ToWorker } from "./protocol.js";

/** The parts of a dedicated worker's global scope used here. */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
  addEventListener(type: "unhandledrejection", listener: (event: PromiseRejectionEvent) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

/** How often the topology is sampled while a program runs, for its linkages' message counts. */
const SAMPLE_MS = 100;
/** A system with more components than this is sampled at most this often after a change. */
const LARGE_SYSTEM = 200;
const LARGE_SYSTEM_MS = 50;

let runtime: Promise<typeof import("kamaelia")> | null = null;

function loadRuntime(urls: RuntimeUrls): Promise<typeof import("kamaelia")> {
  runtime ??= import(/* @vite-ignore */ urls.index) as Promise<typeof import("kamaelia")>;
  return runtime;
}

function post(message: FromWorker): void {
  scope.postMessage(message);
}

/** The lines the program printed to standard output, for its checks. */
const printed: string[] = [];

/**
 * Sends console output to the page, one message per call, formatted as kamaelia's own components
 * print messages (`str`), and keeps what goes to standard output for the checks.
 */
function captureConsole(str: (message: unknown) => string): void {
  const print = (stream: "out" | "err") => (...args: unknown[]) => {
    const text = args.map(str).join(" ");
    if (stream === "out") printed.push(text);
    post({ type: "print", stream, text });
  };
  console.log = print("out");
  console.info = print("out");
  console.debug = print("out");
  console.warn = print("err");
  console.error = print("err");
}

/**
 * Streams the default scheduler's topology: on its "topology" events (sent at the end of every cycle
 * that changed it, so even a system that starts and finishes without giving the event loop a turn is
 * seen; large systems at most every {@link LARGE_SYSTEM_MS}), and every {@link SAMPLE_MS} for the
 * linkages' message counts. Returns a function that sends the last one and stops sampling.
 */
function watchTopology(scheduler: Scheduler): () => void {
  let sentAt = -Infinity;
  const send = (): void => {
    sentAt = performance.now();
    post({ type: "topology", topology: scheduler.topology() });
  };
  const changed = (): void => {
    if (scheduler.listAllThreads().length <= LARGE_SYSTEM || performance.now() - sentAt >= LARGE_SYSTEM_MS) send();
  };
  scheduler.addEventListener("topology", changed);
  const sampler = setInterval(send, SAMPLE_MS);
  return () => {
    clearInterval(sampler);
    scheduler.removeEventListener("topology", changed);
    send();
  };
}

/**
 * The blob URLs the program and its files were imported from, each with its file (null for the
 * program): stack frames there are theirs.
 */
const modules = new Map<string, string | null>();

function moduleUrl(source: string): string {
  return URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
}

/**
 * Runs a step's checks on the program that has just run: the checks module's types stripped, its
 * imports of `kamaelia` pointed at the runtime and of `check-kit.js` at tutorial/check-kit.ts (made
 * runnable here too, so that both share one `CheckFailure`), then check-kit's own `verdict`. A program
 * that had to be stopped fails, when the checks find nothing else wrong.
 */
async function runChecks(check: string, program: Readonly<Record<string, unknown>>, urls: RuntimeUrls, endedByItself: boolean): Promise<void> {
  let checks: CheckKit.CheckModule;
  let kit: typeof CheckKit;
  try {
    const kitUrl = moduleUrl(stripTypes(checkKitSource));
    kit = (await import(/* @vite-ignore */ kitUrl)) as typeof CheckKit;
    const source = toWorkerModule(check, urls, { local: (specifier) => (/(^|\/)check-kit\.js$/.test(specifier) ? kitUrl : null) });
    checks = (await import(/* @vite-ignore */ moduleUrl(source))) as CheckKit.CheckModule;
  } catch (error) {
    // Not the learner's doing: the step's own checks are broken.
    post({ type: "verdict", verdict: { passed: false, message: `this step's checks could not be loaded (${error instanceof Error ? error.message : String(error)}).` } });
    return;
  }
  post({ type: "verdict", verdict: await kit.verdict(checks.default, program, [...printed], endedByItself) });
}

async function run(code: string, files: ProgramFiles, urls: RuntimeUrls, check: string | null): Promise<void> {
  try {
    const place = (file: string, module: string): string => {
      const url = moduleUrl(module);
      modules.set(url, file);
      return url;
    };
    const source = toWorkerModule(code, urls, { files, place });
    const kamaelia = await loadRuntime(urls);
    captureConsole(kamaelia.str);
    const finishTopology = watchTopology(kamaelia.Scheduler.run);
    const programUrl = moduleUrl(source);
    modules.set(programUrl, null);
    // Checked, a program that does not end by itself is stopped, and then checked all the same.
    let endedByItself = true;
    const deadline =
      check === null
        ? undefined
        : setTimeout(() => {
            endedByItself = false;
            kamaelia.Scheduler.run.stop();
          }, CHECK_DEADLINE_MS);
    let program: Readonly<Record<string, unknown>>;
    try {
      program = (await import(/* @vite-ignore */ programUrl)) as Readonly<Record<string, unknown>>;
      // A program may start the scheduler without awaiting it: wait for its end too.
      if (kamaelia.Scheduler.run.isRunning) await kamaelia.Scheduler.run.runThreads();
    } finally {
      clearTimeout(deadline);
      finishTopology();
    }
    if (check !== null) await runChecks(check, program, urls, endedByItself);
    post({ type: "done" });
  } catch (error) {
    post({ type: "failed", failure: describeFailure(error, modules) });
  }
}

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "warm") {
    // Transpile once so that the program's own transpile runs on warm code.
    stripTypes("const warm: number = 1;");
    loadRuntime(message.runtime).then(
      () => {
        post({ type: "ready" });
      },
      (error: unknown) => {
        post({ type: "failed", failure: { message: `The runtime did not load: ${String(error)}`, component: null, file: null, line: null } });
      },
    );
  } else {
    void run(message.code, message.files, message.runtime, message.check);
  }
});

// Errors outside the program's own flow: a timer's callback, a promise nobody awaited.
scope.addEventListener("error", (event) => {
  post({ type: "failed", failure: describeFailure(event.error ?? event.message, modules) });
});
scope.addEventListener("unhandledrejection", (event) => {
  post({ type: "failed", failure: describeFailure(event.reason, modules) });
});
