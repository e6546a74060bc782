import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { FortuneCookieProtocol } from "./FortuneCookieProtocol.js";

describe("FortuneCookieProtocol", () => {
  it("sends each fortune it was given, in order, then ProducerFinished, ignoring what the client sends", async () => {
    const out = await runComponent(new FortuneCookieProtocol(["one", "two"]), { inbox: ["hi there"] });
    expect(out["outbox"]).toEqual(["one", "two"]);
    expect(out["signal"]).toEqual([expect.any(ProducerFinished)]);
  });

  it("sends its own fortunes, one line each, when given none", async () => {
    const out = await runComponent(new FortuneCookieProtocol());
    expect(out["outbox"]?.length).toBeGreaterThan(0);
    for (const fortune of out["outbox"] ?? []) expect(fortune).toMatch(/^[^\n]+\n$/);
  });

  it("sends the same fortunes to every client, even if the list given changes later", async () => {
    const fortunes = ["same"];
    const first = new FortuneCookieProtocol(fortunes);
    fortunes.push("extra");
    expect((await runComponent(first))["outbox"]).toEqual(["same"]);
  });

  it("stops early on ShutdownMicroprocess, passing it on", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new FortuneCookieProtocol(["one", "two"]), { control: [stop] });
    expect(out).toEqual({ outbox: [], signal: [stop] });
  });
});
