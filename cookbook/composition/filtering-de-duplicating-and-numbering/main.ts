// Filtering, de-duplicating and numbering a stream with ready-made components.
import {
  Collate,
  ConsoleEchoer,
  DataSource,
  Filter,
  FirstOnly,
  Pipeline,
  Seq,
  TagWithSequenceNumber,
  UnseenOnly,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** Each distinct message once, numbered from 0: "a", "b", "a" becomes [0, "a"], [1, "b"]. */
export const NumberUnique = (): Pipeline => new Pipeline(new UnseenOnly(), new TagWithSequenceNumber());

/** The system: the same words twice, once numbered without blanks or repeats, once only the first. */
export function system(print: ConsoleEchoerOptions = {}, words = ["a", "", "b", "a", "c"]): Seq {
  return new Seq(
    new Pipeline(
      new DataSource(words),
      new Filter((word: string) => (word === "" ? undefined : word)),
      NumberUnique(),
      new Collate(),
      new ConsoleEchoer({ ...print, tag: "unique: " }),
    ),
    new Pipeline(new DataSource(words), new FirstOnly(), new ConsoleEchoer({ ...print, tag: "first: " })),
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
