/**
 * Framing and chunking: `[tag, data]` pairs as length-prefixed frames, and messages delimited in a
 * byte stream by a sync message, with the components that undo each.
 * @module
 */

import { AxonException } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ErrorInformation, ShutdownMicroprocess } from "../axon/Ipc.js";
import { BadArgument } from "../util/BadArgument.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { PureTransformer } from "../util/PureTransformer.js";
import { unhandled } from "../util/unhandled.js";
import { ByteQueue, indexOfBytes, isData, toBytes } from "./bytes.js";

const NEWLINE = 0x0a;
const PERCENT = 0x25;
/** The longest header a Framer writes: "-9007199254740991 9007199254740991". */
const MAX_HEADER = 40;
const HEADER = /^(-?\d{1,16}) (\d{1,16})$/;
const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** Kamaelia's default sync message: 24 capital X. */
const DEFAULT_SYNC = "XXXXXXXXXXXXXXXXXXXXXXXX";

/** Some bytes as text for an error message: Latin-1, quoted, cut at 40 characters. */
function quoted(bytes: Uint8Array): string {
  const text = latin1.decode(bytes.subarray(0, 40));
  return JSON.stringify(bytes.length > 40 ? `${text}...` : text);
}

/** A frame header a DeFramer could not read. */
export class CorruptFrame extends AxonException {}

/** The stream a DeFramer was reading ended part way through a frame. */
export class ShortFrame extends AxonException {}

/** A chunk whose escaped bytes a DataDeChunker could not undo. */
export class CorruptChunk extends AxonException {}

/** Bytes a DataDeChunker skipped because no sync message came before them. */
export class IncompleteChunk extends AxonException {}

/**
 * Frames each `[tag, data]` pair as the bytes `"<tag> <length>\n<data>"`, so that the pairs can travel
 * over a stream and be taken apart again by a {@link DeFramer}.
 * @remarks Port of Kamaelia.Protocol.Framing.Framer (Kamaelia's `SimpleFrame` format). The tag is an
 * integer (a sequence number, say); the data a string (sent as UTF-8) or a `Uint8Array`; `length`
 * counts the data's bytes. Each frame leaves as one `Uint8Array`. A message that is not such a pair is
 * skipped and reported as an `ErrorInformation` from `signal`. `ShutdownMicroprocess` on `control` is
 * passed on from `signal` at once and it ends; `ProducerFinished` once every waiting pair has been
 * framed. Other control messages are passed on from `signal`.
 * @inbox inbox - `[tag, data]` pairs: an integer and a string or `Uint8Array`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - frames, one `Uint8Array` each
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for a message that is not a pair
 * @see {@link DeFramer} to take frames apart, {@link DataChunker} to mark where each frame starts.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Framer, Pipeline, PureTransformer } from "kamaelia";
 * await new Pipeline(
 *   new DataSource([[1, "hello"], [2, "world"]]),
 *   new Framer(),
 *   new PureTransformer((frame: Uint8Array) => JSON.stringify(new TextDecoder().decode(frame))),
 *   new ConsoleEchoer(),
 * ).run(); // "1 5\nhello", "2 5\nworld"
 * ```
 */
export class Framer extends PureTransformer {
  static override Inboxes = {
    inbox: "[tag, data] pairs: an integer and a string or Uint8Array",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "frames, one Uint8Array each",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for a message that is not a pair",
  };

  protected override processMessage(message: unknown): unknown {
    if (!Array.isArray(message) || message.length !== 2 || !Number.isSafeInteger(message[0]) || !isData(message[1])) {
      this.send(unhandled(this, "inbox", message, "[tag, data] pairs: an integer tag and a string or Uint8Array"), "signal");
      return undefined;
    }
    const data = toBytes(message[1]);
    const header = encoder.encode(`${String(message[0])} ${String(data.length)}\n`);
    const frame = new Uint8Array(header.length + data.length);
    frame.set(header);
    frame.set(data, header.length);
    return frame;
  }
}

