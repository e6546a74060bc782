import { describe, expect, it } from "vitest";
import { ChunkReader } from "./ChunkReader.js";

const encoder = new TextEncoder();

async function* chunks(...pieces: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) {
    await Promise.resolve();
    yield typeof piece === "string" ? encoder.encode(piece) : piece;
  }
}

describe("ChunkReader", () => {
  it("reads Buffers of so many bytes at a time across chunks, fewer at the end, then null", async () => {
    const reader = new ChunkReader(chunks("ab", "cde", "f"));
    expect(await reader.bytes(4)).toEqual(Buffer.from("abcd"));
    expect(await reader.bytes(4)).toEqual(Buffer.from("ef"));
    expect(await reader.bytes(4)).toBeNull();
  });

  it("reads so many lines at a time, each with its newline, the last maybe without", async () => {
    const reader = new ChunkReader(chunks("one\ntw", "o\n\nthr", "ee"));
    expect(await reader.lines(1)).toBe("one\n");
    expect(await reader.lines(2)).toBe("two\n\n");
    expect(await reader.lines(5)).toBe("three");
    expect(await reader.lines(1)).toBeNull();
  });

  it("decodes a character split between chunks", async () => {
    const bytes = encoder.encode("é\n");
    expect(await new ChunkReader(chunks(bytes.subarray(0, 1), bytes.subarray(1))).lines(1)).toBe("é\n");
  });

  it("rejects the read that meets an error of the stream", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield encoder.encode("a");
      await Promise.resolve();
      throw new Error("disk on fire");
    }
    const reader = new ChunkReader(failing());
    await expect(reader.bytes(5)).rejects.toThrow("disk on fire");
  });
});
