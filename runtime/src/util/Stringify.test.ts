import { describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { Stringify } from "./Stringify.js";

describe("Stringify", () => {
  it("converts each message to a string, leaving strings as they are", async () => {
    const out = await runComponent(new Stringify(), { inbox: ["text", 5, true, null, [1, "a"], { x: 1 }, new Error("boom")], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["text", "5", "true", "null", '[1, "a"]', "{ x: 1 }", "Error: boom"]);
  });

  it("ends the usual way, unlike Kamaelia's which never did", async () => {
    const done = new ProducerFinished();
    const finished = await runComponent(new Stringify(), { control: [done], inbox: [1] });
    expect(finished["outbox"]).toEqual(["1"]);
    expect(finished["signal"]).toEqual([done]);
    const stop = new ShutdownMicroprocess();
    const stopped = await runComponent(new Stringify(), { inbox: [1], control: [stop] });
    expect(stopped["outbox"]).toEqual([]);
    expect(stopped["signal"]).toEqual([stop]);
  });
});