/** Options for a {@link DeFramer}. */
export interface DeFramerOptions {
  /** Give each payload as a string decoded from UTF-8 instead of a `Uint8Array`. Default `false`. */
  readonly text?: boolean;
}

/**
 * Takes a stream of frames made by a {@link Framer} apart again into `[tag, data]` pairs, however the
 * stream was cut into messages.
 * @remarks Port of Kamaelia.Protocol.Framing.DeFramer. Kamaelia's took one whole frame per message;
 * this one gathers the bytes it is sent (strings count as UTF-8) and sends each pair as soon as its
 * frame is complete, so frames may arrive split or several to a message, as they do from a socket.
 * The data is a `Uint8Array`, or a string with `text`. A header it cannot read is reported as an
 * `ErrorInformation` (carrying a `CorruptFrame`) from `signal`, and the bytes up to the next newline are
 * skipped; a message that is not a string or `Uint8Array` is reported and skipped too. It never throws
 * on bad input. `ProducerFinished` on `control` is passed on from `signal` once everything waiting has
 * been read, after reporting a frame left unfinished (`ShortFrame`); `ShutdownMicroprocess` is passed on
 * at once. Either ends it. Other control messages are passed on from `signal`.
 * @inbox inbox - framed bytes: `Uint8Array` or string pieces of the stream
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - `[tag, data]` pairs
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for bad input
 * @see {@link Framer}, which makes the frames.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, DeFramer, Pipeline } from "kamaelia";
 * await new Pipeline(
 *   new DataSource(["7 5\nhel", "lo3 2\nhi"]),
 *   new DeFramer({ text: true }),
 *   new ConsoleEchoer(),
 * ).run(); // [7, "hello"], [3, "hi"]
 * ```
 */
export class DeFramer extends PureTransformer {
  static override Inboxes = {
    inbox: "framed bytes: Uint8Array or string pieces of the stream",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "[tag, data] pairs",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for bad input",
  };

  readonly #text: boolean;
  readonly #buffer = new ByteQueue();
  /** The header of the frame being read, once it has been read. */
  #frame: { readonly tag: number; readonly length: number } | undefined;
  /** Skipping the rest of a corrupt header line. */
  #resyncing = false;

  /** @param options - whether payloads are strings */
  constructor(options: DeFramerOptions = {}) {
    super();
    this.#text = options.text ?? false;
  }

  protected override processMessage(message: unknown): unknown {
    if (!isData(message)) {
      this.send(unhandled(this, "inbox", message, "framed bytes: a Uint8Array or a string"), "signal");
      return undefined;
    }
    this.#buffer.push(toBytes(message));
    this.#readFrames();
    return undefined;
  }

