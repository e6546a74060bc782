import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { CsvToAssignment, CsvToAssignments, FormatRow, ParseCsv, system } from "./main.js";

async function output(convert: Parameters<typeof system>[0]): Promise<string[]> {
  const { lines, sink } = printed();
  const harness = await new Harness(system(convert, { sink })).finish();
  expect(harness.alive()).toEqual([]);
  return lines;
}

describe("Prefabs and PureTransformer", () => {
  it("prints a=1 and b=2 for the lines a,1 and b,2", async () => {
    expect(await output(CsvToAssignments())).toEqual(["a=1", "b=2"]);
  });

  it("prints the same with the hand-written component as with the prefabs", async () => {
    expect(await output(new CsvToAssignment())).toEqual(await output(CsvToAssignments()));
  });

  it("gives each prefab one job: ParseCsv splits, FormatRow joins", () => {
    const parse = new Harness(ParseCsv()).send("inbox", "a,1");
    const format = new Harness(FormatRow()).send("inbox", ["b", "2"]);
    expect(parse.settle().take()).toEqual([["a", "1"]]);
    expect(format.settle().take()).toEqual(["b=2"]);
  });

  it("shows on its page exactly what the program prints", async () => {
    expect(await output(CsvToAssignments())).toEqual(pageOutput(import.meta.url));
  });
});
