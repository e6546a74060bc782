/**
 * One runner on a page: the editor, the files beside the program (read-only), the Run, Stop, Reset,
 * Solve and Share buttons (and Check, for a tutorial step), the output log and the picture of the
 * running system, driven by a worker in the page or, for programs that need Node, a WebContainer
 * (falling back to the program's recorded output when Node cannot start here).
 * @module
 */

import type { Topology } from "kamaelia";
import type { Verdict } from "../../../tutorial/check-kit.js";
import type { Editor } from "./editor.js";
import { runInPage, type RunHandle, type RunSink } from "./in-page.js";
import { Picture } from "./picture.js";
import { needsNode, type ProgramFiles } from "./program-imports.js";
import { isDone, markDone, markSidebar } from "./progress.js";
import { CHECK_DEADLINE_MS, type RunFailure } from "./protocol.js";
import { referenceLinks } from "./reference-client.js";
import { linksFor } from "./reference-choice.mjs";
import { decodeProgram, encodeProgram, readShareHash, shareHash } from "./share.js";
import { forgetEdit, loadEdit, saveEdit, storageKey } from "./storage.js";
import { SystemModel } from "./topology-model.js";

/** What the page says about a runner (its `<script type="application/json">`). */
export interface RunnerConfig {
  /** Unique on the page: names its saved edits and its share links. */
  readonly id: string;
  /** The program's file name, such as `main.ts`. */
  readonly title: string;
  /** The program as the page has it. */
  readonly code: string;
  /**
   * The files beside the program, which it may import (`./chat.js` for chat.ts): shown read-only.
   * Saved edits and share links hold the program only; the files always come from the page.
   */
  readonly files: ProgramFiles;
  /** The answer, for a tutorial step's Solve button. */
  readonly solution: string | null;
  /**
   * A tutorial step's checks module (TypeScript, as tutorial/check-kit.ts describes it), for its Check
   * button.
   */
  readonly check: string | null;
  /** Where it runs: in the page, or in Node. */
  readonly runs: "browser" | "node" | "both";
  /** How long a run may take before it is stopped, in milliseconds. */
  readonly budgetMs: number;
  /** How long Node may take to start, in milliseconds. */
  readonly bootTimeoutMs: number;
  /** What the program printed when its test last ran, for when Node cannot start here. */
  readonly transcript: string | null;
  /** How to run it yourself. */
  readonly command: string | null;
  /** Whether that command runs in a copy of the repository (a recipe's test) rather than anywhere. */
  readonly commandInRepository: boolean;
}

/** The most lines the log keeps; older ones are dropped, and counted. */
const MAX_LINES = 5000;

type RunState = "idle" | "running" | "finished" | "failed" | "stopped" | "unavailable";

function seconds(ms: number): string {
  return `${String(Math.round(ms / 100) / 10)} s`;
}

function part(root: HTMLElement, selector: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(selector);
  if (found === null) throw new Error(`The runner's markup has no ${selector}.`);
  return found;
}

function button(root: HTMLElement, action: string): HTMLButtonElement {
  const found = root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (found === null) throw new Error(`The runner's markup has no ${action} button.`);
  return found;
}

/** A runner, mounted on the element the Runner component rendered. */
export class Runner {
  readonly #root: HTMLElement;
  readonly #config: RunnerConfig;
  readonly #key: string;
  readonly #status: HTMLElement;
  readonly #log: HTMLElement;
  readonly #canvas: HTMLElement;
  /** Where a Check's verdict is shown, when the runner has checks. */
  readonly #verdict: HTMLElement | null;
  readonly #buttons: Record<"run" | "stop" | "reset" | "share", HTMLButtonElement>;
  #text: string;
  #editor: Editor | null = null;
  /** The viewers of the files beside the program, by file name, once the editor has loaded. */
  readonly #viewers = new Map<string, Editor>();
  #run: RunHandle | null = null;
  #budget: ReturnType<typeof setTimeout> | undefined;
  #pending: { stream: "out" | "err" | "note"; text: string }[] = [];
  #flushing = false;
  #lines = 0;
  #dropped = 0;
  #model = new SystemModel();
  #picture: Picture | null = null;