  protected override flush(): void {
    const left = this.#buffer.length;
    const frame = this.#frame;
    if (this.#resyncing || (left === 0 && frame === undefined)) return;
    const what =
      frame === undefined
        ? `${String(left)} bytes of a frame header and no newline`
        : `${String(left)} of the ${String(frame.length)} data bytes of the frame tagged ${String(frame.tag)}`;
    const problem = new ShortFrame(
      `${this.name}'s input ended with ${what}, so that frame was dropped. ` +
        "Check that the sender sent whole frames and that nothing cut the stream short.",
    );
    this.send(new ErrorInformation(this, problem, problem.message), "signal");
  }

  #readFrames(): void {
    for (;;) {
      const bytes = this.#buffer.view();
      if (this.#resyncing) {
        const end = bytes.indexOf(NEWLINE);
        this.#buffer.skip(end < 0 ? bytes.length : end + 1);
        if (end < 0) return;
        this.#resyncing = false;
      } else if (this.#frame === undefined) {
        const end = bytes.subarray(0, MAX_HEADER + 1).indexOf(NEWLINE);
        if (end < 0) {
          if (bytes.length <= MAX_HEADER) return;
          this.#corrupt(bytes.subarray(0, MAX_HEADER), "it has no newline within 40 bytes");
          this.#resyncing = true;
          continue;
        }
        const header = HEADER.exec(latin1.decode(bytes.subarray(0, end)));
        const tag = Number(header?.[1]);
        const length = Number(header?.[2]);
        if (header === null || !Number.isSafeInteger(tag) || !Number.isSafeInteger(length)) {
          this.#corrupt(bytes.subarray(0, end), 'it is not "<tag> <length>"');
          this.#buffer.skip(end + 1);
        } else {
          this.#frame = { tag, length };
          this.#buffer.skip(end + 1);
        }
      } else {
        if (bytes.length < this.#frame.length) return;
        const data = this.#buffer.take(this.#frame.length);
        this.send([this.#frame.tag, this.#text ? utf8.decode(data) : data], "outbox");
        this.#frame = undefined;
      }
    }
  }

  #corrupt(header: Uint8Array, why: string): void {
    const problem = new CorruptFrame(
      `${this.name} skipped the frame header ${quoted(header)} on its "inbox" inbox: ${why}. ` +
        "It skips to the end of that line and reads on; check that the sender is a Framer and that the stream was not cut or mixed.",
    );
    this.send(new ErrorInformation(this, problem, problem.message), "signal");
  }
}

/** The bytes of a sync message, after checking that escaped data can never look like it. */
function syncBytes(component: string, syncmessage: string | Uint8Array): Uint8Array {
  const bytes = isData(syncmessage) ? toBytes(syncmessage) : new Uint8Array();
  const unsafe = bytes.some((byte) => byte === PERCENT || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));
  if (bytes.length === 0 || unsafe) {
    throw new BadArgument(
      component,
      "syncmessage",
      JSON.stringify(typeof syncmessage === "string" ? syncmessage : latin1.decode(bytes)),
      'a non-empty string or Uint8Array without "%" or hex digits (0-9, a-f, A-F), so that escaped data can never contain it',
    );
  }
  return bytes;
}

const HEX = "0123456789abcdef";

/** Options for a {@link DataChunker} and a {@link DataDeChunker}. */
export interface DataChunkerOptions {
  /** The bytes that start each chunk. Default 24 capital X, as in Kamaelia. */
  readonly syncmessage?: string | Uint8Array;
}

/**
 * Marks the start of each message in a byte stream with a sync message, escaping the data so that the
 * sync message never appears inside it; a {@link DataDeChunker} finds the messages again.
 * @remarks Port of Kamaelia.Protocol.Framing.DataChunker. Each message (a string, sent as UTF-8, or a
 * `Uint8Array`) leaves as one `Uint8Array`: the sync message, then the data with every `%` and every
 * byte that occurs in the sync message written as `%` and two hex digits (`X` is `%58`, `%` is `%25`,
 * as in Kamaelia). The sync message may not contain `%` or hex digits (`BadArgument`). A message that is
 * not a string or `Uint8Array` is skipped and reported as an `ErrorInformation` from `signal`. Shutdown
 * is as for {@link PureTransformer}.
 * @inbox inbox - messages: strings or `Uint8Array`s
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - chunks: the sync message and the escaped data, one `Uint8Array` each
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for a message it cannot send
 * @example
 * ```ts
 * import { ConsoleEchoer, DataChunker, DataSource, Pipeline, PureTransformer } from "kamaelia";
 * await new Pipeline(
 *   new DataSource(["100%", "XOXO"]),
 *   new DataChunker({ syncmessage: "XX" }),
 *   new PureTransformer((chunk: Uint8Array) => new TextDecoder().decode(chunk)),
 *   new ConsoleEchoer(),
 * ).run(); // XX100%25, XX%58O%58O
 * ```
 */
export class DataChunker extends PureTransformer {
  static override Inboxes = {
    inbox: "messages: strings or Uint8Arrays",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "chunks: the sync message and the escaped data, one Uint8Array each",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for a message it cannot send",
  };

