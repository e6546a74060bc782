// Watching a folder: each file dropped into incoming/ is upper-cased by a child process into outgoing/, then moved to done/.
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ConsoleEchoer, Container, Pipeline, type Component, type ConsoleEchoerOptions } from "kamaelia";
import { DirectoryWatcher, SimpleFileWriter, SimpleReader, UnixProcess, type DirectoryChange } from "kamaelia/node";

/** Where files wait, where results go, and where originals go once processed. */
export interface Folders {
  readonly incoming: string;
  readonly outgoing: string;
  readonly done: string;
}

/** The job for one file: its text, upper-cased by a child `node` process, written to outgoing/. */
export const upperCase = (file: DirectoryChange, folders: Folders): Pipeline =>
  new Pipeline(
    new SimpleReader(file.path),
    new UnixProcess([process.execPath, "-e", "process.stdin.setEncoding('utf8').on('data', (text) => process.stdout.write(text.toUpperCase()))"]),
    new SimpleFileWriter(join(folders.outgoing, file.name)),
  );

/** Processes each file added to incoming/, one at a time: runs its job as a child and waits for it, then moves the file to done/. */
export class FileProcessor extends Container {
  constructor(
    readonly folders: Folders,
    readonly job: (file: DirectoryChange, folders: Folders) => Component,
  ) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal"); // stop between files: the rest stay in incoming/
        return;
      }
      if (!this.dataReady("inbox")) {
        this.pause();
        yield;
        continue;
      }
      const file = this.recv("inbox") as DirectoryChange;
      if (file.type !== "added") continue;
      this.send(`start ${file.name}`);
      yield* this.runChildren(this.job(file, this.folders)); // until the job has ended
      yield rename(file.path, join(this.folders.done, file.name));
      this.send(`end ${file.name}`);
    }
  }
}

/** The system: a watcher on incoming/, the processor, and its log printed. */
export const system = (folders: Folders, print: ConsoleEchoerOptions = {}): Pipeline =>
  new Pipeline(new DirectoryWatcher(folders.incoming, { interval: 250 }), new FileProcessor(folders, upperCase), new ConsoleEchoer(print));

/** Drops a file into incoming/: written beside it, then renamed in, so that it is never seen half-written. */
export async function drop(folders: Folders, name: string, text: string): Promise<void> {
  const beside = join(dirname(folders.incoming), name);
  await writeFile(beside, text);
  await rename(beside, join(folders.incoming, name));
}

/** The program: two files dropped into new folders, processed, and the system stopped once the second is done. */
export async function main(print: (line: string) => void = (line) => { console.log(line); }): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "kamaelia-folders-"));
  const folders = { incoming: join(root, "incoming"), outgoing: join(root, "outgoing"), done: join(root, "done") };
  for (const folder of Object.values(folders)) await mkdir(folder);
  await drop(folders, "x.txt", "abc");
  await drop(folders, "y.txt", "xyz");
  const stop = new AbortController();
  const sink = (line: string): void => {
    print(line);
    if (line === "end y.txt") stop.abort();
  };
  await system(folders, { sink }).run({ signal: stop.signal });
  for (const name of ["x.txt", "y.txt"]) print(`outgoing/${name}: ${await readFile(join(folders.outgoing, name), "utf8")}`);
  await rm(root, { recursive: true });
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
