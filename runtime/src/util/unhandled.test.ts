import { describe, expect, it } from "vitest";
import { Component } from "../axon/Component.js";
import { ErrorInformation } from "../axon/Ipc.js";
import { describeMessage, unhandled } from "./unhandled.js";

describe("unhandled", () => {
  it("describes a message by its type, with short values shown", () => {
    expect(
      [
        "JUMP",
        "x".repeat(50),
        3,
        true,
        10n,
        null,
        undefined,
        new Date(0),
        Object.create(null) as object,
        () => 1,
        Symbol("s"),
      ].map(describeMessage),
    ).toEqual([
      'the string "JUMP"',
      `the string "${"x".repeat(40)}..."`,
      "the number 3",
      "the boolean true",
      "the bigint 10",
      "null",
      "undefined",
      "a Date",
      "an object",
      "a function",
      "a symbol",
    ]);
  });

  it("makes an ErrorInformation from the component naming the inbox and what it accepts", () => {
    const component = new Component();
    expect(unhandled(component, "inbox", [1], '"NEXT"')).toEqual(
      new ErrorInformation(component, undefined, `${component.name} skipped an Array on its "inbox" inbox: it accepts "NEXT".`),
    );
  });
});
