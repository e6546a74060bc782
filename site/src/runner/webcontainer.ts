/**
 * Runs programs that need Node in a WebContainer: Node compiled to WebAssembly, in the page. It mounts
 * the runtime's build, the program and the files beside it that it imports, and runs `node main.mjs`,
 * streaming what it prints. Booting loads StackBlitz's code from their servers, so offline, or in a
 * browser it does not support, it would wait forever: it is raced against a timeout, and the runner
 * falls back to the program's recorded output. The container is booted once per page.
 * @module
 */

import type { FileSystemTree, WebContainer } from "@webcontainer/api";
import type { RunHandle, RunSink } from "./in-page.js";
import type { ProgramFiles } from "./program-imports.js";
import { runnerAssets } from "./reference-client.js";

/** How long booting may take before the runner gives up on it, unless the page says otherwise. */
export const BOOT_TIMEOUT_MS = 15_000;

/** Why a WebContainer cannot run the program here, in words for the learner. */
export class NodeUnavailable extends Error {
  override name = "NodeUnavailable";
}

let booted: Promise<WebContainer> | null = null;

/** The page's one WebContainer, with the runtime mounted. */
function boot(timeoutMs: number): Promise<WebContainer> {
  booted ??= (async () => {
    if (!globalThis.crossOriginIsolated) {
      throw new NodeUnavailable("this page is not cross-origin isolated, which WebContainers need");
    }
    const [{ WebContainer }, files] = await Promise.all([
      import("@webcontainer/api"),
      fetch(`${runnerAssets}node-files.json`).then((response) => response.json() as Promise<FileSystemTree>),
    ]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new NodeUnavailable(`Node did not start within ${String(Math.round(timeoutMs / 1000))} s (WebContainers load from StackBlitz's servers, so they need a connection and a supported browser)`));
      }, timeoutMs);
    });
    try {
      const container = await Promise.race([WebContainer.boot({ coep: "require-corp", workdirName: "kamaelia" }), timeout]);
      await container.mount(files);
      return container;
    } finally {
      clearTimeout(timer);
    }
  })();
  return booted;
}

// Terminal colours and cursor moves: the log shows plain text.
const terminalControls = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

/** Cuts a terminal's output into lines, without its colours and cursor moves. */
class LineSplitter {
  #partial = "";

  /** The lines a chunk completes. */
  push(chunk: string): string[] {
    const lines = (this.#partial + chunk.replace(terminalControls, "")).split(/\r?\n/);
    this.#partial = lines.pop() ?? "";
    return lines;
  }

  /** The last line, if the output did not end with a newline. */
  end(): string[] {
    return this.#partial === "" ? [] : [this.#partial];
  }
}

/** Where a Node run's news goes: a run's, and a way to say Node cannot run here. */
export interface NodeRunSink extends RunSink {
  /** Node cannot run here: the learner should see the recorded output instead. */
  unavailable(reason: string): void;
}

/** Runs a program that needs Node, with the `files` beside it that it imports. */
export function runInNode(code: string, files: ProgramFiles, sink: NodeRunSink, bootTimeoutMs: number): RunHandle {
  let stopped = false;
  // Read through a function: stop() changes it while the run awaits.
  const isStopped = (): boolean => stopped;
  let kill = (): void => undefined;
  void (async () => {
    const { NODE_PROGRAM, describeFailure, toNodeModules } = await import("./program.js");
    let modules: Map<string, string>;
    try {
      modules = toNodeModules(code, files);
    } catch (error) {
      // Said before Node starts: a program that cannot run is not helped by the recorded output.
      if (!isStopped()) sink.failed(describeFailure(error, new Map()));
      return;
    }
    let container: WebContainer;
    try {
      container = await boot(bootTimeoutMs);
    } catch (error) {
      if (!isStopped()) sink.unavailable(error instanceof NodeUnavailable ? error.message : `Node could not start: ${String(error)}`);
      return;
    }
    for (const [name, module] of modules) await container.fs.writeFile(name, module);
    if (isStopped()) return;
    const child = await container.spawn("node", [NODE_PROGRAM]);
    kill = () => {
      child.kill();
    };
    const lines = new LineSplitter();
    const printed = child.output.pipeTo(
      new WritableStream({
        write(chunk) {
          for (const line of lines.push(chunk)) sink.print("out", line);
        },
      }),
    );
    const [exitCode] = await Promise.all([child.exit, printed]);
    for (const line of lines.end()) sink.print("out", line);
    if (isStopped()) return;
    if (exitCode === 0) sink.done();
    else sink.failed({ message: `node ${NODE_PROGRAM} exited with code ${String(exitCode)}`, component: null, file: null, line: null });
  })().catch((error: unknown) => {
    if (!isStopped()) sink.failed({ message: String(error), component: null, file: null, line: null });
  });
  return {
    stop() {
      stopped = true;
      kill();
    },
  };
}
