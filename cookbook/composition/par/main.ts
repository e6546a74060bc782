// PAR: run components side by side, merge what they send, and stop them all together.
import { ConsoleEchoer, DataSource, PAR, Pipeline, type ConsoleEchoerOptions } from "kamaelia";

/** The system: two sources running at once, their output merged into one printer. */
export function system(print: ConsoleEchoerOptions = {}): Pipeline {
  return new Pipeline(new PAR(new DataSource(["a1", "a2"]), new DataSource(["b1", "b2"])), new ConsoleEchoer(print));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
