/**
 * HTTPParser: a byte stream of HTTP/1.x requests (or responses) turned into parsed messages.
 * @module
 */

import { AxonException } from "../../axon/AxonExceptions.js";
import { Component } from "../../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../../axon/Ipc.js";
import { BadArgument } from "../../util/BadArgument.js";
import { unhandled } from "../../util/unhandled.js";
import { ByteQueue, isData, toBytes } from "../bytes.js";

/**
 * A request as {@link HTTPParser} reads it: its request line, its headers and where it came from.
 * @remarks Kamaelia kept these in a dictionary with keys such as `"raw-uri"` and `"non-query-uri"`;
 * here they are `uri` and `path`.
 */
export interface HTTPRequest {
  /** The method: `"GET"`, `"POST"`, ... */
  readonly method: string;
  /** The request target exactly as sent: `"/docs/index.html?lang=en"` (Kamaelia's `raw-uri`). */
  readonly uri: string;
  /** The target's path, without the query, not decoded: `"/docs/index.html"` (Kamaelia's `non-query-uri`). */
  readonly path: string;
  /** What follows the first `?` of the target, or `""`. */
  readonly query: string;
  /** Always `"HTTP"`. */
  readonly protocol: string;
  /** `"1.0"` or `"1.1"` (a later 1.x is read as 1.1). */
  readonly version: string;
  /** The header fields; names are case-insensitive and repeated fields are joined with `", "`. */
  readonly headers: Headers;
  /** Whether the client expects the connection to stay open after the response. */
  readonly keepAlive: boolean;
  /** The whole body, when the parser collects bodies (`collectBody`). */
  readonly body?: Uint8Array;
  /** The client's address, when the server told the parser. */
  readonly peer?: string;
  /** The client's port, when the server told the parser. */
  readonly peerport?: number;
  /** The server's address on this connection, when the server told the parser. */
  readonly localip?: string;
  /** The server's port on this connection, when the server told the parser. */
  readonly localport?: number;
  /** The routing prefix that chose the handler (set by {@link requestHandlers}). */
  readonly uriPrefixTrigger?: string;
  /** The rest of `path` after that prefix (set by {@link requestHandlers}). */
  readonly uriSuffix?: string;
}

/** The head of a response as {@link HTTPParser} reads it in `"response"` mode. */
export interface HTTPResponseHead {
  /** Always `"HTTP"`. */
  readonly protocol: string;
  /** `"1.0"` or `"1.1"`. */
  readonly version: string;
  /** The status code: 200, 404, ... */
  readonly statuscode: number;
  /** The reason phrase sent after the code, or `""`. */
  readonly reason: string;
  /** The header fields; names are case-insensitive and repeated fields are joined with `", "`. */
  readonly headers: Headers;
  /** The whole body, when the parser collects bodies (`collectBody`). */
  readonly body?: Uint8Array;
  /** The URL the response came from, after any redirects (set by the HTTP clients). */
  readonly url?: string;
}

/**
 * The head of a request or response: sent first for each message.
 * @remarks Port of Kamaelia.Protocol.HTTP.HTTPParser.ParsedHTTPHeader; `header` is what Kamaelia's
 * request dictionary held.
 */
export class ParsedHTTPHeader<Head extends HTTPRequest | HTTPResponseHead = HTTPRequest> {
  /** @param header - the request (or response head) */
  constructor(readonly header: Head) {}
}

/**
 * A piece of a message body, sent after its {@link ParsedHTTPHeader}, already de-chunked.
 * @remarks Port of Kamaelia.Protocol.HTTP.HTTPParser.ParsedHTTPBodyChunk.
 */
export class ParsedHTTPBodyChunk {
  /** @param bodychunk - the bytes */
  constructor(readonly bodychunk: Uint8Array) {}
}

