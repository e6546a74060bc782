import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteQueue, indexOfBytes, isData, startsWithAt, toBytes } from "./bytes.js";

describe("bytes helpers", () => {
  it("encodes strings as UTF-8 and leaves Uint8Arrays as they are", () => {
    const raw = new Uint8Array([1, 2]);
    expect(toBytes("é")).toEqual(new Uint8Array([0xc3, 0xa9]));
    expect(toBytes(raw)).toBe(raw);
    expect([isData("a"), isData(raw), isData(3), isData([1])]).toEqual([true, true, false, false]);
  });

  it("finds a pattern at or after a position", () => {
    const bytes = toBytes("abcabc");
    expect(indexOfBytes(bytes, toBytes("bc"))).toBe(1);
    expect(indexOfBytes(bytes, toBytes("bc"), 2)).toBe(4);
    expect(indexOfBytes(bytes, toBytes("cx"))).toBe(-1);
    expect(indexOfBytes(bytes, toBytes("c"), 6)).toBe(-1);
    expect(startsWithAt(bytes, toBytes("ca"), 2)).toBe(true);
    expect(startsWithAt(bytes, toBytes("bc"), 5)).toBe(false);
  });

  it("keeps the unread bytes of a ByteQueue in order however it is pushed and taken", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 100 }), fc.nat({ max: 120 })), { maxLength: 40 }), (steps) => {
        const queue = new ByteQueue();
        let model: number[] = [];
        for (const step of steps) {
          if (typeof step === "number") {
            expect([...queue.take(step)]).toEqual(model.slice(0, step));
            model = model.slice(step);
          } else {
            queue.push(step);
            model.push(...step);
          }
          expect(queue.length).toBe(model.length);
          expect([...queue.view()]).toEqual(model);
        }
      }),
    );
  });
});
