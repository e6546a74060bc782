import { describe, expect, it } from "vitest";
import { decodeProgram, encodeProgram, readShareHash, shareHash } from "./share.js";

const program = 'import { Pipeline } from "kamaelia";\n// «ünïcode» and </script><b>markup</b>\nawait new Pipeline().run();\n';

describe("programs in links", () => {
  it("come back exactly as they went in", async () => {
    expect(await decodeProgram(await encodeProgram(program))).toBe(program);
  });

  it("are written only with characters a URL's hash keeps as they are", async () => {
    expect(await encodeProgram(program.repeat(20))).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("are compressed", async () => {
    const long = program.repeat(20);
    expect((await encodeProgram(long)).length).toBeLessThan(long.length / 4);
  });

  it("name the runner they are for, and are read back from the hash", () => {
    expect(readShareHash(shareHash("main-ts", "abc_-1"))).toEqual({ id: "main-ts", encoded: "abc_-1" });
    expect(readShareHash("#the-system")).toBeNull();
  });

  it("that were cut short cannot be read", async () => {
    const encoded = await encodeProgram(program);
    await expect(decodeProgram(encoded.slice(0, encoded.length / 2))).rejects.toThrow();
  });
});
