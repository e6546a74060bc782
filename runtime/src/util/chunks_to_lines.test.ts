import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { chunks_to_lines } from "./chunks_to_lines.js";
import { describeMessage } from "./unhandled.js";

const utf8 = new TextEncoder();

describe("chunks_to_lines", () => {
  it("joins chunks and sends whole lines, without their line break, as soon as each is complete", () => {
    const harness = new Harness(chunks_to_lines()).send("inbox", "hel").settle();
    expect(harness.take()).toEqual([]);
    harness.send("inbox", "lo\nwor").settle();
    expect(harness.take()).toEqual(["hello"]);
    harness.send("inbox", "ld\n\nnext\n").settle();
    expect(harness.take()).toEqual(["world", "", "next"]);
  });

  it("removes every carriage return", async () => {
    const out = await runComponent(chunks_to_lines(), { inbox: ["a\r", "\nb\r\n", "c\rd\n"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["a", "b", "cd"]);
  });

  it("decodes UTF-8 bytes, a character cut between two chunks included", async () => {
    const bytes = utf8.encode("café\nnaïve\n");
    const cut = bytes.indexOf(0xc3) + 1;
    const out = await runComponent(chunks_to_lines(), { inbox: [bytes.slice(0, cut), bytes.slice(cut)], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["café", "naïve"]);
  });

  it("sends a last line without a line break when ProducerFinished arrives, then passes it on", async () => {
    const done = new ProducerFinished();
    const out = await runComponent(chunks_to_lines(), { control: [done], inbox: ["whole\npart", "ial"] });
    expect(out["outbox"]).toEqual(["whole", "partial"]);
    expect(out["signal"]).toEqual([done]);
  });

  it("passes ShutdownMicroprocess on at once, dropping what it held", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(chunks_to_lines(), { inbox: ["a\nb"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });

  it("skips a chunk that is neither a string nor bytes, reporting it on signal, and carries on", async () => {
    const component = chunks_to_lines();
    const out = await runComponent(component, { inbox: ["a", 7, "b\n"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["ab"]);
    const report = out["signal"]?.[0] as ErrorInformation;
    expect(report).toBeInstanceOf(ErrorInformation);
    expect(report.message).toBe(`${component.name} skipped ${describeMessage(7)} on its "inbox" inbox: it accepts strings, or UTF-8 bytes as Uint8Array.`);
  });
});
