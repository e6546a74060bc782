import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../../axon/Ipc.js";
import { Harness, httpEvents, runComponent, thrown } from "../../test-support/harness.js";
import { HTTPParser, ParsedHTTPError, ParsedHTTPHeader, type HTTPParserOptions, type HTTPRequest, type HTTPResponseHead } from "./HTTPParser.js";

const GET = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";

/** Runs a parser on `chunks` followed by the end of input, and returns its events. */
async function parse(chunks: readonly (string | Uint8Array)[], options: HTTPParserOptions = {}): Promise<string[]> {
  const outputs = await runComponent(new HTTPParser(options), { inbox: chunks, control: [new ProducerFinished()] });
  return httpEvents(outputs["outbox"] ?? []);
}

/** The first request (or response head) a parser sends for `text`. */
async function head<T extends HTTPRequest | HTTPResponseHead = HTTPRequest>(text: string, options: HTTPParserOptions = {}): Promise<T> {
  const outputs = await runComponent(new HTTPParser(options), { inbox: [text], control: [new ProducerFinished()] });
  const header = (outputs["outbox"] ?? []).find((message) => message instanceof ParsedHTTPHeader);
  if (header === undefined) throw new Error(`no header in ${httpEvents(outputs["outbox"] ?? []).join(", ")}`);
  return header.header as T;
}

/** What a request gets refused with: the status, or "parsed" if it was not refused. */
async function refusal(text: string, options: HTTPParserOptions = {}): Promise<number | "parsed"> {
  const outputs = await runComponent(new HTTPParser(options), { inbox: [text] });
  const error = (outputs["outbox"] ?? []).find((message) => message instanceof ParsedHTTPError);
  return error?.statuscode ?? "parsed";
}

