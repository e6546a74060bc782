// The same transform in a browser tab, which has no files: a DataSource stands in for in.txt, the page for out.txt.
import { ConsoleEchoer, DataSource, Pipeline, PureTransformer, type ConsoleEchoerOptions } from "kamaelia";

/** The lines of in.txt, upper-cased as main.ts does, then printed (without their "\n") instead of written. */
export const system = (print: ConsoleEchoerOptions = {}): Pipeline =>
  new Pipeline(
    new DataSource(["a\n", "b\n", "c\n"]),
    new PureTransformer((line: string) => line.toUpperCase()),
    new PureTransformer((line: string) => line.trimEnd()),
    new ConsoleEchoer(print),
  );

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
