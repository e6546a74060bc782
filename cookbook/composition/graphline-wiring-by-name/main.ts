// Graphline: named children wired by a table; "" (or "self") names the Graphline's own boxes.
import {
  Collate,
  ConsoleEchoer,
  DataSource,
  Filter,
  Graphline,
  TwoWaySplitter,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** A component made of components: numbers in, an array of the evens and one of the odds out. */
export function evensAndOdds(): Graphline {
  return new Graphline(
    {
      SPLIT: new TwoWaySplitter(),
      EVENS: new Filter((n: number) => (n % 2 === 0 ? n : undefined)),
      ODDS: new Filter((n: number) => (n % 2 === 1 ? n : undefined)),
      ALL_EVENS: new Collate(),
      ALL_ODDS: new Collate(),
    },
    {
      linkages: {
        ".inbox": "SPLIT.inbox",
        ".control": "SPLIT.control",
        "SPLIT.outbox": "EVENS.inbox",
        "SPLIT.signal": "EVENS.control",
        "SPLIT.outbox2": "ODDS.inbox",
        "SPLIT.signal2": "ODDS.control",
        "EVENS.outbox": "ALL_EVENS.inbox",
        "EVENS.signal": "ALL_EVENS.control",
        "ODDS.outbox": "ALL_ODDS.inbox",
        "ODDS.signal": "ALL_ODDS.control",
        "ALL_EVENS.outbox": ".evens", // the Graphline has no "evens" outbox: this creates one
        "ALL_ODDS.outbox": ".odds",
      },
    },
  );
}

/** The system: 1 to 5 through evensAndOdds(), both arrays printed. */
export function system(print: ConsoleEchoerOptions = {}): Graphline {
  return new Graphline(
    { NUMBERS: new DataSource([1, 2, 3, 4, 5]), SORT: evensAndOdds(), SHOW: new ConsoleEchoer(print) },
    {
      linkages: {
        "NUMBERS.outbox": "SORT.inbox",
        "NUMBERS.signal": "SORT.control",
        "SORT.evens": "SHOW.inbox",
        "SORT.odds": "SHOW.inbox", // an inbox may have many sources
        "SORT.signal": "SHOW.control",
      },
    },
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
