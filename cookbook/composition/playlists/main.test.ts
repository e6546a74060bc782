import { Carousel, DataSource } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { system } from "./main.js";

describe("Playlists: Chooser + Carousel", () => {
  it("prints a1, a2 from the first file and b1 from the second, then the whole system finishes", async () => {
    const { lines, sink } = printed();
    const files = new Map([
      ["first", "a1\na2"],
      ["second", "b1"],
    ]);
    const harness = await new Harness(system(files, { sink })).finish();
    expect(lines).toEqual(["a1", "a2", "b1"]);
    expect(harness.alive()).toEqual([]);
  });

  it("asks for the next item on requestNext each time a reader finishes", () => {
    const harness = new Harness(new Carousel((line) => new DataSource([line])));
    harness.send("next", "x").settle();
    expect(harness.take("outbox")).toEqual(["x"]);
    expect(harness.take("requestNext")).toEqual(["NEXT"]);
  });

  it("asks once as soon as it starts with make1stRequest, for sources that wait to be asked", () => {
    const harness = new Harness(new Carousel((line) => new DataSource([line]), true)).settle();
    expect(harness.take("requestNext")).toEqual(["NEXT"]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system(undefined, { sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
