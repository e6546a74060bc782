// Introspection: the Introspector describes the running system as text commands a viewer can draw.
import {
  Component,
  ConsoleEchoer,
  DataSource,
  Graphline,
  Introspector,
  Pipeline,
  PureTransformer,
  ShutdownMicroprocess,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** The components doing the watching, left out of the picture. */
const watching = new Set(["Graphline", "Introspector", "TopologyPrinter"]);

/** Prints the Introspector's first full picture of the system as components and links, then stops it. */
export class TopologyPrinter extends Component {
  constructor(readonly print: (line: string) => void) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    const reports: string[] = [];
    for (;;) {
      while (this.dataReady("inbox")) reports.push(String(this.recv("inbox")));
      if (reports.length >= 2) break; // "DEL ALL", then the first full picture
      this.pause();
      yield;
    }
    const names = new Map<string, string>(); // node id ("4", or "4.o.outbox" for a box) -> name without its id
    const links: [string, string][] = [];
    for (const line of reports[1]?.split("\n") ?? []) {
      const [, kind, a = "", b = ""] = /^ADD (NODE|LINK) "([^"]+)" "([^"]+)"/.exec(line) ?? [];
      if (kind === "NODE") names.set(a, b.replace(/_\d+$/, ""));
      else if (kind === "LINK" && a.includes(".")) links.push([a, b]); // box to box; the others tie a box to its owner
    }
    const owner = (box: string): string => names.get(box.split(".")[0] ?? "") ?? "";
    const label = (box: string): string => `${owner(box)}.${names.get(box) ?? ""}`;
    for (const [id, name] of names) if (!id.includes(".") && !watching.has(name)) this.print(`component ${name}`);
    for (const [a, b] of links) {
      if (!watching.has(owner(a)) && !watching.has(owner(b))) this.print(`link ${label(a)} -> ${label(b)}`);
    }
    this.send(new ShutdownMicroprocess(), "outbox"); // to the Introspector's control
  }
}

/** The system: a Pipeline to look at, and an Introspector whose report a TopologyPrinter prints. */
export function system(print: ConsoleEchoerOptions = {}): Graphline {
  return new Graphline(
    {
      INTROSPECT: new Introspector(),
      PRINT: new TopologyPrinter(print.sink ?? ((line) => { console.log(line); })),
      WATCHED: new Pipeline(new DataSource(["hello", "world"]), new PureTransformer((word: string) => word.toUpperCase()), new ConsoleEchoer(print)),
    },
    { linkages: { "INTROSPECT.outbox": "PRINT.inbox", "PRINT.outbox": "INTROSPECT.control" } },
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
