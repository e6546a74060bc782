import { Scheduler } from "kamaelia";
import { afterEach, describe, expect, it } from "vitest";
import { Harness, pageOutput, printed, recordTranscript } from "../../recipe-test.js";
import { system } from "./in-the-page.js";
import { main } from "./main.js";

describe("Closing idle connections, on the virtual clock (in-memory network)", () => {
  it("cuts off a client that says x at 50 ms at exactly 150 ms, and keeps one saying x every 50 ms connected until it hangs up at 1000 ms", async () => {
    const heard: [number, string][] = [];
    const harness = new Harness(system((line) => heard.push([harness.clock.now(), line])));
    await harness.finish();
    expect(heard).toEqual([
      [150, "quiet: 1 sent, 1 echoed; cut off by the server"],
      [1000, "chatty: 20 sent, 20 echoed; hung up itself"],
    ]);
  });

  it("stops the server once both calls are over, leaving nothing alive", async () => {
    const harness = await new Harness(system(() => undefined)).finish();
    expect(harness.component.finished).toBe(true);
    expect(harness.alive()).toEqual([]);
    expect(harness.clock.now()).toBe(1000);
  });

  it("prints in the page exactly what its page shows", async () => {
    const { lines, sink } = printed();
    await new Harness(system(sink)).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});

describe("Closing idle connections over TCP (real sockets, real time)", () => {
  // The server and the calls run on the default scheduler, driven by handles: check that nothing is left running there.
  afterEach(() => {
    expect(Scheduler.run.listAllThreads()).toEqual([]);
  });

  it("cuts off the quiet client after its timeout and keeps the chatty one connected until it hangs up", async () => {
    const started = performance.now();
    const when: Record<string, number> = {};
    const { lines, sink } = printed();
    await main((line) => {
      when[line.split(":")[0] ?? ""] = performance.now() - started;
      sink(line);
    });
    expect(lines).toEqual(["quiet: 1 sent, 1 echoed; cut off by the server", "chatty: 20 sent, 20 echoed; hung up itself"]);
    // Real time only as a guard: a timer is never early, so the quiet call lasted at least 50 + 200 ms.
    expect(when["quiet"]).toBeGreaterThanOrEqual(240);
    expect(when["chatty"]).toBeGreaterThanOrEqual(990);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await main(sink);
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
