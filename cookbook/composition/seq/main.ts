// Seq: run components one after another; strings in the sequence are printed as progress notes.
import { ConsoleEchoer, DataSource, Pipeline, Seq, type ConsoleEchoerOptions } from "kamaelia";

/** The system: two sources in turn, each wired to the printer only while it runs. */
export function system(print: ConsoleEchoerOptions = {}): Pipeline {
  return new Pipeline(
    new Seq("step 1", new DataSource(["a"]), "step 2", new DataSource(["b", "c"])),
    new ConsoleEchoer(print),
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