/**
 * The end of a message: sent after its last body chunk.
 * @remarks Port of Kamaelia.Protocol.HTTP.HTTPParser.ParsedHTTPEnd.
 */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a message whose class is all it says
export class ParsedHTTPEnd {}

/**
 * A message that could not be read: what a server should answer, and why. Nothing more is read after it.
 * @remarks Kamaelia marked such requests `bad`; here the status says how: 400 (malformed), 408 (the
 * client stopped sending in the middle of a request), 413 (body too large), 431 (head too large), 501
 * (a transfer coding other than chunked) or 505 (an HTTP version other than 1.x).
 */
export class ParsedHTTPError {
  /**
   * @param statuscode - the status a server should answer with
   * @param message - what was wrong, for the error page
   */
  constructor(
    readonly statuscode: number,
    readonly message: string,
  ) {}
}

/** Options for an {@link HTTPParser}. */
export interface HTTPParserOptions {
  /** `"request"` (default: a server reading requests) or `"response"` (a client reading responses). */
  readonly mode?: "request" | "response";
  /** The most bytes the request line (or status line) and headers may take. Default 16384; more gives 431. */
  readonly maxHeaderBytes?: number;
  /** The most bytes a body may have. Default 1048576 (1 MiB); more gives 413. `Infinity`: no limit. */
  readonly maxBodyBytes?: number;
  /** Send each body whole in the header message's `body` instead of as body chunks. Default false. */
  readonly collectBody?: boolean;
  /**
   * Milliseconds without input after which the parser gives up: in the middle of a message it sends a
   * 408 `ParsedHTTPError`, between messages it just ends. Default 30000; `Infinity`: never.
   */
  readonly idleTimeout?: number;
  /** The client's address, copied into each request. */
  readonly peer?: string;
  /** The client's port, copied into each request. */
  readonly peerport?: number;
  /** The server's address, copied into each request. */
  readonly localip?: string;
  /** The server's port, copied into each request. */
  readonly localport?: number;
}

const LF = 0x0a;
const CR = 0x0d;
const MAX_CHUNK_LINE = 4096;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const REQUEST_LINE = /^([^ ]+) ([^ ]+) HTTP\/(\d)\.(\d)$/;
const STATUS_LINE = /^HTTP\/(\d)\.(\d) (\d{3})(?: ([\t\x20-\x7e\x80-\xff]*))?$/;
const TARGET = /^[\x21-\x7e]+$/;
// Field values hold visible characters, spaces, tabs and obs-text; no other control characters.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/;

/** A failure to read a message: becomes a {@link ParsedHTTPError}. */
class Refusal extends AxonException {
  constructor(
    readonly statuscode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bytes as ISO-8859-1 text, one character per byte, as HTTP heads are read. */
function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let at = 0; at < bytes.length; at += 8192) text += String.fromCharCode(...bytes.subarray(at, at + 8192));
  return text;
}

function limit(option: number | undefined, fallback: number, name: string, allowInfinity: boolean): number {
  const value = option ?? fallback;
  const ok = allowInfinity ? value === Infinity || (Number.isSafeInteger(value) && value >= 0) : Number.isSafeInteger(value) && value > 0;
  if (!ok) throw new BadArgument("HTTPParser", name, value, allowInfinity ? "a whole number of at least 0, or Infinity" : "a whole number greater than 0");
  return value;
}

type State = "head" | "length" | "chunkSize" | "chunkData" | "chunkEnd" | "trailers" | "untilClose" | "failed";

