/**
 * DirectoryWatcher: files appearing in, changing in and leaving a directory.
 * @module
 */

import { watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { AsyncComponent, BadArgument, ErrorInformation } from "../index.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { FileError } from "./FileError.js";

/** One change a {@link DirectoryWatcher} saw. */
export interface DirectoryChange {
  /** `"added"`: the file appeared (or was there at the start); `"changed"`: its size or modification time changed; `"removed"`: it went. */
  readonly type: "added" | "changed" | "removed";
  /** The file's name in the directory. */
  readonly name: string;
  /** The directory joined with the name. */
  readonly path: string;
}

/** Options for a {@link DirectoryWatcher}. */
export interface DirectoryWatcherOptions {
  /** Milliseconds between two looks at the directory. Default 1000. */
  readonly interval?: number;
  /** Also look as soon as `fs.watch` reports activity. Default `true`; polling alone when `false` or when `fs.watch` fails. */
  readonly watch?: boolean;
}

interface Seen {
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Watches a directory and sends a {@link DirectoryChange} for each file that is added, changed or
 * removed, starting with an `"added"` for each file already there.
 * @remarks Port of the DirectoryWatcher of Kamaelia's batch file processor (Apps/FileProcessor), which
 * sent the directory's path whenever its modification time changed; this one says which file changed
 * and how. It lists the directory when it starts, then every `interval` ms of its scheduler's clock,
 * and also as soon as `fs.watch` reports activity (fs.watch is not reliable on every file system, so
 * polling always goes on). Only regular files directly inside the directory count; a file counts as
 * changed when its size or modification time does. Changes within one look are sent in name order:
 * removals, then additions, then changes. A file may still be being written when it is reported: have
 * writers write elsewhere and rename into the directory. A directory it cannot read at the start ends it
 * with a {@link FileError}; one that later goes away is reported once as an `ErrorInformation` from
 * `signal`, its files as removed, and it keeps looking. `ProducerFinished` or `ShutdownMicroprocess` on
 * `control` is passed on from `signal` and ends it (Kamaelia's never ended). Other control messages are
 * passed on from `signal`.
 * @inbox inbox - not used
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - a `DirectoryChange` for each file added, changed or removed
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` when the directory cannot be read
 * @example
 * ```ts
 * import { mkdtemp, rm, writeFile } from "node:fs/promises";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { handle } from "kamaelia";
 * import { DirectoryWatcher, type DirectoryChange } from "kamaelia/node";
 * const folder = await mkdtemp(join(tmpdir(), "watched-"));
 * await writeFile(join(folder, "early.txt"), "was here first");
 * const watcher = handle(new DirectoryWatcher(folder, { interval: 20 }));
 * const first = (await watcher.get()) as DirectoryChange;
 * console.log(first.type, first.name); // added early.txt
 * await writeFile(join(folder, "late.txt"), "new");
 * const second = (await watcher.get()) as DirectoryChange;
 * console.log(second.type, second.name); // added late.txt
 * await watcher.shutdown();
 * await rm(folder, { recursive: true });
 * ```
 */
export class DirectoryWatcher extends AsyncComponent {
  static override Inboxes = {
    inbox: "not used",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "a DirectoryChange for each file added, changed or removed",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation when the directory cannot be read",
  };

  readonly #interval: number;
  readonly #useWatch: boolean;
  #seen = new Map<string, Seen>();
  /** The directory could not be read at the last look (reported once). */
  #unreadable = false;

  /**
   * @param directory - the directory to watch
   * @param options - how often to look, and whether to use `fs.watch` too
   */
  constructor(
    readonly directory: string,
    options: DirectoryWatcherOptions = {},
  ) {
    super();
    this.#interval = options.interval ?? 1000;
    if (!(Number.isFinite(this.#interval) && this.#interval > 0)) {
      throw new BadArgument("DirectoryWatcher", "interval", this.#interval, "a number of milliseconds greater than 0");
    }
    this.#useWatch = options.watch ?? true;
  }

  override async main(): Promise<void> {
    let watcher: FSWatcher | undefined;
    try {
      try {
        await this.#report(await this.#list());
      } catch (error) {
        throw new FileError(this, "read the directory", this.directory, error);
      }
      watcher = this.#watch();
      for (;;) {
        const shutdown = checkShutdown(this);
        if (shutdown !== undefined) {
          this.send(shutdown, "signal");
          return;
        }
        const cancel = this.wakeAfter(this.#interval);
        await this.woken();
        cancel();
        if (this.dataReady("control") > 0) continue;
        await this.#report(await this.#look());
      }
    } finally {
      watcher?.close();
    }
  }

  /** Starts fs.watch, which wakes the watcher; undefined when asked not to or when it fails. */
  #watch(): FSWatcher | undefined {
    if (!this.#useWatch) return undefined;
    try {
      const watcher = watch(this.directory, { persistent: false }, () => {
        this.unpause();
      });
      // Errors (the directory going away, say) leave polling to carry on alone.
      watcher.on("error", () => {
        watcher.close();
      });
      return watcher;
    } catch {
      return undefined;
    }
  }

  /** The files in the directory now; none, reported once, while it cannot be read. */
  async #look(): Promise<Map<string, Seen>> {
    try {
      const files = await this.#list();
      this.#unreadable = false;
      return files;
    } catch (error) {
      if (!this.#unreadable) {
        const problem = new FileError(this, "read the directory", this.directory, error);
        this.send(new ErrorInformation(this, problem, `${problem.message} It keeps looking.`), "signal");
      }
      this.#unreadable = true;
      return new Map();
    }
  }

  /** The regular files in the directory, by name. */
  async #list(): Promise<Map<string, Seen>> {
    const files = new Map<string, Seen>();
    for (const name of (await readdir(this.directory)).sort()) {
      try {
        const info = await stat(join(this.directory, name));
        if (info.isFile()) files.set(name, { size: info.size, mtimeMs: info.mtimeMs });
      } catch {
        // Gone between the listing and the stat: it is not there.
      }
    }
    return files;
  }

  /** Sends the differences between what was seen and `files`, and remembers `files`. */
  async #report(files: Map<string, Seen>): Promise<void> {
    const before = this.#seen;
    this.#seen = files;
    const changes: DirectoryChange[] = [];
    const change = (type: DirectoryChange["type"], name: string): void => {
      changes.push({ type, name, path: join(this.directory, name) });
    };
    for (const name of before.keys()) if (!files.has(name)) change("removed", name);
    for (const name of files.keys()) if (!before.has(name)) change("added", name);
    for (const [name, now] of files) {
      const then = before.get(name);
      if (then !== undefined && (then.size !== now.size || then.mtimeMs !== now.mtimeMs)) change("changed", name);
    }
    for (const each of changes) await this.sendWhenSpace(each);
  }
}
