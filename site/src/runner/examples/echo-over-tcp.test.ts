import { afterEach, describe, expect, it, vi } from "vitest";
import { recordTranscript } from "../../../../cookbook/recipe-test.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the Node playground's program", () => {
  it("prints the line the server echoed, then that the server shut down", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await import("./echo-over-tcp.js");
    const lines = log.mock.calls.map((call) => call.map(String).join(" "));
    expect(lines).toEqual(["echoed: hello, server", "server shut down"]);
    // Shown on the page where Node cannot start.
    recordTranscript(new URL("echo-over-tcp.transcript.txt", import.meta.url), lines);
  });
});
