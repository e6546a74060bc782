import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { Rewrite, system } from "./main.js";

describe("Feedback loops", () => {
  it("prints B, BTL, BTLTB, BTLTBTBTL, BTLTBTBTLTBTLTB for rules B→BTL, L→B over 4 generations, then the loop stops", async () => {
    const { lines, sink } = printed();
    const harness = await new Harness(system({ sink }, 4)).finish();
    expect(lines).toEqual(["B", "BTL", "BTLTB", "BTLTBTBTL", "BTLTBTBTLTBTLTB"]);
    expect(harness.alive()).toEqual([]);
  });

  it("rewrites every letter that has a rule and keeps the others", () => {
    const harness = new Harness(Rewrite({ B: "BTL", L: "B" })).send("inbox", "BTL").settle();
    expect(harness.take()).toEqual(["BTLTB"]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await new Harness(system({ sink })).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
