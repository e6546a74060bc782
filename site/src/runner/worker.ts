/**
 * The worker a program runs in: it strips the program's types, imports it with `kamaelia` taken from
 * the page's server, and streams back what it prints, the running system's topology, and how it ended.
 * A fresh worker runs each program, so nothing one run leaves behind (services, timers, the default
 * scheduler's state) reaches the next; the page stops a run by terminating its worker.
 * @module
 */

import type { Scheduler } from "kamaelia";
import { str } from "../../../runtime/src/util/repr.js";
import { describeFailure, stripTypes, toWorkerModule } from "./program.js";
import type { FromWorker, RuntimeUrls, ToWorker } from "./protocol.js";

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

/** Sends console output to the page, one message per call, as the console would print it. */
function captureConsole(): void {
  const print = (stream: "out" | "err") => (...args: unknown[]) => {
    post({ type: "print", stream, text: args.map(str).join(" ") });
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

/** The blob URL the program was imported from: stack frames there are the program's. */
let programUrl = "";

async function run(code: string, urls: RuntimeUrls): Promise<void> {
  try {
    const source = toWorkerModule(code, urls);
    const { Scheduler } = await loadRuntime(urls);
    const finishTopology = watchTopology(Scheduler.run);
    programUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    try {
      await import(/* @vite-ignore */ programUrl);
      // A program may start the scheduler without awaiting it: wait for its end too.
      if (Scheduler.run.isRunning) await Scheduler.run.runThreads();
    } finally {
      finishTopology();
    }
    post({ type: "done" });
  } catch (error) {
    post({ type: "failed", failure: describeFailure(error, programUrl) });
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
        post({ type: "failed", failure: { message: `The runtime did not load: ${String(error)}`, component: null, line: null } });
      },
    );
  } else {
    captureConsole();
    void run(message.code, message.runtime);
  }
});

// Errors outside the program's own flow: a timer's callback, a promise nobody awaited.
scope.addEventListener("error", (event) => {
  post({ type: "failed", failure: describeFailure(event.error ?? event.message, programUrl) });
});
scope.addEventListener("unhandledrejection", (event) => {
  post({ type: "failed", failure: describeFailure(event.reason, programUrl) });
});
