import { ConsoleEchoer, DataSource, Graphline, PureTransformer, TwoWaySplitter } from "kamaelia";

// Named children, wired by a table: one source feeds two branches, and shutdown follows the data.
await new Graphline(
  {
    WORDS: new DataSource(["hello", "world"]),
    SPLIT: new TwoWaySplitter(),
    SHOUT: new PureTransformer((word: string) => word.toUpperCase()),
    EXCLAIM: new PureTransformer((word: string) => `${word}!`),
    SHOUTED: new ConsoleEchoer({ tag: "shouted: " }),
    EXCLAIMED: new ConsoleEchoer({ tag: "exclaimed: " }),
  },
  {
    linkages: {
      "WORDS.outbox": "SPLIT.inbox",
      "WORDS.signal": "SPLIT.control",
      "SPLIT.outbox": "SHOUT.inbox",
      "SPLIT.signal": "SHOUT.control",
      "SPLIT.outbox2": "EXCLAIM.inbox",
      "SPLIT.signal2": "EXCLAIM.control",
      "SHOUT.outbox": "SHOUTED.inbox",
      "SHOUT.signal": "SHOUTED.control",
      "EXCLAIM.outbox": "EXCLAIMED.inbox",
      "EXCLAIM.signal": "EXCLAIMED.control",
    },
  },
).run();
