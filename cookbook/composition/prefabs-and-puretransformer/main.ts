// Prefabs: PureTransformer instead of boiler-plate, factory functions that name the intent, Pipelines in Pipelines.
import { Component, ConsoleEchoer, DataSource, Pipeline, PureTransformer, type ConsoleEchoerOptions } from "kamaelia";

/** The long way: a whole component to turn "a,1" into "a=1". */
export class CsvToAssignment extends Component {
  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox")) {
        const [key, value] = String(this.recv("inbox")).split(",");
        this.send(`${String(key)}=${String(value)}`, "outbox");
      }
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** Prefabs: a function says what it does; PureTransformer handles the boxes and shutdown. */
export const ParseCsv = (): PureTransformer<string> => new PureTransformer((line: string) => line.split(","));
export const FormatRow = (): PureTransformer<string[]> =>
  new PureTransformer(([key, value]: string[]) => `${String(key)}=${String(value)}`);

/** A prefab made of prefabs: a Pipeline is a component, so it can be one stage of another Pipeline. */
export const CsvToAssignments = (): Pipeline => new Pipeline(ParseCsv(), FormatRow());

/** The system: two CSV lines through `convert` (the prefab unless told otherwise), printed. */
export function system(convert: Component = CsvToAssignments(), print: ConsoleEchoerOptions = {}): Pipeline {
  return new Pipeline(new DataSource(["a,1", "b,2"]), convert, new ConsoleEchoer(print));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
