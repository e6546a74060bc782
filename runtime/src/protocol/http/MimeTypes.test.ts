import { describe, expect, it } from "vitest";
import { workoutMimeType } from "./MimeTypes.js";

describe("workoutMimeType", () => {
  it("guesses the type from the last extension, whatever its case", () => {
    expect(["a.html", "b.CSS", "c.min.js", "d.json", "e.svg", "f.tar.gz", "dir.v2/g.wasm"].map(workoutMimeType)).toEqual([
      "text/html; charset=utf-8",
      "text/css; charset=utf-8",
      "text/javascript; charset=utf-8",
      "application/json; charset=utf-8",
      "image/svg+xml",
      "application/gzip",
      "application/wasm",
    ]);
  });

  it("says application/octet-stream for unknown or missing extensions", () => {
    expect(["data.xyz", "Makefile", "dir.d/README", ".hidden", "trailing."].map(workoutMimeType)).toEqual(Array(5).fill("application/octet-stream"));
  });
});
