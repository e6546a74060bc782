import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent, thrown } from "../test-support/harness.js";
import { BadArgument } from "../util/BadArgument.js";
import { CorruptChunk, CorruptFrame, DataChunker, DataDeChunker, DeFramer, Framer, IncompleteChunk, ShortFrame } from "./Framing.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bytes = (text: string): Uint8Array => encoder.encode(text);
const text = (data: unknown): string => decoder.decode(data as Uint8Array);

/** All the pieces joined into one array. */
function join(pieces: readonly unknown[]): Uint8Array {
  const all = pieces as readonly Uint8Array[];
  const joined = new Uint8Array(all.reduce((total, piece) => total + piece.length, 0));
  let at = 0;
  for (const piece of all) {
    joined.set(piece, at);
    at += piece.length;
  }
  return joined;
}

/** `data` cut at the given positions (taken modulo its length, in any order, repeats allowed). */
function cut(data: Uint8Array, positions: readonly number[]): Uint8Array[] {
  const at = [...new Set(positions.map((p) => p % (data.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => data.slice(start, at[i] ?? data.length));
}

/** The ErrorInformations among what left signal, as `"<ErrorName>: <message>"` with ids replaced by N. */
function reports(signal: readonly unknown[] | undefined): string[] {
  return (signal ?? [])
    .filter((message) => message instanceof ErrorInformation)
    .map((info) => {
      const error = info.exception;
      return error instanceof Error ? `${error.name}: ${error.message}`.replace(/_\d+/g, "_N") : String(info.message).replace(/_\d+/g, "_N");
    });
}

/** Runs `component` with these inputs on inbox and ProducerFinished on control, returning its outputs. */
function finish(component: Framer | DeFramer | DataChunker | DataDeChunker, inbox: readonly unknown[]): Promise<Record<string, unknown[]>> {
  return runComponent(component, { inbox, control: [new ProducerFinished()] });
}

const tags = fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 });
const pairs = fc.array(fc.tuple(tags, fc.uint8Array({ maxLength: 40 })), { maxLength: 8 });
const cutPoints = fc.array(fc.nat(), { maxLength: 12 });
const syncMessages = fc.uint8Array({ minLength: 1, maxLength: 6 }).map((raw) => raw.map((b) => (/[0-9a-fA-F%]/.test(String.fromCharCode(b)) ? 0x58 : b)));

describe("Framer", () => {
  it('frames each pair as "<tag> <length>\\n<data>", counting the UTF-8 bytes of a string', async () => {
    const out = await finish(new Framer(), [[1, "hello"], [-20, "café"], [3, ""]]);
    expect(out["outbox"]?.map(text)).toEqual(["1 5\nhello", "-20 5\ncafé", "3 0\n"]);
  });

  it("frames a Uint8Array payload byte for byte", async () => {
    const out = await finish(new Framer(), [[7, new Uint8Array([0, 10, 255])]]);
    expect(out["outbox"]).toEqual([new Uint8Array([...bytes("7 3\n"), 0, 10, 255])]);
  });

  it("reports each message that is not an [integer, data] pair and frames the rest", async () => {
    const out = await finish(new Framer(), ["loose", [1], [1.5, "x"], ["1", "x"], [1, 2], [2, "ok"]]);
    expect(out["outbox"]?.map(text)).toEqual(["2 2\nok"]);
    expect(reports(out["signal"])).toEqual([
      'Framer_N skipped the string "loose" on its "inbox" inbox: it accepts [tag, data] pairs: an integer tag and a string or Uint8Array.',
      'Framer_N skipped an Array on its "inbox" inbox: it accepts [tag, data] pairs: an integer tag and a string or Uint8Array.',
      'Framer_N skipped an Array on its "inbox" inbox: it accepts [tag, data] pairs: an integer tag and a string or Uint8Array.',
      'Framer_N skipped an Array on its "inbox" inbox: it accepts [tag, data] pairs: an integer tag and a string or Uint8Array.',
      'Framer_N skipped an Array on its "inbox" inbox: it accepts [tag, data] pairs: an integer tag and a string or Uint8Array.',
    ]);
    expect(out["signal"]?.at(-1)).toBeInstanceOf(ProducerFinished);
  });

  it("passes ShutdownMicroprocess on at once without framing what waits", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new Framer(), { inbox: [[1, "a"]], control: [stop] });
    expect(out).toEqual({ outbox: [], signal: [stop] });
  });
});