  /**
   * @param root - the element the Runner component rendered
   * @param config - what the page says about it
   */
  constructor(root: HTMLElement, config: RunnerConfig) {
    this.#root = root;
    this.#config = config;
    this.#key = storageKey(location.pathname, config.id);
    this.#status = part(root, "[data-runner-status]");
    this.#log = part(root, "[data-runner-log]");
    this.#canvas = part(root, "[data-runner-canvas]");
    this.#verdict = root.querySelector<HTMLElement>("[data-runner-verdict]");
    this.#buttons = {
      run: button(root, "run"),
      stop: button(root, "stop"),
      reset: button(root, "reset"),
      share: button(root, "share"),
    };
    const saved = loadEdit(this.#key);
    this.#text = saved?.code ?? config.code;
    if (saved !== null && saved.original !== config.code) {
      this.#say("Your edit is kept, but this page's program has changed since: Reset shows the new one.");
    } else if (saved !== null) {
      this.#say("Your edit is kept in this browser; Reset restores the page's program.");
    }
    this.#buttons.run.addEventListener("click", () => {
      this.run();
    });
    root.querySelector<HTMLButtonElement>('[data-action="check"]')?.addEventListener("click", () => {
      this.run({ check: true });
    });
    this.#buttons.stop.addEventListener("click", () => {
      this.stop("Stopped.");
    });
    this.#buttons.reset.addEventListener("click", () => {
      this.#reset();
    });
    this.#buttons.share.addEventListener("click", () => {
      void this.#share();
    });
    root.querySelector<HTMLButtonElement>('[data-action="solve"]')?.addEventListener("click", () => {
      if (config.solution !== null) this.#replace(config.solution, "Showing the solution; Reset restores the starting program.");
    });
    for (const button of root.querySelectorAll<HTMLButtonElement>("[data-action]")) button.disabled = button.dataset["action"] === "stop";
    this.#setState("idle");
    if (config.check !== null && isDone(location.pathname)) this.#showVerdict("before", "You passed this step's checks before, in this browser.");
  }

  /** Replaces the static code with the editor, and the files' with read-only editors. */
  async attachEditor(): Promise<void> {
    const { createEditor } = await import("./editor.js");
    const host = part(this.#root, "[data-runner-editor]");
    host.replaceChildren();
    this.#editor = createEditor(host, {
      doc: this.#text,
      label: `Program ${this.#config.title}`,
      onChange: (text) => {
        this.#text = text;
        saveEdit(this.#key, text, this.#config.code);
      },
      onRun: () => {
        this.run();
      },
    });
    host.dataset["ready"] = "";
    for (const [name, element] of this.#fileElements()) {
      const code = part(element, "[data-runner-file-code]");
      code.replaceChildren();
      this.#viewers.set(
        name,
        createEditor(code, {
          doc: this.#config.files[name] ?? "",
          label: `File ${name}, read-only`,
          onRun: () => {
            this.run();
          },
        }),
      );
      code.dataset["ready"] = "";
    }
    const links = await referenceLinks();
    // Each name to the page of the entry the program (or the file) imports it from.
    this.#editor.link(linksFor(this.#text, links));
    for (const [name, viewer] of this.#viewers) viewer.link(linksFor(this.#config.files[name] ?? "", links));
  }

  /** The elements showing the files beside the program, by file name. */
  #fileElements(): Map<string, HTMLDetailsElement> {
    const found = this.#root.querySelectorAll<HTMLDetailsElement>("details[data-runner-file]");
    return new Map([...found].map((element) => [element.dataset["runnerFile"] ?? "", element]));
  }

  /**
   * Loads a program from a share link into the editor, if the link is for this runner. It is not kept
   * as the learner's edit until they change it.
   */
  async openShared(hash: string): Promise<void> {
    const shared = readShareHash(hash);
    if (shared?.id !== this.#config.id) return;
    try {
      this.#replace(await decodeProgram(shared.encoded), "Showing the program from the link; Reset restores this page's program.");
      this.#root.scrollIntoView({ block: "start" });
    } catch {
      this.#say("The link's program could not be read: it may have been cut short.");
    }
  }

  /** The program as the editor has it now. */
  #current(): string {
    return this.#editor?.text() ?? this.#text;
  }

  #replace(text: string, message: string): void {
    this.#text = text;
    this.#editor?.setText(text);
    this.#say(message);
  }

  #reset(): void {
    forgetEdit(this.#key);
    this.#text = this.#config.code;
    this.#editor?.setText(this.#config.code);
    this.#say("Back to this page's program.");
    this.#showVerdict(null, "");
  }

  /** Shows a Check's verdict (`null` clears it): passed, failed with the checks' message, or under way. */
  #showVerdict(state: "passed" | "failed" | "checking" | "before" | null, message: string): void {
    const verdict = this.#verdict;
    if (verdict === null) return;
    if (state === null) delete verdict.dataset["verdict"];
    else verdict.dataset["verdict"] = state;
    verdict.textContent = message;
  }

  /** The checks have spoken: shows their verdict, and remembers a pass. */
  #judged(verdict: Verdict): void {
    if (verdict.passed) {
      markDone(location.pathname);
      markSidebar();
      this.#showVerdict("passed", "Passed: every check of this step passed.");
    } else {
      this.#showVerdict("failed", `Not yet: ${verdict.message}`);
    }
  }

  async #share(): Promise<void> {
    const url = new URL(location.href);
    url.hash = shareHash(this.#config.id, await encodeProgram(this.#current()));
    history.replaceState(history.state, "", url);
    const files = Object.keys(this.#config.files);
    // The link opens this page, which gives the program its files again.
    const holds = files.length === 0 ? "" : ` It holds ${this.#config.title} only: ${files.join(", ")} ${files.length === 1 ? "comes" : "come"} with this page.`;
    try {
      await navigator.clipboard.writeText(url.href);
      this.#say(`A link to this program is in the address bar and on your clipboard.${holds}`);
    } catch {
      this.#say(`A link to this program is in the address bar: copy it from there.${holds}`);
    }
  }

  #say(message: string): void {
    this.#status.textContent = message;
  }

  #setState(state: RunState): void {
    this.#root.dataset["state"] = state;
    this.#buttons.stop.disabled = state !== "running";
  }

  /**
   * Runs the program as the editor has it, stopping the run before if there is one; with `check`, then
   * runs the step's checks on it.
   */
  run({ check = false }: { readonly check?: boolean } = {}): void {
    this.stop(null);
    const checks = check ? this.#config.check : null;
    if (checks !== null) this.#showVerdict("checking", "Checking…");
    else if (this.#verdict?.dataset["verdict"] === "checking") this.#showVerdict(null, "");
    const code = this.#current();
    this.#log.replaceChildren();
    this.#pending = [];
    this.#lines = 0;
    this.#dropped = 0;
    this.#editor?.markLine(null);
    for (const viewer of this.#viewers.values()) viewer.markLine(null);
    this.#model = new SystemModel();
    this.#picture = new Picture(this.#canvas, this.#model);
    this.#canvas.replaceChildren();
    this.#setState("running");
    this.#say("Running…");
    const started = performance.now();
    performance.mark("runner:run");
    let printed = false;
    const sink: RunSink & { unavailable(reason: string): void } = {
      print: (stream, text) => {
        if (!printed) {
          printed = true;
          performance.mark("runner:first-output");
        }
        this.#print(stream, text);
      },
      topology: (topology: Topology) => {
        this.#picture?.update(this.#model.update(topology));
      },
      failed: (failure) => {
        this.#end();
        this.#run?.stop();
        this.#fail(failure);
        if (checks !== null) this.#showVerdict("failed", `Not yet: your program threw ${failure.message}`);
      },
      verdict: (verdict) => {
        this.#judged(verdict);
      },
      done: () => {
        this.#end();
        this.#setState("finished");
        this.#picture?.finish();
        if (!printed) this.#print("note", "It printed nothing.");
        this.#say(`Finished in ${String(Math.round(performance.now() - started))} ms.`);
        // Keep the worker a little while, in case a timer of the program still has something to say.
        const finished = this.#run;
        setTimeout(() => {
          if (this.#run === finished) this.stop(null);
        }, 5000);
      },
      unavailable: (reason) => {
        this.#end();
        this.#unavailable(reason);
      },
    };
    // Checks run only in the page's worker, which stops a program that does not end by itself and
    // checks it all the same: the budget leaves them the time to.
    const { files } = this.#config;
    const inNode = checks === null && (this.#config.runs === "node" || needsNode(code, files));
    const budgetMs = checks === null ? this.#config.budgetMs : Math.max(this.#config.budgetMs, CHECK_DEADLINE_MS + 5000);
    this.#budget = setTimeout(() => {
      this.stop(`Stopped after ${seconds(budgetMs)}, the time a program may run here. Press Run to start it again.`);
    }, budgetMs + (inNode ? this.#config.bootTimeoutMs : 0));
    if (inNode) {
      void import("./webcontainer.js").then(({ runInNode }) => {
        if (this.#root.dataset["state"] === "running") this.#run = runInNode(code, files, sink, this.#config.bootTimeoutMs);
      });
    } else {
      this.#run = runInPage(code, files, sink, checks);
    }
  }

  /** Stops the run, if there is one; with a message, says so in the log. */
  stop(message: string | null): void {
    const running = this.#root.dataset["state"] === "running";
    this.#end();
    this.#run?.stop();
    this.#run = null;
    if (!running) return;
    // The worker is gone: nothing it ran is running any more.
    this.#picture?.update(this.#model.end());
    if (message === null) return;
    if (this.#verdict?.dataset["verdict"] === "checking") this.#showVerdict("failed", `Not yet: ${message} The checks run once the program ends.`);
    this.#setState("stopped");
    this.#picture?.finish();
    this.#print("note", message);
    this.#say(message);
  }

  #end(): void {
    clearTimeout(this.#budget);
    this.#budget = undefined;
  }

  #fail(failure: RunFailure): void {
    this.#setState("failed");
    this.#picture?.finish();
    const file = failure.file ?? this.#config.title;
    const where = [
      failure.component === null ? null : `in component ${failure.component}`,
      failure.line === null ? null : `at line ${String(failure.line)} of ${file}`,
    ].filter((text) => text !== null);
    this.#print("err", failure.message);
    if (where.length > 0) this.#print("note", `The error was thrown ${where.join(", ")}.`);
    if (failure.file === null) {
      this.#editor?.markLine(failure.line);
    } else {
      // The line is in a file shown beside the program: unfold it, and mark the line there.
      const element = this.#fileElements().get(failure.file);
      if (element !== undefined) element.open = true;
      this.#viewers.get(failure.file)?.markLine(failure.line);
    }
    this.#say(`Failed${failure.component === null ? "" : ` in ${failure.component}`}${failure.line === null ? "" : ` at line ${String(failure.line)}${failure.file === null ? "" : ` of ${file}`}`}.`);
  }

  #unavailable(reason: string): void {
    this.#setState("unavailable");
    this.#picture?.finish("Node did not start here, so nothing ran to draw.");
    this.#say("Node cannot run here: showing the program's recorded output.");
    this.#print("note", `This program needs Node, and Node could not start in this page: ${reason}.`);
    const { transcript, command, commandInRepository } = this.#config;
    this.#flush();
    if (transcript !== null) {
      const heading = document.createElement("p");
      heading.className = "runner-note";
      heading.textContent = "What it printed when its test last ran:";
      const recorded = document.createElement("pre");
      recorded.className = "runner-transcript";
      recorded.textContent = transcript;
      this.#log.append(heading, recorded);
    }
    if (command !== null) {
      const how = document.createElement("p");
      how.className = "runner-note";
      const code = document.createElement("code");
      code.textContent = command;
      how.append(commandInRepository ? "Run it yourself, in a copy of the repository: " : "Run it yourself: ", code);
      this.#log.append(how);
    }
  }

  #print(stream: "out" | "err" | "note", text: string): void {
    this.#pending.push({ stream, text });
    if (this.#flushing) return;
    this.#flushing = true;
    requestAnimationFrame(() => {
      this.#flush();
    });
  }

  /** Writes the lines waiting into the log, once per frame however fast they come. */
  #flush(): void {
    this.#flushing = false;
    const fragment = document.createDocumentFragment();
    for (const { stream, text } of this.#pending) {
      const line = document.createElement("div");
      line.className = stream === "note" ? "runner-note" : stream === "err" ? "runner-line is-error" : "runner-line";
      line.textContent = text;
      fragment.append(line);
    }
    this.#lines += this.#pending.length;
    this.#pending = [];
    this.#log.append(fragment);
    while (this.#lines > MAX_LINES) {
      const first = this.#log.querySelector(".runner-line, .runner-note");
      if (first === null) break;
      first.remove();
      this.#lines--;
      this.#dropped++;
    }
    if (this.#dropped > 0) this.#log.dataset["dropped"] = `${String(this.#dropped)} earlier lines are not shown`;
    this.#log.scrollTop = this.#log.scrollHeight;
  }
}