/**
 * Reads HTTP/1.x requests (or responses) from a byte stream and sends each as a header message, body
 * chunks and an end message.
 * @remarks Port of Kamaelia.Protocol.HTTP.HTTPParser. It takes the bytes of one connection on `inbox`
 * (`Uint8Array`, or strings, which are read as UTF-8) and sends, for each message, a
 * {@link ParsedHTTPHeader} (an {@link HTTPRequest}, or an {@link HTTPResponseHead} in `"response"`
 * mode), then {@link ParsedHTTPBodyChunk}s (de-chunked) and a {@link ParsedHTTPEnd}; with `collectBody`
 * the header carries the whole body instead. It reads one message after another on the same connection
 * (Kamaelia's read one). A body is framed by `Transfer-Encoding: chunked` or `Content-Length`; a request
 * with neither has none; a response with neither runs until the input ends. A request that breaks the
 * rules (a malformed line or header, HTTP/1.1 without `Host`, both framings, a bad chunk), a head larger
 * than `maxHeaderBytes`, a body larger than `maxBodyBytes`, or a client that stops sending for
 * `idleTimeout` in the middle of a request gives a {@link ParsedHTTPError} with the status to answer
 * (400, 431, 413, 408, ...); it then reads nothing more and ends. Unlike Kamaelia it refuses HTTP/0.9
 * and spaces inside the request target. Other messages on `inbox` are skipped and reported as
 * `ErrorInformation` from `signal`. `ProducerFinished` on `control` means the input has ended: the
 * waiting input is read (a message cut short gives a 400 error; a response running until the end is
 * ended), then it is passed on from `signal` and the parser ends; `ShutdownMicroprocess` is passed on
 * at once. When it ends by itself (an error, or idle between messages) it sends `ProducerFinished`.
 * @inbox inbox - the bytes of the connection: `Uint8Array` or string
 * @inbox control - `ProducerFinished` (the input has ended) or `ShutdownMicroprocess` (stop now)
 * @outbox outbox - `ParsedHTTPHeader`, `ParsedHTTPBodyChunk`, `ParsedHTTPEnd` for each message; `ParsedHTTPError` for one that cannot be read
 * @outbox signal - the shutdown message, or `ProducerFinished` when it ends by itself; `ErrorInformation` for input that is not bytes
 * @see {@link HTTPRequestHandler} which answers what it sends, {@link HTTPServer} which wires the two.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, HTTPParser, ParsedHTTPEnd, ParsedHTTPHeader, Pipeline, PureTransformer } from "kamaelia";
 * await new Pipeline(
 *   new DataSource(["GET /hello?who=you HTTP/1.1\r\nHost: example.org\r\n\r\n"]),
 *   new HTTPParser(),
 *   new PureTransformer((message: unknown) =>
 *     message instanceof ParsedHTTPHeader ? `${message.header.method} ${message.header.path} from ${message.header.headers.get("HOST")}` : message instanceof ParsedHTTPEnd ? "end" : undefined,
 *   ),
 *   new ConsoleEchoer(),
 * ).run(); // GET /hello from example.org, end
 * ```
 */
export class HTTPParser extends Component {
  static override Inboxes = {
    inbox: "the bytes of the connection: Uint8Array or string",
    control: "ProducerFinished (the input has ended) or ShutdownMicroprocess (stop now)",
  };
  static override Outboxes = {
    outbox: "ParsedHTTPHeader, ParsedHTTPBodyChunk, ParsedHTTPEnd for each message; ParsedHTTPError for one that cannot be read",
    signal: "the shutdown message, or ProducerFinished when it ends by itself; ErrorInformation for input that is not bytes",
  };

  readonly #mode: "request" | "response";
  readonly #maxHeaderBytes: number;
  readonly #maxBodyBytes: number;
  readonly #collectBody: boolean;
  readonly #idleTimeout: number;
  readonly #connection: Pick<HTTPRequest, "peer" | "peerport" | "localip" | "localport">;
  readonly #buffer = new ByteQueue();
  #state: State = "head";
  /** Where the line being looked at starts, and how far the head has been searched for its end. */
  #lineStart = 0;
  #scanned = 0;
  /** Blank lines skipped before the message's first line: they count towards the head's size. */
  #skipped = 0;
  /** The message being read, until its end has been sent. */
  #head: HTTPRequest | HTTPResponseHead | null = null;
  /** Bytes left of the body (`length`) or of the chunk (`chunkData`). */
  #remaining = 0;
  #bodyBytes = 0;
  #collected: Uint8Array[] = [];
  #lastInput = 0;