  readonly #sync: Uint8Array;
  readonly #escaped = new Uint8Array(256);

  /** @param options - the sync message */
  constructor(options: DataChunkerOptions = {}) {
    super();
    this.#sync = syncBytes("DataChunker", options.syncmessage ?? DEFAULT_SYNC);
    this.#escaped[PERCENT] = 1;
    for (const byte of this.#sync) this.#escaped[byte] = 1;
  }

  protected override processMessage(message: unknown): unknown {
    if (!isData(message)) {
      this.send(unhandled(this, "inbox", message, "strings or Uint8Arrays"), "signal");
      return undefined;
    }
    const data = toBytes(message);
    let escapes = 0;
    for (const byte of data) escapes += this.#escaped[byte] ?? 0;
    const chunk = new Uint8Array(this.#sync.length + data.length + 2 * escapes);
    chunk.set(this.#sync);
    let at = this.#sync.length;
    for (const byte of data) {
      if (this.#escaped[byte] === 1) {
        chunk[at++] = PERCENT;
        chunk[at++] = HEX.charCodeAt(byte >> 4);
        chunk[at++] = HEX.charCodeAt(byte & 15);
      } else chunk[at++] = byte;
    }
    return chunk;
  }
}

/** The value of an ASCII hex digit, or -1. */
function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/** Options for a {@link DataDeChunker}. */
export interface DataDeChunkerOptions extends DataChunkerOptions {
  /** Give each message as a string decoded from UTF-8 instead of a `Uint8Array`. Default `false`. */
  readonly text?: boolean;
}

/**
 * Finds the messages a {@link DataChunker} marked in a byte stream, however the stream was cut into
 * pieces, and sends each one, unescaped, once the next sync message shows it is complete.
 * @remarks Port of Kamaelia.Protocol.Framing.DataDeChunker. It gathers the bytes it is sent (strings
 * count as UTF-8). A chunk is sent when the sync message after it arrives; anything on `flush` sends the
 * chunk in hand at once. Bytes before the first sync message cannot be known to be whole: they are
 * skipped and reported as an `ErrorInformation` (carrying an `IncompleteChunk`) from `signal`; so is a
 * chunk with a broken escape (`CorruptChunk`), and a message that is not a string or `Uint8Array`. It
 * never throws on bad input. Messages are `Uint8Array`s, or strings with `text`. `ProducerFinished` on
 * `control` sends the last chunk too (Kamaelia kept it until flushed), is passed on from `signal`, and
 * ends it; `ShutdownMicroprocess` is passed on at once and ends it. Other control messages are passed on
 * from `signal`.
 * @inbox inbox - the chunked stream: `Uint8Array` or string pieces
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @inbox flush - anything: send the chunk in hand now
 * @outbox outbox - the messages, unescaped
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for bad input
 * @example
 * ```ts
 * import { ConsoleEchoer, DataDeChunker, DataSource, Pipeline } from "kamaelia";
 * await new Pipeline(
 *   new DataSource(["XX100%25X", "X%58O%58O"]),
 *   new DataDeChunker({ syncmessage: "XX", text: true }),
 *   new ConsoleEchoer(),
 * ).run(); // 100%, XOXO
 * ```
 */
export class DataDeChunker extends Component {
  static override Inboxes = {
    inbox: "the chunked stream: Uint8Array or string pieces",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
    flush: "anything: send the chunk in hand now",
  };
  static override Outboxes = {
    outbox: "the messages, unescaped",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for bad input",
  };

  readonly #sync: Uint8Array;
  readonly #text: boolean;
  readonly #buffer = new ByteQueue();
  /** The buffer starts with a sync message. */
  #synced = false;
  /** Where the search for the next sync message resumes. */
  #searchFrom = 0;
  /** Bytes skipped since the last report, for lack of a sync message before them. */
  #skipped = 0;

  /** @param options - the sync message, and whether messages are strings */
  constructor(options: DataDeChunkerOptions = {}) {
    super();
    this.#sync = syncBytes("DataDeChunker", options.syncmessage ?? DEFAULT_SYNC);
    this.#text = options.text ?? false;
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      if (shutdown instanceof ShutdownMicroprocess) {
        this.send(shutdown, "signal");
        return;
      }
      while (this.dataReady("inbox") > 0) {
        const message = this.recv("inbox");
        if (isData(message)) {
          this.#buffer.push(toBytes(message));
          this.#readChunks();
        } else this.send(unhandled(this, "inbox", message, "the chunked stream: a Uint8Array or a string"), "signal");
      }
      let flush = shutdown !== undefined;
      while (this.dataReady("flush") > 0) {
        this.recv("flush");
        flush = true;
      }
      if (flush) this.#flush();
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }

  #readChunks(): void {
    const syncLength = this.#sync.length;
    for (;;) {
      const bytes = this.#buffer.view();
      if (!this.#synced) {
        const at = indexOfBytes(bytes, this.#sync);
        if (at < 0) {
          // The last bytes may be the start of a sync message: keep them.
          const skip = Math.max(bytes.length - (syncLength - 1), 0);
          this.#skipped += skip;
          this.#buffer.skip(skip);
          return;
        }
        this.#skipped += at;
        this.#buffer.skip(at);
        this.#reportSkipped();
        this.#synced = true;
        this.#searchFrom = syncLength;
        continue;
      }
      const next = indexOfBytes(bytes, this.#sync, this.#searchFrom);
      if (next < 0) {
        this.#searchFrom = Math.max(syncLength, bytes.length - syncLength + 1);
        return;
      }
      this.#sendChunk(bytes.subarray(syncLength, next));
      this.#buffer.skip(next);
      this.#searchFrom = syncLength;
    }
  }

  #flush(): void {
    if (this.#synced) this.#sendChunk(this.#buffer.view().subarray(this.#sync.length));
    else this.#skipped += this.#buffer.length;
    this.#buffer.skip(this.#buffer.length);
    this.#synced = false;
    this.#searchFrom = 0;
    this.#reportSkipped();
  }

  #sendChunk(escaped: Uint8Array): void {
    const data = new Uint8Array(escaped.length);
    let length = 0;
    for (let i = 0; i < escaped.length; i++) {
      const byte = escaped[i] ?? 0;
      if (byte !== PERCENT) {
        data[length++] = byte;
        continue;
      }
      const high = hexValue(escaped[i + 1]);
      const low = hexValue(escaped[i + 2]);
      if (high < 0 || low < 0) {
        const problem = new CorruptChunk(
          `${this.name} skipped a chunk of ${String(escaped.length)} bytes on its "inbox" inbox: "%" at byte ${String(i)} is not followed by two hex digits (${quoted(escaped.subarray(i, i + 3))}). ` +
            "Check that the sender is a DataChunker with the same sync message.",
        );
        this.send(new ErrorInformation(this, problem, problem.message), "signal");
        return;
      }
      data[length++] = high * 16 + low;
      i += 2;
    }
    const message = data.subarray(0, length);
    this.send(this.#text ? utf8.decode(message) : message, "outbox");
  }

  #reportSkipped(): void {
    if (this.#skipped === 0) return;
    const problem = new IncompleteChunk(
      `${this.name} skipped ${String(this.#skipped)} bytes on its "inbox" inbox that came before any sync message, so they could not be known to be a whole chunk. ` +
        "This is expected when joining a stream part way; otherwise check that the sender is a DataChunker with the same sync message.",
    );
    this.#skipped = 0;
    this.send(new ErrorInformation(this, problem, problem.message), "signal");
  }
}
