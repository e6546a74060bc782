// Hello, Pipeline: a source, a transformer and a printer in a row.
import { ConsoleEchoer, DataSource, Pipeline, PureTransformer, type ConsoleEchoerOptions } from "kamaelia";

/** The system: two words in, upper-cased, printed (by `console.log` unless `print.sink` says otherwise). */
export function system(print: ConsoleEchoerOptions = {}): Pipeline {
  return new Pipeline(
    new DataSource(["hello", "world"]),
    new PureTransformer((word: string) => word.toUpperCase()),
    new ConsoleEchoer(print),
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
