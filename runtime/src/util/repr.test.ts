import { describe, expect, it } from "vitest";
import { Component } from "../axon/Component.js";
import { ProducerFinished } from "../axon/Ipc.js";
import { repr, str } from "./repr.js";

describe("repr", () => {
  it("writes primitives as source text, strings quoted", () => {
    expect([1, -2.5, true, null, undefined, 10n, "hi", 'say "x"'].map(repr)).toEqual([
      "1",
      "-2.5",
      "true",
      "null",
      "undefined",
      "10n",
      '"hi"',
      '"say \\"x\\""',
    ]);
  });

  it("writes arrays, plain objects, maps and sets with their contents", () => {
    expect(repr([1, "a", [true]])).toBe('[1, "a", [true]]');
    expect(repr({ a: 1, "b c": "x" })).toBe('{ a: 1, "b c": "x" }');
    expect(repr({})).toBe("{}");
    expect(repr(new Map([["k", 1]]))).toBe('Map { "k" => 1 }');
    expect(repr(new Set([1, 2]))).toBe("Set { 1, 2 }");
  });

  it("writes typed arrays with their type and dates in ISO form", () => {
    expect(repr(new Uint8Array([104, 105]))).toBe("Uint8Array [104, 105]");
    expect(repr(new Date(Date.UTC(2024, 0, 2)))).toBe("2024-01-02T00:00:00.000Z");
  });

  it("writes class instances with their class name, unless their class says how to print them", () => {
    expect(repr(new ProducerFinished("reader", "eof"))).toBe('ProducerFinished { caller: "reader", message: "eof" }');
    expect(repr(new Error("boom"))).toBe("Error: boom");
    const component = new Component();
    expect(repr(component)).toBe(String(component));
  });

  it("writes functions and symbols by name", () => {
    function named(): number {
      return 1;
    }
    expect(repr(named)).toBe("[Function named]");
    expect(repr(() => 1)).toBe("[Function (anonymous)]");
    expect(repr(Symbol("tag"))).toBe("Symbol(tag)");
  });

  it("writes a value found inside itself as [Circular] instead of recursing for ever", () => {
    const loop: unknown[] = [1];
    loop.push(loop);
    expect(repr(loop)).toBe("[1, [Circular]]");
    const shared = { n: 1 };
    expect(repr([shared, shared])).toBe("[{ n: 1 }, { n: 1 }]");
  });
});

describe("str", () => {
  it("leaves strings as they are and writes everything else as repr does", () => {
    expect(str("hello")).toBe("hello");
    expect(str([1, "a"])).toBe('[1, "a"]');
    expect(str(5)).toBe("5");
  });
});