describe("HTTPParser reading requests", () => {
  it("reads a request line and headers into a request, then an end", async () => {
    const request = await head("GET /docs/a.html?lang=en&x=1 HTTP/1.1\r\nHost: example.org\r\nX-Thing:  spaced value \r\n\r\n");
    expect(request).toMatchObject({ method: "GET", uri: "/docs/a.html?lang=en&x=1", path: "/docs/a.html", query: "lang=en&x=1", protocol: "HTTP", version: "1.1", keepAlive: true });
    expect(request.headers.get("HOST")).toBe("example.org");
    expect(request.headers.get("x-thing")).toBe("spaced value");
    expect(await parse([GET])).toEqual(["head GET /a", "end"]);
  });

  it("reads the same request whether it arrives whole or a byte at a time", async () => {
    const text = "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
    const bytes = Array.from(new TextEncoder().encode(text), (byte) => Uint8Array.of(byte));
    expect(await parse(bytes)).toEqual(await parse([text]));
    expect(await parse(bytes)).toEqual(["head POST /form", "body hello", "end"]);
  });

  it("reads pipelined requests one after another, bodies included", async () => {
    const text = `${GET}POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /c HTTP/1.0\r\n\r\n`;
    expect(await parse([text])).toEqual(["head GET /a", "end", "head POST /b", "body abc", "end", "head GET /c", "end"]);
  });

  it("de-chunks a chunked body, ignoring chunk extensions and trailers", async () => {
    const text = "POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;name=v\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n" + GET;
    expect(await parse([text])).toEqual(["head POST /up", "body hello world", "end", "head GET /a", "end"]);
  });

  it("hands the whole body over in the header with collectBody", async () => {
    const outputs = await runComponent(new HTTPParser({ collectBody: true }), {
      inbox: ["PUT /f HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"],
    });
    const [header, end] = outputs["outbox"] ?? [];
    expect(new TextDecoder().decode((header as ParsedHTTPHeader).header.body)).toBe("abcde");
    expect(httpEvents([end])).toEqual(["end"]);
  });

  it("gives a request without a body an empty body with collectBody", async () => {
    const request = await head(GET, { collectBody: true });
    expect(request.body).toEqual(new Uint8Array(0));
  });

  it("copies where the connection comes from into each request", async () => {
    const request = await head(GET, { peer: "10.0.0.1", peerport: 4000, localip: "10.0.0.2", localport: 80 });
    expect(request).toMatchObject({ peer: "10.0.0.1", peerport: 4000, localip: "10.0.0.2", localport: 80 });
  });

  it("keeps HTTP/1.1 connections open unless asked to close, and HTTP/1.0 ones only when asked", async () => {
    expect((await head("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).keepAlive).toBe(false);
    expect((await head("GET / HTTP/1.0\r\n\r\n")).keepAlive).toBe(false);
    expect((await head("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")).keepAlive).toBe(true);
    expect((await head("GET / HTTP/1.2\r\nHost: x\r\n\r\n")).version).toBe("1.1");
  });

  it("skips blank lines before a request and accepts bare line feeds", async () => {
    expect(await parse(["\r\n\n", "GET /a HTTP/1.1\nHost: x\n\n"])).toEqual(["head GET /a", "end"]);
  });

  it("joins folded header lines and repeated headers", async () => {
    const request = await head("GET / HTTP/1.1\r\nHost: x\r\nX-Long: one\r\n  two\r\nAccept: a\r\nAccept: b\r\n\r\n");
    expect(request.headers.get("x-long")).toBe("one two");
    expect(request.headers.get("accept")).toBe("a, b");
  });

  it("reads absolute-form, asterisk-form and authority-form targets", async () => {
    expect(await head("GET http://example.org/p?q HTTP/1.1\r\nHost: example.org\r\n\r\n")).toMatchObject({ path: "/p", query: "q" });
    expect(await head("GET http://example.org HTTP/1.1\r\nHost: example.org\r\n\r\n")).toMatchObject({ path: "/" });
    expect(await head("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")).toMatchObject({ path: "*" });
    expect(await head("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org\r\n\r\n")).toMatchObject({ path: "" });
  });
});

describe("HTTPParser refusing requests", () => {
  it.each([
    ["a request line without a version", "GET /\r\n\r\n"],
    ["a lowercase protocol name", "GET / http/1.1\r\nHost: x\r\n\r\n"],
    ["a space inside the target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["two spaces between the parts", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["a method that is not a token", "G(T / HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["a relative target", "GET a/b HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n"],
    ["two Host headers", "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"],
    ["a space before a header's colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n"],
    ["a header line without a colon", "GET / HTTP/1.1\r\nHost: x\r\nnonsense\r\n\r\n"],
    ["a NUL in a header", "GET / HTTP/1.1\r\nHost: x\0y\r\n\r\n"],
    ["a bare carriage return in a header", "GET / HTTP/1.1\r\nHost: x\ry\r\n\r\n"],
    ["a control character in a header value", "GET / HTTP/1.1\r\nHost: x\x01\r\n\r\n"],
    ["a continuation line first", "GET / HTTP/1.1\r\n folded\r\nHost: x\r\n\r\n"],
    ["Content-Length and Transfer-Encoding together", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"],
    ["a Content-Length that is not a number", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"],
    ["two different Content-Lengths", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"],
    ["Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"],
    ["a chunk size that is not hexadecimal", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"],
    ["chunk data without its line end", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n"],
  ])("answers 400 to %s", async (_what, text) => {
    expect(await refusal(text)).toBe(400);
  });

  it("answers 505 to HTTP versions other than 1.x", async () => {
    expect(await refusal("GET / HTTP/2.0\r\nHost: x\r\n\r\n")).toBe(505);
    expect(await refusal("GET / HTTP/10.1\r\nHost: x\r\n\r\n")).toBe(505);
  });

  it("answers 501 to a transfer coding other than chunked", async () => {
    expect(await refusal("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")).toBe(501);
  });

  it("answers 431 as soon as the head outgrows maxHeaderBytes, without waiting for its end", async () => {
    expect(await refusal(`GET / HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(100)}`, { maxHeaderBytes: 64 })).toBe(431);
    expect(await refusal(`GET / HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(100)}\r\n\r\n`, { maxHeaderBytes: 64 })).toBe(431);
    expect(await refusal("\r\n".repeat(40), { maxHeaderBytes: 64 })).toBe(431);
    expect(await refusal(`GET / HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(32)}\r\n\r\n`, { maxHeaderBytes: 64 })).toBe("parsed");
    expect(await refusal(`GET / HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(33)}\r\n\r\n`, { maxHeaderBytes: 64 })).toBe(431);
  });

  it("answers 413 to a Content-Length over maxBodyBytes before any of the body arrives", async () => {
    expect(await parse(["POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n"], { maxBodyBytes: 10 })).toEqual(["error 413"]);
    expect(await parse(["POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n"])).toEqual(["error 413"]);
    expect(await parse(["POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789"], { maxBodyBytes: 10 })).toEqual(["head POST /", "body 0123456789", "end"]);
  });

  it("answers 413 when a chunked body outgrows maxBodyBytes, after the header it already sent", async () => {
    const text = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nghijkl\r\n0\r\n\r\n";
    expect(await parse([text], { maxBodyBytes: 10 })).toEqual(["head POST /", "body abcdef", "error 413"]);
  });

  it("reads nothing more after an error and ends, sending ProducerFinished", async () => {
    const outputs = await runComponent(new HTTPParser(), { inbox: ["BAD\r\n\r\n", GET] });
    expect(httpEvents(outputs["outbox"] ?? [])).toEqual(["error 400"]);
    expect(outputs["signal"]).toEqual([expect.any(ProducerFinished)]);
  });

  it("answers 400 when the input ends in the middle of a request", async () => {
    expect(await parse(["GET / HTTP/1.1\r\nHost:"])).toEqual(["error 400"]);
    expect(await parse(["POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab"])).toEqual(["head POST /", "body ab", "error 400"]);
  });

  it("carries a readable reason with each refusal", async () => {
    const outputs = await runComponent(new HTTPParser(), { inbox: ["GET / HTTP/1.1\r\n\r\n"] });
    expect((outputs["outbox"]?.[0] as ParsedHTTPError).message).toMatchInlineSnapshot(`"HTTP/1.1 requests need a Host header."`);
  });
});

describe("HTTPParser ending", () => {
  it("passes ProducerFinished on once the input has been read, between requests", async () => {
    const finished = new ProducerFinished();
    const outputs = await runComponent(new HTTPParser(), { inbox: [GET], control: [finished] });
    expect(httpEvents(outputs["outbox"] ?? [])).toEqual(["head GET /a", "end"]);
    expect(outputs["signal"]).toEqual([finished]);
  });

  it("passes ShutdownMicroprocess on at once, reading nothing more", () => {
    const harness = new Harness(new HTTPParser());
    const shutdown = new ShutdownMicroprocess();
    harness.send("control", shutdown).send("inbox", GET).settle();
    expect(harness.take("signal")).toEqual([shutdown]);
    expect(harness.take()).toEqual([]);
    expect(harness.component.finished).toBe(true);
  });

  it("answers 408 to a client that stops sending in the middle of a request for idleTimeout", () => {
    const harness = new Harness(new HTTPParser({ idleTimeout: 1000 }));
    harness.send("inbox", "GET / HTTP/1.1\r\n").settle();
    harness.advance(600).send("inbox", "Host: x\r\n").settle().advance(600);
    expect(harness.component.finished).toBe(false);
    harness.advance(400);
    expect(httpEvents(harness.take())).toEqual(["error 408"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component.finished).toBe(true);
  });

  it("ends quietly when idle between requests for idleTimeout", () => {
    const harness = new Harness(new HTTPParser({ idleTimeout: 1000 }));
    harness.send("inbox", GET).settle().advance(999);
    expect(harness.component.finished).toBe(false);
    harness.advance(1);
    expect(httpEvents(harness.take())).toEqual(["head GET /a", "end"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component.finished).toBe(true);
    expect(harness.clock.nextTimerAt()).toBeUndefined();
  });

  it("waits for ever with idleTimeout Infinity", () => {
    const harness = new Harness(new HTTPParser({ idleTimeout: Infinity }));
    harness.send("inbox", "GET / HT").settle();
    expect(harness.clock.nextTimerAt()).toBeUndefined();
    harness.send("inbox", "TP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(httpEvents(harness.take())).toEqual(["head GET /", "end"]);
    harness.component.stop();
  });

  it("skips and reports input that is not bytes", async () => {
    const outputs = await runComponent(new HTTPParser(), { inbox: [42, GET], control: [new ProducerFinished()] });
    expect(httpEvents(outputs["outbox"] ?? [])).toEqual(["head GET /a", "end"]);
    const report = outputs["signal"]?.[0] as ErrorInformation;
    expect(String(report.message).replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"HTTPParser_N skipped the number 42 on its "inbox" inbox: it accepts the bytes of an HTTP connection: a Uint8Array or a string."`,
    );
  });

  it("refuses limits it cannot work with", () => {
    expect(thrown(() => new HTTPParser({ maxHeaderBytes: 0 }))).toMatchInlineSnapshot(
      `"BadArgument: new HTTPParser(): maxHeaderBytes must be a whole number greater than 0, not 0."`,
    );
    expect(thrown(() => new HTTPParser({ maxBodyBytes: -1 }))).toMatchInlineSnapshot(
      `"BadArgument: new HTTPParser(): maxBodyBytes must be a whole number of at least 0, or Infinity, not -1."`,
    );
    expect(thrown(() => new HTTPParser({ idleTimeout: 0 }))).toMatchInlineSnapshot(
      `"BadArgument: new HTTPParser(): idleTimeout must be a number of milliseconds greater than 0, or Infinity, not 0."`,
    );
  });
});

describe("HTTPParser reading responses", () => {
  const response = { mode: "response" } as const;

  it("reads a status line, headers and a body of known length", async () => {
    const text = "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope";
    expect(await parse([text], response)).toEqual(["head 404", "body nope", "end"]);
    expect(await head<HTTPResponseHead>(text, response)).toMatchObject({ statuscode: 404, reason: "Not Found", version: "1.1" });
  });

  it("reads a body without a length until the input ends", async () => {
    expect(await parse(["HTTP/1.0 200 OK\r\n\r\nall ", "of it"], response)).toEqual(["head 200", "body all of it", "end"]);
  });

  it("reads no body after 1xx, 204 and 304 responses", async () => {
    const text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n";
    expect(await parse([text], response)).toEqual(["head 100", "end", "head 204", "end", "head 304", "end", "head 200", "body ok", "end"]);
  });

  it("refuses a status line it cannot read", async () => {
    expect(await parse(["HTTP/1.1 OK\r\n\r\n"], response)).toEqual(["error 400"]);
  });
});

describe("HTTPParser on arbitrary input", () => {
  const encoder = new TextEncoder();
  const STATUSES = new Set([400, 408, 413, 431, 501, 505]);

  /** `data` cut at the given positions (modulo its length). */
  function cut(data: Uint8Array, positions: readonly number[]): Uint8Array[] {
    const at = [...new Set(positions.map((p) => p % (data.length + 1)))].sort((a, b) => a - b);
    return [0, ...at].map((start, i) => data.slice(start, at[i] ?? data.length));
  }

  /** Feeds `chunks` one at a time, then the end of input, stepping the scheduler a bounded number of cycles each time. */
  function run(chunks: readonly Uint8Array[], options: HTTPParserOptions) {
    const parser = new HTTPParser({ idleTimeout: Infinity, ...options });
    const harness = new Harness(parser);
    let cycles = 0;
    for (const chunk of chunks) {
      harness.send("inbox", chunk);
      cycles += harness.scheduler.runUntilIdle(10);
    }
    harness.send("control", new ProducerFinished());
    cycles += harness.scheduler.runUntilIdle(10);
    const outbox = harness.take();
    return { parser, cycles, outbox, events: httpEvents(outbox), signal: harness.take("signal") };
  }

  /** Mostly `valid`, sometimes one of `broken`. */
  const mostly = <T,>(valid: fc.Arbitrary<T>, broken: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: broken, weight: 1 });
  const printable = fc.stringMatching(/^[abcXYZ019 \-_./:;,=\t]{0,30}$/);
  const method = mostly(fc.constantFrom("GET", "POST", "PUT", "DELETE", "OPTIONS"), fc.constantFrom("G T", "", "GE(T", "get"));
  const target = mostly(fc.constantFrom("/", "/a/b?c=d", "/x%20y", "http://h/x", "/%2e%2e/"), fc.constantFrom("*", "h:80", "/a b", "", "/\u00e9", "/x\x7f", "a/b"));
  const version = mostly(fc.constantFrom("HTTP/1.1", "HTTP/1.0"), fc.constantFrom("HTTP/2.0", "HTTP/1", "http/1.1", "HTTP/1.1 ", ""));
  const field = mostly<[string, string]>(
    fc.tuple(fc.constantFrom("Accept", "X-A", "Connection", "Expect", "User-Agent"), mostly(printable, fc.constantFrom("close", "keep-alive", "100-continue"))),
    fc.tuple(fc.constantFrom("Bad Name", "", ":", "Content-Length", "Transfer-Encoding", "Host"), fc.constantFrom("x", "-1", "1, 2", "gzip", "a\x01b", "\0")),
  );
  const body = fc.string({ maxLength: 40 });
  const framing = mostly(fc.constantFrom("none", "length", "chunked"), fc.constantFrom("wrong length", "broken chunks", "both"));
  const request = fc
    .tuple(method, target, version, mostly(fc.constant(false), fc.constant(true)), fc.array(field, { maxLength: 4 }), framing, fc.array(body, { maxLength: 3 }), mostly(fc.constant("\r\n"), fc.constant("\n")))
    .map(([m, uri, v, omitHost, fields, frame, parts, eol]) => {
      const data = parts.join("");
      const size = encoder.encode(data).length;
      const lines = [`${m} ${uri} ${v}`, ...(omitHost ? [] : ["Host: x"]), ...fields.map(([n, x]) => `${n}: ${x}`)];
      if (frame === "length" || frame === "both") lines.push(`Content-Length: ${String(size)}`);
      if (frame === "wrong length") lines.push(`Content-Length: ${String(size + 1)}`);
      if (frame === "chunked" || frame === "broken chunks" || frame === "both") lines.push("Transfer-Encoding: chunked");
      let payload = frame === "none" ? "" : data;
      if (frame === "chunked" || frame === "both") payload = `${parts.map((p) => `${encoder.encode(p).length.toString(16)}\r\n${p}\r\n`).join("")}0\r\n\r\n`;
      if (frame === "broken chunks") payload = `${(size + 1).toString(16)}\r\n${data}\r\n0\r\n\r\n`;
      return `${lines.join(eol)}${eol}${eol}${payload}`;
    });
  const requests = fc.array(request, { minLength: 1, maxLength: 3 }).map((parts) => encoder.encode(parts.join("")));
  const pieces = fc
    .array(fc.constantFrom("GET", "POST", " ", "/", "HTTP/1.1", "HTTP/1.0", "\r\n", "\n", "\r", ":", "Host: x", "Content-Length: 3", "Transfer-Encoding: chunked", "0", "5", "abc", "\t", "\0", ";", "\r\n\r\n", "Connection: close"), {
      maxLength: 40,
    })
    .map((parts) => encoder.encode(parts.join("")));
  const limits = fc.record({ maxHeaderBytes: fc.integer({ min: 1, max: 400 }), maxBodyBytes: fc.integer({ min: 0, max: 64 }), collectBody: fc.boolean() });
  const mode = fc.constantFrom("request" as const, "response" as const);

  function check(data: Uint8Array, positions: readonly number[], options: HTTPParserOptions): void {
    const whole = run([data], options);
    const split = run(cut(data, positions), options);
    for (const outcome of [whole, split]) {
      expect(outcome.parser.exitError).toBeUndefined();
      expect(outcome.parser.finished).toBe(true);
      expect(outcome.signal.at(-1)).toBeInstanceOf(ProducerFinished);
      const shape = outcome.events.map((event) => (event === "end" ? "e" : event.startsWith("error") ? "x" : event[0])).join("");
      expect(shape).toMatch(/^(hb?e)*((hb?)?x)?$/);
      for (const message of outcome.outbox) if (message instanceof ParsedHTTPError) expect(STATUSES).toContain(message.statuscode);
    }
    expect(whole.cycles).toBeLessThanOrEqual(6);
    expect(split.cycles).toBeLessThanOrEqual(3 * (positions.length + 2));
    expect(split.events).toEqual(whole.events);
  }

  it("answers request-like input, cut anywhere, with parsed messages or one error, the same however it is cut", () => {
    fc.assert(
      fc.property(requests, fc.array(fc.nat(), { maxLength: 8 }), limits, (data, positions, options) => {
        check(data, positions, options);
      }),
      { numRuns: 3000 },
    );
  }, 30_000);

  it("never fails or hangs on pieces of HTTP in any order, in either mode", () => {
    fc.assert(
      fc.property(pieces, fc.array(fc.nat(), { maxLength: 8 }), limits, mode, (data, positions, options, m) => {
        check(data, positions, { ...options, mode: m });
      }),
      { numRuns: 2000 },
    );
  }, 30_000);

  it("never fails or hangs on random bytes, in either mode", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 8 }), limits, mode, (data, positions, options, m) => {
        check(data, positions, { ...options, mode: m });
      }),
      { numRuns: 1500 },
    );
  }, 30_000);

  it("refuses oversized heads and bodies with 431 and 413", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 300 }), fc.integer({ min: 0, max: 50 }), fc.array(fc.nat(), { maxLength: 6 }), (headerExcess, bodyLimit, positions) => {
        const longHead = encoder.encode(`GET / HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(headerExcess + 64)}\r\n\r\n`);
        expect(run(cut(longHead, positions), { maxHeaderBytes: 64 }).events).toEqual(["error 431"]);
        const chunked = `POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${"a".repeat(bodyLimit + 1).length.toString(16)}\r\n${"a".repeat(bodyLimit + 1)}\r\n0\r\n\r\n`;
        expect(run(cut(encoder.encode(chunked), positions), { maxBodyBytes: bodyLimit }).events.at(-1)).toBe("error 413");
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
