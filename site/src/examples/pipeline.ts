import { ConsoleEchoer, DataSource, Pipeline, PureTransformer } from "kamaelia";

// Each child's outbox feeds the next one's inbox; shutdown flows down the line behind the data.
await new Pipeline(
  new DataSource(["hello", "world"]),
  new PureTransformer((word: string) => word.toUpperCase()),
  new ConsoleEchoer(),
).run();
