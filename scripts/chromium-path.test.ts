import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { chromiumPath, debianChromium } from "./chromium-path.mjs";

describe("chromiumPath", () => {
  test("uses CHROMIUM_PATH when it names an existing file", () => {
    expect(chromiumPath({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  test("refuses a CHROMIUM_PATH that names no file, saying what to do", () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: "/no/such/chromium" })).toThrowErrorMatchingInlineSnapshot(
      `[Error: CHROMIUM_PATH is set to "/no/such/chromium", but there is no file there. Point it at a Chromium executable, or unset it to use Debian's /usr/bin/chromium.]`,
    );
  });

  test("falls back to Debian's chromium when CHROMIUM_PATH is unset or empty", () => {
    const expected = existsSync(debianChromium) ? debianChromium : undefined;
    expect(chromiumPath({})).toBe(expected);
    expect(chromiumPath({ CHROMIUM_PATH: "" })).toBe(expected);
  });
});
