import { afterEach, describe, expect, it, vi } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { ConsoleEchoer } from "./ConsoleEchoer.js";

/** A sink that remembers every line it is given. */
function lines(): { readonly printed: string[]; readonly sink: (text: string) => void } {
  const printed: string[] = [];
  return { printed, sink: (text) => printed.push(text) };
}

describe("ConsoleEchoer", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("prints each message through its sink: strings as they are, other values in source form", async () => {
    const { printed, sink } = lines();
    const out = await runComponent(new ConsoleEchoer({ sink }), { inbox: ["hello", 42, [1, "a"], { x: 1 }], control: [new ProducerFinished()] });
    expect(printed).toEqual(["hello", "42", '[1, "a"]', "{ x: 1 }"]);
    expect(out["outbox"]).toEqual([]);
  });

  it("quotes strings with use_repr", async () => {
    const { printed, sink } = lines();
    await runComponent(new ConsoleEchoer({ sink, use_repr: true }), { inbox: ["hello\n", 1], control: [new ProducerFinished()] });
    expect(printed).toEqual(['"hello\\n"', "1"]);
  });

  it("puts the tag before each message", async () => {
    const { printed, sink } = lines();
    await runComponent(new ConsoleEchoer({ sink, tag: "got: " }), { inbox: ["a", "b"], control: [new ProducerFinished()] });
    expect(printed).toEqual(["got: a", "got: b"]);
  });

  it("sends each message on unchanged as a forwarder", async () => {
    const { sink } = lines();
    const message = { same: true };
    const out = await runComponent(new ConsoleEchoer({ sink, forwarder: true }), { inbox: ["a", message], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", message]);
    expect(out["outbox"]?.[1]).toBe(message);
  });

  it("prints with console.log when given no sink", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await runComponent(new ConsoleEchoer(), { inbox: ["one", 2], control: [new ProducerFinished()] });
    expect(log.mock.calls).toEqual([["one"], ["2"]]);
  });

  it("passes ProducerFinished on after printing every waiting message, then ends", async () => {
    const { printed, sink } = lines();
    const done = new ProducerFinished();
    const echoer = new ConsoleEchoer({ sink });
    const out = await runComponent(echoer, { control: [done], inbox: ["last words"] });
    expect(printed).toEqual(["last words"]);
    expect(out["signal"]).toEqual([done]);
    expect(echoer.finished).toBe(true);
  });

  it("passes ShutdownMicroprocess on at once without printing what waits", async () => {
    const { printed, sink } = lines();
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new ConsoleEchoer({ sink }), { inbox: ["unprinted"], control: [stop] });
    expect(printed).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });
});