describe("DeFramer", () => {
  it("gives back each [tag, data] pair as soon as its frame is complete, however the stream is cut", () => {
    const harness = new Harness(new DeFramer());
    harness.send("inbox", "4 3\nab").settle();
    expect(harness.take()).toEqual([]);
    harness.send("inbox", bytes("c5 0\n6 1\n")).settle();
    expect(harness.take()).toEqual([[4, bytes("abc")], [5, new Uint8Array()]]);
    harness.send("inbox", "z").settle();
    expect(harness.take()).toEqual([[6, bytes("z")]]);
  });

  it("gives payloads as strings with text", async () => {
    const out = await finish(new DeFramer({ text: true }), ["1 5\ncafé2 1\n", "!"]);
    expect(out["outbox"]).toEqual([[1, "café"], [2, "!"]]);
  });

  it("reports a corrupt header as CorruptFrame, skips that line and reads the next frame", async () => {
    const out = await finish(new DeFramer({ text: true }), ["one 3\n", "2 2\nok"]);
    expect(out["outbox"]).toEqual([[2, "ok"]]);
    expect(out["signal"]?.[0]).toBeInstanceOf(ErrorInformation);
    expect((out["signal"]?.[0] as ErrorInformation).exception).toBeInstanceOf(CorruptFrame);
    expect(reports(out["signal"])).toMatchInlineSnapshot(`
      [
        "CorruptFrame: DeFramer_N skipped the frame header "one 3" on its "inbox" inbox: it is not "<tag> <length>". It skips to the end of that line and reads on; check that the sender is a Framer and that the stream was not cut or mixed.",
      ]
    `);
  });

  it("reports a header with no newline within 40 bytes once, and resumes after the next newline", async () => {
    const out = await finish(new DeFramer({ text: true }), ["x".repeat(30), "x".repeat(30), "x\n1 1\na"]);
    expect(out["outbox"]).toEqual([[1, "a"]]);
    expect(reports(out["signal"])).toEqual([expect.stringContaining('CorruptFrame: DeFramer_N skipped the frame header "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" on its "inbox" inbox: it has no newline within 40 bytes.')]);
  });

  it("reports a frame cut short by the end of the stream as ShortFrame when ProducerFinished arrives", async () => {
    const out = await finish(new DeFramer(), ["1 1\na9 10\nabc"]);
    expect(out["outbox"]).toEqual([[1, bytes("a")]]);
    expect((out["signal"]?.[0] as ErrorInformation).exception).toBeInstanceOf(ShortFrame);
    expect(reports(out["signal"])).toMatchInlineSnapshot(`
      [
        "ShortFrame: DeFramer_N's input ended with 3 of the 10 data bytes of the frame tagged 9, so that frame was dropped. Check that the sender sent whole frames and that nothing cut the stream short.",
      ]
    `);
    expect(out["signal"]?.[1]).toBeInstanceOf(ProducerFinished);
  });

  it("reports a stream that ends inside a header, even right after the newline", async () => {
    expect(reports((await finish(new DeFramer(), ["1 2"]))["signal"])).toEqual([expect.stringContaining("ended with 3 bytes of a frame header and no newline")]);
    expect(reports((await finish(new DeFramer(), ["1 2\n"]))["signal"])).toEqual([expect.stringContaining("ended with 0 of the 2 data bytes of the frame tagged 1")]);
  });

  it("reports a message that is neither a string nor a Uint8Array", async () => {
    const out = await finish(new DeFramer(), [42, "1 0\n"]);
    expect(out["outbox"]).toEqual([[1, new Uint8Array()]]);
    expect(reports(out["signal"])).toEqual(['DeFramer_N skipped the number 42 on its "inbox" inbox: it accepts framed bytes: a Uint8Array or a string.']);
  });

  it("gives back every pair a Framer framed, whatever the pairs and wherever the stream is cut", async () => {
    await fc.assert(
      fc.asyncProperty(pairs, cutPoints, async (sent, positions) => {
        const framed = await finish(new Framer(), sent);
        const out = await finish(new DeFramer(), cut(join(framed["outbox"] ?? []), positions));
        expect(out["outbox"]).toEqual(sent);
        expect(out["signal"]).toEqual([expect.any(ProducerFinished)]);
      }),
      { numRuns: 2500 },
    );
  });

  it("gives back text pairs with text, wherever the UTF-8 stream is cut", async () => {
    const textPairs = fc.array(fc.tuple(fc.nat(), fc.string({ unit: "grapheme", maxLength: 12 })), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(textPairs, cutPoints, async (sent, positions) => {
        const framed = await finish(new Framer(), sent);
        const out = await finish(new DeFramer({ text: true }), cut(join(framed["outbox"] ?? []), positions));
        expect(out["outbox"]).toEqual(sent);
      }),
      { numRuns: 1000 },
    );
  });

  it("reports malformed input as ErrorInformation and always ends, never throwing", async () => {
    const noise = fc.oneof(
      fc.uint8Array({ maxLength: 120 }),
      fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", " ", "-", "\n", "a", "b"), maxLength: 80 }).map(bytes),
    );
    await fc.assert(
      fc.asyncProperty(noise, cutPoints, async (data, positions) => {
        const out = await finish(new DeFramer(), cut(data, positions));
        const signal = out["signal"] ?? [];
        expect(signal.at(-1)).toBeInstanceOf(ProducerFinished);
        for (const message of signal.slice(0, -1)) {
          expect(message).toBeInstanceOf(ErrorInformation);
          expect([CorruptFrame, ShortFrame]).toContain((message as ErrorInformation).exception?.constructor);
        }
        for (const pair of out["outbox"] ?? []) expect(pair).toEqual([expect.any(Number), expect.any(Uint8Array)]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("DataChunker", () => {
  it("puts the sync message before each message and escapes % and every byte of the sync message", async () => {
    const out = await finish(new DataChunker({ syncmessage: "<>" }), ["a<b>%c", new Uint8Array([0x3c, 0x0a])]);
    expect(out["outbox"]?.map(text)).toEqual(["<>a%3cb%3e%25c", "<>%3c\n"]);
  });

  it("uses 24 capital X as its sync message by default, as Kamaelia did", async () => {
    const out = await finish(new DataChunker(), ["X"]);
    expect(out["outbox"]?.map(text)).toEqual([`${"X".repeat(24)}%58`]);
  });

  it("refuses a sync message that escaped data could contain", () => {
    expect(thrown(() => new DataChunker({ syncmessage: "" }))).toMatchInlineSnapshot(
      `"BadArgument: new DataChunker(): syncmessage must be a non-empty string or Uint8Array without "%" or hex digits (0-9, a-f, A-F), so that escaped data can never contain it, not ""."`,
    );
    expect(() => new DataChunker({ syncmessage: "SYNC" })).toThrow(BadArgument);
    expect(() => new DataDeChunker({ syncmessage: "%%" })).toThrow(BadArgument);
    expect(() => new DataDeChunker({ syncmessage: new Uint8Array([0x41]) })).toThrow(BadArgument);
  });

  it("reports a message that is neither a string nor a Uint8Array", async () => {
    const out = await finish(new DataChunker({ syncmessage: "#" }), [null, "ok"]);
    expect(out["outbox"]?.map(text)).toEqual(["#ok"]);
    expect(reports(out["signal"])).toEqual(['DataChunker_N skipped null on its "inbox" inbox: it accepts strings or Uint8Arrays.']);
  });
});

describe("DataDeChunker", () => {
  it("sends a chunk once the sync message after it has arrived, unescaped", () => {
    const harness = new Harness(new DataDeChunker({ syncmessage: "##", text: true }));
    harness.send("inbox", "##a%23b", "#").settle();
    expect(harness.take()).toEqual([]);
    harness.send("inbox", "#c").settle();
    expect(harness.take()).toEqual(["a#b"]);
    expect(harness.take("signal")).toEqual([]);
  });

  it("sends the chunk in hand when anything arrives on flush, and waits for a sync message after it", () => {
    const harness = new Harness(new DataDeChunker({ syncmessage: "##", text: true }));
    harness.send("inbox", "##one").send("flush", "now").settle();
    expect(harness.take()).toEqual(["one"]);
    harness.send("inbox", "##two##").settle();
    expect(harness.take()).toEqual(["two"]);
    expect(harness.take("signal")).toEqual([]);
  });

  it("sends the last chunk when ProducerFinished arrives, then passes it on", async () => {
    const done = new ProducerFinished();
    const out = await runComponent(new DataDeChunker({ syncmessage: "##", text: true }), { inbox: ["##a##", "b"], control: [done] });
    expect(out).toEqual({ outbox: ["a", "b"], signal: [done] });
  });

  it("sends an empty message for each sync message with nothing after it", async () => {
    const out = await finish(new DataDeChunker({ syncmessage: "XX", text: true }), ["XXXXXXa"]);
    expect(out["outbox"]).toEqual(["", "", "a"]);
  });

  it("reports the bytes before the first sync message as IncompleteChunk and reads on", async () => {
    const out = await finish(new DataDeChunker({ syncmessage: "##", text: true }), ["tail of", " something#", "#next"]);
    expect(out["outbox"]).toEqual(["next"]);
    expect((out["signal"]?.[0] as ErrorInformation).exception).toBeInstanceOf(IncompleteChunk);
    expect(reports(out["signal"])).toMatchInlineSnapshot(`
      [
        "IncompleteChunk: DataDeChunker_N skipped 17 bytes on its "inbox" inbox that came before any sync message, so they could not be known to be a whole chunk. This is expected when joining a stream part way; otherwise check that the sender is a DataChunker with the same sync message.",
      ]
    `);
  });

  it("reports a chunk with a broken escape as CorruptChunk and drops only that chunk", async () => {
    const out = await finish(new DataDeChunker({ syncmessage: "##", text: true }), ["##ab%4", "##ok"]);
    expect(out["outbox"]).toEqual(["ok"]);
    expect((out["signal"]?.[0] as ErrorInformation).exception).toBeInstanceOf(CorruptChunk);
    expect(reports(out["signal"])).toMatchInlineSnapshot(`
      [
        "CorruptChunk: DataDeChunker_N skipped a chunk of 4 bytes on its "inbox" inbox: "%" at byte 2 is not followed by two hex digits ("%4"). Check that the sender is a DataChunker with the same sync message.",
      ]
    `);
  });

  it("passes ShutdownMicroprocess on at once, dropping the chunk in hand", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new DataDeChunker({ syncmessage: "#" }), { inbox: ["#a#b"], control: [stop] });
    expect(out).toEqual({ outbox: [], signal: [stop] });
  });

  it("gives back every message a DataChunker chunked, whatever the sync message and wherever the stream is cut", async () => {
    const messages = fc.array(fc.uint8Array({ maxLength: 30 }), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(syncMessages, messages, cutPoints, async (syncmessage, sent, positions) => {
        // Messages full of the sync message's own bytes, to exercise the escaping.
        const mixed = sent.map((message, i) => (i % 2 === 0 ? message : message.map((b) => syncmessage[b % syncmessage.length] ?? b)));
        const chunked = await finish(new DataChunker({ syncmessage }), mixed);
        const out = await finish(new DataDeChunker({ syncmessage }), cut(join(chunked["outbox"] ?? []), positions));
        expect(out["outbox"]).toEqual(mixed);
        expect(out["signal"]).toEqual([expect.any(ProducerFinished)]);
      }),
      { numRuns: 2000 },
    );
  });

  it("reports malformed input as ErrorInformation and always ends, never throwing", async () => {
    const noise = fc.string({ unit: fc.constantFrom("X", "X", "%", "5", "g", "8", " ", "a", "\n"), maxLength: 80 }).map(bytes);
    await fc.assert(
      fc.asyncProperty(noise, cutPoints, fc.boolean(), async (data, positions, flushFirst) => {
        const component = new DataDeChunker({ syncmessage: "XX" });
        const harness = new Harness(component);
        harness.send("inbox", ...cut(data, positions));
        if (flushFirst) harness.send("flush", true);
        harness.send("control", new ProducerFinished());
        await harness.finish();
        const signal = harness.take("signal");
        expect(signal.at(-1)).toBeInstanceOf(ProducerFinished);
        for (const message of signal.slice(0, -1)) {
          expect([CorruptChunk, IncompleteChunk]).toContain((message as ErrorInformation).exception?.constructor);
        }
        expect(component.finished).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("Framing a stream end to end", () => {
  it("Framer, DataChunker, a cut stream, DataDeChunker and DeFramer give back the pairs sent", async () => {
    await fc.assert(
      fc.asyncProperty(pairs, cutPoints, fc.constantFrom<number[]>([0x58], [0x58, 0x58], [0x7c, 0x0a, 0x7c]), async (sent, positions, sync) => {
        const syncmessage = new Uint8Array(sync);
        const frames = (await finish(new Framer(), sent))["outbox"] ?? [];
        const chunks = (await finish(new DataChunker({ syncmessage }), frames))["outbox"] ?? [];
        const dechunked = (await finish(new DataDeChunker({ syncmessage }), cut(join(chunks), positions)))["outbox"] ?? [];
        expect((await finish(new DeFramer(), dechunked))["outbox"]).toEqual(sent);
      }),
      { numRuns: 1000 },
    );
  });
});
