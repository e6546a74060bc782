import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { system } from "./main.js";

describe("Looking inside a running system", () => {
  it("sees exactly the Pipeline and its 3 children, and the links between their boxes", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink })).finish();
    expect(lines.filter((line) => line.startsWith("component "))).toEqual([
      "component Pipeline",
      "component DataSource",
      "component PureTransformer",
      "component ConsoleEchoer",
    ]);
    expect(lines.filter((line) => line.startsWith("link ")).sort()).toEqual(
      [
        "link DataSource.outbox -> PureTransformer.inbox",
        "link DataSource.signal -> PureTransformer.control",
        "link PureTransformer.outbox -> ConsoleEchoer.inbox",
        "link PureTransformer.signal -> ConsoleEchoer.control",
        "link Pipeline.inbox -> DataSource.inbox",
        "link Pipeline.control -> DataSource.control",
        "link ConsoleEchoer.outbox -> Pipeline.outbox",
        "link ConsoleEchoer.signal -> Pipeline.signal",
      ].sort(),
    );
    expect(harness.alive()).toEqual([]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