  /** @param options - request or response mode, limits, and where the connection comes from */
  constructor(options: HTTPParserOptions = {}) {
    super();
    this.#mode = options.mode ?? "request";
    this.#maxHeaderBytes = limit(options.maxHeaderBytes, 16384, "maxHeaderBytes", false);
    this.#maxBodyBytes = limit(options.maxBodyBytes, 1048576, "maxBodyBytes", true);
    this.#collectBody = options.collectBody ?? false;
    const idle = options.idleTimeout ?? 30000;
    if (!(idle === Infinity || (Number.isFinite(idle) && idle > 0))) throw new BadArgument("HTTPParser", "idleTimeout", idle, "a number of milliseconds greater than 0, or Infinity");
    this.#idleTimeout = idle;
    const { peer, peerport, localip, localport } = options;
    this.#connection = {
      ...(peer === undefined ? {} : { peer }),
      ...(peerport === undefined ? {} : { peerport }),
      ...(localip === undefined ? {} : { localip }),
      ...(localport === undefined ? {} : { localport }),
    };
  }

  override *main(): Generator<unknown, void, unknown> {
    let cancelTimer: (() => void) | undefined;
    this.#lastInput = this.#now();
    try {
      for (;;) {
        let finished: ProducerFinished | undefined;
        while (this.dataReady("control") > 0) {
          const message = this.recv("control");
          if (message instanceof ShutdownMicroprocess) {
            this.send(message, "signal");
            return;
          }
          if (message instanceof ProducerFinished) finished ??= message;
          else this.send(message, "signal");
        }
        while (this.dataReady("inbox") > 0) {
          const data = this.recv("inbox");
          this.#lastInput = this.#now();
          if (!isData(data)) {
            this.send(unhandled(this, "inbox", data, "the bytes of an HTTP connection: a Uint8Array or a string"), "signal");
          } else if (this.#state !== "failed") {
            this.#buffer.push(toBytes(data));
            this.#read();
          }
        }
        if (finished !== undefined) {
          this.#endOfInput();
          this.send(finished, "signal");
          return;
        }
        if (this.#state === "failed") {
          this.send(new ProducerFinished(this), "signal");
          return;
        }
        if (this.#idleTimeout !== Infinity) {
          const quiet = this.#now() - this.#lastInput;
          if (quiet >= this.#idleTimeout) {
            if (this.#inMessage()) {
              this.#fail(new Refusal(408, `The client sent nothing for ${String(this.#idleTimeout)} ms in the middle of a request.`));
            }
            this.send(new ProducerFinished(this), "signal");
            return;
          }
          cancelTimer?.();
          cancelTimer = this.wakeAfter(this.#idleTimeout - quiet);
        }
        this.pause();
        yield;
      }
    } finally {
      cancelTimer?.();
    }
  }

  #now(): number {
    return this.scheduler?.clock.now() ?? 0;
  }

  /** True when part of a message has been read. */
  #inMessage(): boolean {
    return this.#state !== "head" || this.#buffer.length > 0;
  }

  #endOfInput(): void {
    if (this.#state === "failed") return;
    if (this.#state === "untilClose") {
      this.#endMessage();
      return;
    }
    if (this.#inMessage()) this.#fail(new Refusal(400, "The input ended in the middle of a message."));
  }

  #fail(refusal: Refusal): void {
    this.#state = "failed";
    this.#buffer.skip(this.#buffer.length);
    this.#collected = [];
    this.send(new ParsedHTTPError(refusal.statuscode, refusal.message), "outbox");
  }

  /** Reads as far as the buffered bytes go. */
  #read(): void {
    try {
      while (this.#step()) {
        // Each step consumed bytes or moved to another state.
      }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.#fail(error);
    }
  }

  /** One step of the state machine; false when it needs more input. */
  #step(): boolean {
    switch (this.#state) {
      case "head":
        return this.#readHead();
      case "length":
        return this.#readBody("length");
      case "chunkSize":
        return this.#readChunkSize();
      case "chunkData":
        return this.#readBody("chunkData");
      case "chunkEnd":
        return this.#readChunkEnd();
      case "trailers":
        return this.#readTrailers();
      case "untilClose":
        return this.#readBody("untilClose");
      case "failed":
        return false;
    }
  }

  #readHead(): boolean {
    const bytes = this.#buffer.view();
    for (let end = bytes.indexOf(LF, this.#scanned); end >= 0; end = bytes.indexOf(LF, end + 1)) {
      const lineEnd = end > this.#lineStart && bytes[end - 1] === CR ? end - 1 : end;
      if (lineEnd > this.#lineStart) {
        this.#lineStart = end + 1;
        continue;
      }
      if (this.#lineStart === 0) {
        // Blank lines before a request line are allowed (RFC 9112 section 2.2).
        this.#skipped += end + 1;
        this.#buffer.skip(end + 1);
        this.#scanned = 0;
        if (this.#skipped > this.#maxHeaderBytes) throw this.#tooLarge();
        return true;
      }
      if (this.#skipped + end + 1 > this.#maxHeaderBytes) throw this.#tooLarge();
      const head = latin1(bytes.subarray(0, this.#lineStart));
      this.#buffer.skip(end + 1);
      this.#lineStart = 0;
      this.#scanned = 0;
      this.#skipped = 0;
      this.#startMessage(head);
      return true;
    }
    this.#scanned = bytes.length;
    if (this.#skipped + bytes.length > this.#maxHeaderBytes) throw this.#tooLarge();
    return false;
  }

  #tooLarge(): Refusal {
    return new Refusal(431, `The request line and headers are larger than ${String(this.#maxHeaderBytes)} bytes.`);
  }

  #startMessage(head: string): void {
    const lines = head.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
    lines.pop();
    const [first = "", ...fieldLines] = lines;
    const fields = parseFields(fieldLines);
    const headers = new Headers();
    try {
      for (const [name, value] of fields) headers.append(name, value);
    } catch {
      throw new Refusal(400, "A header cannot be represented.");
    }
    const framing = this.#mode === "request" ? this.#startRequest(first, fields, headers) : this.#startResponse(first, headers);
    this.#bodyBytes = 0;
    this.#collected = [];
    if (!this.#collectBody) this.#sendHead();
    if (framing === "none") {
      this.#endMessage();
    } else if (typeof framing === "number") {
      this.#remaining = framing;
      this.#state = "length";
      if (framing === 0) this.#endMessage();
    } else {
      this.#state = framing;
    }
  }

  #startRequest(line: string, fields: readonly (readonly [string, string])[], headers: Headers): "none" | "chunkSize" | number {
    const parts = REQUEST_LINE.exec(line);
    if (parts === null) {
      if (/^[^ ]+ [^ ]+ HTTP\/\d+\.\d+$/.test(line)) throw new Refusal(505, "Only HTTP/1.0 and HTTP/1.1 are supported.");
      throw new Refusal(400, "The request line is not \"METHOD target HTTP/1.x\".");
    }
    const [, method = "", uri = "", major, minor = "0"] = parts;
    if (major !== "1") throw new Refusal(505, "Only HTTP/1.0 and HTTP/1.1 are supported.");
    if (!TOKEN.test(method)) throw new Refusal(400, "The request method is not a token.");
    const { path, query } = splitTarget(method, uri);
    const version = minor === "0" ? "1.0" : "1.1";
    const hosts = fields.filter(([name]) => name.toLowerCase() === "host").length;
    if (hosts > 1) throw new Refusal(400, "The request has more than one Host header.");
    if (version === "1.1" && hosts === 0) throw new Refusal(400, "HTTP/1.1 requests need a Host header.");
    const tokens = (headers.get("connection") ?? "").toLowerCase().split(",").map((token) => token.trim());
    const keepAlive = version === "1.1" ? !tokens.includes("close") : tokens.includes("keep-alive");
    this.#head = { method, uri, path, query, protocol: "HTTP", version, headers, keepAlive, ...this.#connection };
    const length = this.#bodyLength(headers, version);
    return length ?? "none";
  }

  #startResponse(line: string, headers: Headers): "none" | "chunkSize" | "untilClose" | number {
    const parts = STATUS_LINE.exec(line);
    if (parts === null) throw new Refusal(400, "The status line is not \"HTTP/1.x code reason\".");
    const [, major, minor = "0", code = "", reason = ""] = parts;
    if (major !== "1") throw new Refusal(505, "Only HTTP/1.0 and HTTP/1.1 are supported.");
    const version = minor === "0" ? "1.0" : "1.1";
    const statuscode = Number(code);
    this.#head = { protocol: "HTTP", version, statuscode, reason, headers };
    if (statuscode < 200 || statuscode === 204 || statuscode === 304) return "none";
    return this.#bodyLength(headers, version) ?? "untilClose";
  }

  /** How the body is framed: chunked, a length, or (undefined) neither header. */
  #bodyLength(headers: Headers, version: string): "chunkSize" | number | undefined {
    const coding = headers.get("transfer-encoding");
    const length = headers.get("content-length");
    if (coding !== null) {
      if (length !== null) throw new Refusal(400, "The message has both Transfer-Encoding and Content-Length.");
      if (version === "1.0") throw new Refusal(400, "HTTP/1.0 messages cannot use Transfer-Encoding.");
      if (coding.trim().toLowerCase() !== "chunked") throw new Refusal(501, `The transfer coding "${coding}" is not supported; only chunked is.`);
      return "chunkSize";
    }
    if (length === null) return undefined;
    const values = length.split(",").map((value) => value.trim());
    const first = values[0] ?? "";
    if (!/^\d+$/.test(first) || values.some((value) => value !== first)) throw new Refusal(400, "The Content-Length header is not one whole number.");
    const bytes = Number(first);
    if (bytes > this.#maxBodyBytes) throw this.#bodyTooLarge();
    if (!Number.isSafeInteger(bytes)) throw new Refusal(400, "The Content-Length header is too large a number.");
    return bytes;
  }

  #bodyTooLarge(): Refusal {
    return new Refusal(413, `The body is larger than ${String(this.#maxBodyBytes)} bytes.`);
  }

  #readBody(state: "length" | "chunkData" | "untilClose"): boolean {
    const available = this.#buffer.length;
    if (available === 0) return false;
    const count = state === "untilClose" ? available : Math.min(this.#remaining, available);
    this.#bodyBytes += count;
    if (this.#bodyBytes > this.#maxBodyBytes) throw this.#bodyTooLarge();
    const bytes = this.#buffer.take(count);
    if (this.#collectBody) this.#collected.push(bytes);
    else this.send(new ParsedHTTPBodyChunk(bytes), "outbox");
    if (state === "untilClose") return false;
    this.#remaining -= count;
    if (this.#remaining > 0) return false;
    if (state === "length") this.#endMessage();
    else this.#state = "chunkEnd";
    return true;
  }

  /** The next line of a chunked body, without its line end; undefined until it has all arrived. */
  #line(what: string): string | undefined {
    const bytes = this.#buffer.view();
    const end = bytes.subarray(0, MAX_CHUNK_LINE + 1).indexOf(LF);
    if (end < 0) {
      if (bytes.length > MAX_CHUNK_LINE) throw new Refusal(400, `A ${what} line is longer than ${String(MAX_CHUNK_LINE)} bytes.`);
      return undefined;
    }
    const line = latin1(bytes.subarray(0, end > 0 && bytes[end - 1] === CR ? end - 1 : end));
    this.#buffer.skip(end + 1);
    return line;
  }

  #readChunkSize(): boolean {
    const line = this.#line("chunk size");
    if (line === undefined) return false;
    const size = CHUNK_SIZE.exec(line)?.[1];
    if (size === undefined) throw new Refusal(400, "A chunk size line is not a hexadecimal number.");
    this.#remaining = parseInt(size, 16);
    if (this.#bodyBytes + this.#remaining > this.#maxBodyBytes) throw this.#bodyTooLarge();
    this.#state = this.#remaining === 0 ? "trailers" : "chunkData";
    return true;
  }

  #readChunkEnd(): boolean {
    const line = this.#line("chunk end");
    if (line === undefined) return false;
    if (line !== "") throw new Refusal(400, "A chunk's data is not followed by a line end.");
    this.#state = "chunkSize";
    return true;
  }

  #readTrailers(): boolean {
    const line = this.#line("trailer");
    if (line === undefined) return false;
    this.#skipped += line.length + 2;
    if (this.#skipped > this.#maxHeaderBytes) throw this.#tooLarge();
    if (line !== "") return true;
    this.#skipped = 0;
    this.#endMessage();
    return true;
  }

  #sendHead(): void {
    const head = this.#head;
    if (head === null) return;
    if (!this.#collectBody) {
      this.send(new ParsedHTTPHeader(head), "outbox");
      return;
    }
    const body = new Uint8Array(this.#bodyBytes);
    let at = 0;
    for (const part of this.#collected) {
      body.set(part, at);
      at += part.length;
    }
    this.#collected = [];
    this.send(new ParsedHTTPHeader({ ...head, body }), "outbox");
  }

  #endMessage(): void {
    if (this.#collectBody) this.#sendHead();
    this.send(new ParsedHTTPEnd(), "outbox");
    this.#head = null;
    this.#state = "head";
  }
}

/** The header lines as `[name, value]` pairs, folded lines joined (as Kamaelia did). */
function parseFields(lines: readonly string[]): [string, string][] {
  const fields: [string, string][] = [];
  for (const line of lines) {
    if (line.includes("\r") || line.includes("\0")) throw new Refusal(400, "A header line holds a carriage return or a NUL.");
    const last = fields[fields.length - 1];
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (last === undefined) throw new Refusal(400, "The first header line is a continuation line.");
      last[1] = `${last[1]} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(":");
    const name = colon < 0 ? "" : line.slice(0, colon);
    if (!TOKEN.test(name)) throw new Refusal(400, "A header line is not \"Name: value\".");
    fields.push([name, line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "")]);
  }
  for (const [, value] of fields) {
    if (!FIELD_VALUE.test(value)) throw new Refusal(400, "A header value holds a control character.");
  }
  return fields;
}

/** The path and query of a request target, after checking its form (RFC 9112 section 3.2). */
function splitTarget(method: string, uri: string): { path: string; query: string } {
  if (!TARGET.test(uri)) throw new Refusal(400, "The request target holds characters that are not allowed.");
  const question = uri.indexOf("?");
  const beforeQuery = question < 0 ? uri : uri.slice(0, question);
  const query = question < 0 ? "" : uri.slice(question + 1);
  if (uri.startsWith("/")) return { path: beforeQuery, query };
  if (uri === "*" && method === "OPTIONS") return { path: "*", query: "" };
  if (method === "CONNECT" && /^[^/?#@]+:\d+$/.test(uri)) return { path: "", query: "" };
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/.exec(beforeQuery);
  if (absolute !== null && absolute[0] === beforeQuery) return { path: absolute[1] ?? "/", query };
  throw new Refusal(400, "The request target is not a path, an absolute URL, \"*\" or host:port.");
}
