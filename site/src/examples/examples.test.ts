import { afterEach, describe, expect, it, vi } from "vitest";
import { graphlineOutput, pipelineOutput } from "./outputs.js";

/** Runs an example program (importing it runs it to its end) and returns what it printed. */
async function printedBy(load: () => Promise<unknown>): Promise<string[]> {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  await load();
  return log.mock.calls.map((call) => call.map(String).join(" "));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the home page's examples", () => {
  it("the Pipeline prints the words upper-cased, then ends", async () => {
    expect(await printedBy(() => import("./pipeline.js"))).toEqual(pipelineOutput);
  });

  it("the Graphline prints each word shouted and exclaimed, the branches taking turns, then ends", async () => {
    expect(await printedBy(() => import("./graphline.js"))).toEqual(graphlineOutput);
  });
});
