import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Component } from "../../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../../axon/Ipc.js";
import { Harness, MockChild, Thrower, responseText } from "../../test-support/harness.js";
import { OneShot } from "../../util/OneShot.js";
import { HTTPParser, ParsedHTTPError, ParsedHTTPHeader, type HTTPRequest, type HTTPResponseHead } from "./HTTPParser.js";
import { HTTPProtocol } from "./HTTPProtocol.js";
import type { HTTPResource } from "./HTTPRequestHandler.js";
import { HTTPServer, HTTPShutdownLogicHandling, type HTTPServerOptions } from "./HTTPServer.js";

const hello = (): Component => new OneShot({ statuscode: 200, contentType: "text/plain", data: "hello", complete: true });

/** Sends its parts (a resource first) one per step, then ProducerFinished. */
class Parts extends Component {
  constructor(readonly parts: readonly unknown[]) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (const part of this.parts) {
      this.send(part);
      yield;
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Answers with the request's method, path and body, once the body has ended. */
class Echo extends Component {
  constructor(readonly request: HTTPRequest) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    const body: string[] = [];
    const decoder = new TextDecoder();
    while (this.dataReady("control") === 0) {
      while (this.dataReady("inbox") > 0) body.push(decoder.decode(this.recv("inbox") as Uint8Array));
      this.pause();
      yield;
    }
    while (this.dataReady("inbox") > 0) body.push(decoder.decode(this.recv("inbox") as Uint8Array));
    this.send({ data: `${this.request.method} ${this.request.path} ${body.join("")}`, complete: true } satisfies HTTPResource);
    this.send(new ProducerFinished(this), "signal");
  }
}

/** A server for one connection, with failures collected instead of printed. */
function serve(createRequestHandler: (request: HTTPRequest) => Component, options: HTTPServerOptions = {}): { harness: Harness; errors: unknown[] } {
  const errors: unknown[] = [];
  const harness = new Harness(HTTPServer(createRequestHandler, { onError: (error) => errors.push(error), ...options }));
  return { harness, errors };
}

/** The status lines in a stream of responses, in order (the bodies here never look like one). */
function statusLines(text: string): string[] {
  return [...text.matchAll(/HTTP\/1\.1 \d{3} [^\r]*/g)].map(([line]) => line);
}

describe("HTTPServer answering requests", () => {
  it("writes the handler's resource as a response with a Content-Length", () => {
    const { harness } = serve(hello);
    harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(responseText(harness.take())).toBe(
      "HTTP/1.1 200 OK\r\nconnection: keep-alive\r\ncontent-length: 5\r\ncontent-type: text/plain\r\nserver: Kamaelia\r\n\r\nhello",
    );
    expect(harness.take("signal")).toEqual([]);
    expect(harness.component.finished).toBe(false);
  });

  it("answers request after request on one kept-alive connection", () => {
    const { harness } = serve(hello);
    harness.send("inbox", "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    harness.send("inbox", "GET /2 HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(statusLines(responseText(harness.take()))).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 200 OK"]);
    expect(harness.component.finished).toBe(false);
  });

  it("answers pipelined requests in order, each handler getting its own body", () => {
    const { harness } = serve((request) => new Echo(request));
    harness
      .send("inbox", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nonePOST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\n\r\n")
      .settle();
    const text = responseText(harness.take());
    expect(text.split("\r\n\r\n").slice(1).map((part) => part.split("HTTP/1.1")[0])).toEqual(["POST /a one", "POST /b two", "GET /c "]);
  });

  it("chunks a response of unknown length for HTTP/1.1 and keeps the connection", () => {
    const { harness } = serve(() => new Parts([{ contentType: "text/plain" }, "ab", { data: new TextEncoder().encode("cde") }]));
    harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(responseText(harness.take())).toBe(
      "HTTP/1.1 200 OK\r\nconnection: keep-alive\r\ncontent-type: text/plain\r\nserver: Kamaelia\r\ntransfer-encoding: chunked\r\n\r\n2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n",
    );
    expect(harness.component.finished).toBe(false);
  });

  it("ends a response of unknown length to HTTP/1.0 by closing the connection", () => {
    const { harness } = serve(() => new Parts([{ contentType: "text/plain" }, "ab", "cde"]));
    harness.send("inbox", "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").settle();
    expect(responseText(harness.take())).toBe("HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-type: text/plain\r\nserver: Kamaelia\r\n\r\nabcde");
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component.finished).toBe(true);
  });

  it("sends only the head to a HEAD request", () => {
    const { harness } = serve(hello);
    harness.send("inbox", "HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    const text = responseText(harness.take());
    expect(text).toBe(
      "HTTP/1.1 200 OK\r\nconnection: keep-alive\r\ncontent-length: 5\r\ncontent-type: text/plain\r\nserver: Kamaelia\r\n\r\n" +
        "HTTP/1.1 200 OK\r\nconnection: keep-alive\r\ncontent-length: 5\r\ncontent-type: text/plain\r\nserver: Kamaelia\r\n\r\nhello",
    );
  });

  it("closes the connection after answering a client that asked it to", () => {
    const { harness } = serve(hello);
    harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /ignored HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(statusLines(responseText(harness.take()))).toEqual(["HTTP/1.1 200 OK"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("answers 100 Continue to a client that expects it before sending its body", () => {
    const { harness } = serve((request) => new Echo(request));
    harness.send("inbox", "PUT /f HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n").settle();
    expect(responseText(harness.take())).toBe("HTTP/1.1 100 Continue\r\n\r\n");
    harness.send("inbox", "ok").settle();
    expect(responseText(harness.take())).toContain("\r\n\r\nPUT /f ok");
  });

  it("answers a client that stopped sending once its request has been read, then closes", () => {
    const { harness } = serve(hello);
    harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").send("control", new ProducerFinished()).settle();
    expect(statusLines(responseText(harness.take()))).toEqual(["HTTP/1.1 200 OK"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("passes on the whole body when the destination of its outbox takes one message at a time", () => {
    const parts = Array.from({ length: 20 }, (_, i) => `part${String(i)};`);
    const { harness } = serve(() => new Parts([{ length: parts.join("").length }, ...parts]));
    harness.limit("outbox", 1).send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    const received: unknown[] = [];
    for (let i = 0; i < 100 && !responseText(received).endsWith("part19;"); i++) received.push(...harness.take(), ...harness.settle().take());
    expect(responseText(received).split("\r\n\r\n")[1]).toBe(parts.join(""));
  });
});

describe("HTTPServer refusing requests", () => {
  it("answers a malformed request with a 400 page and closes the connection", () => {
    const { harness } = serve(hello);
    harness.send("inbox", "NONSENSE\r\n\r\n").settle();
    const text = responseText(harness.take());
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nconnection: close\r\ncontent-length: \d+\r\ncontent-type: text\/html; charset=utf-8\r\n/);
    expect(text).toContain("<h1>400 Bad Request</h1>");
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("answers an oversized head with 431 and an oversized body with 413", () => {
    const big = serve(hello, { maxHeaderBytes: 100 });
    big.harness.send("inbox", `GET / HTTP/1.1\r\nHost: x\r\nX: ${"y".repeat(200)}`).settle();
    expect(statusLines(responseText(big.harness.take()))).toEqual(["HTTP/1.1 431 Request Header Fields Too Large"]);
    const large = serve(hello, { maxBodyBytes: 4 });
    large.harness.send("inbox", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n").settle();
    expect(statusLines(responseText(large.harness.take()))).toEqual(["HTTP/1.1 413 Content Too Large"]);
  });

  it("answers a chunked body that outgrows the limit with 413, replacing the handler", () => {
    const { harness } = serve((request) => new Echo(request), { maxBodyBytes: 4 });
    harness.send("inbox", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n").settle();
    expect(statusLines(responseText(harness.take()))).toEqual(["HTTP/1.1 413 Content Too Large"]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("answers 408 to a client that stalls in the middle of a request", () => {
    const { harness } = serve(hello, { idleTimeout: 500 });
    harness.send("inbox", "GET / HTTP/1.1\r\nHo").settle().advance(500);
    expect(statusLines(responseText(harness.take()))).toEqual(["HTTP/1.1 408 Request Timeout"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("closes a kept-alive connection that stays idle for idleTimeout", () => {
    const { harness } = serve(hello, { idleTimeout: 500 });
    harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle().advance(500);
    expect(statusLines(responseText(harness.take()))).toEqual(["HTTP/1.1 200 OK"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });
});

describe("HTTPServer with handlers that misbehave", () => {
  it("answers 500 when the handler fails, and reports the failure", () => {
    const { harness, errors } = serve(() => new Thrower(new Error("disk on fire")));
    harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(statusLines(responseText(harness.take()))).toEqual(["HTTP/1.1 500 Internal Server Error"]);
    expect(errors.map(String).map((text) => text.replace(/_\d+/g, "_N"))).toEqual(["ComponentError: Thrower_N failed: Error: disk on fire"]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });

  it("answers 500 when the factory throws, or a handler ends without a resource or sends data first", () => {
    const cases: ((request: HTTPRequest) => Component)[] = [
      () => {
        throw new Error("no handler");
      },
      () => new Parts([]),
      () => new Parts(["text before any resource"]),
      () => new Parts([{ statuscode: "teapot" }]),
    ];
    for (const factory of cases) {
      const { harness, errors } = serve(factory);
      harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
      expect(statusLines(responseText(harness.take()))).toEqual(["HTTP/1.1 500 Internal Server Error"]);
      expect(errors).toHaveLength(1);
    }
  });

  it("sends a plain 500 when even the error page handler fails", () => {
    const { harness } = serve(hello, { errorhandler: () => new Thrower(new Error("no pages")) });
    harness.send("inbox", "BAD\r\n\r\n").settle();
    expect(responseText(harness.take())).toBe(
      "HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 22\r\nconnection: close\r\n\r\nInternal Server Error\n",
    );
  });

  it("closes the connection when a handler sends more or less than the Content-Length it gave", () => {
    const longer = serve(() => new Parts([{ length: 3 }, "abcdef"]));
    longer.harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(responseText(longer.harness.take()).split("\r\n\r\n")[1]).toBe("abc");
    expect(longer.harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    const shorter = serve(() => new Parts([{ length: 10 }, "abc"]));
    shorter.harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(shorter.harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(shorter.errors).toHaveLength(1);
  });

  it("stops the handler and ends when the connection is gone in the middle of a response", () => {
    const handler = new MockChild();
    const { harness } = serve(() => handler);
    harness.send("inbox", "GET / HTTP/1.1\r\nHost: x\r\n\r\n").settle();
    expect(handler.wasActivated).toBe(true);
    const gone = new ShutdownMicroprocess();
    harness.send("control", gone).settle();
    expect(handler.finished).toBe(true);
    expect(harness.take("signal")).toEqual([gone]);
    expect(harness.scheduler.listAllThreads()).toEqual([]);
  });
});

describe("HTTPProtocol routing", () => {
  const named = (name: string) => (request: HTTPRequest) => new OneShot({ data: `${name}:${request.uriPrefixTrigger ?? ""}:${request.uriSuffix ?? ""}`, complete: true });

  it("lets the first prefix that starts the path choose the handler, and answers 404 otherwise", () => {
    const protocol = HTTPProtocol([
      ["/hello", named("hello")],
      ["/static/", named("static")],
      ["/static/special", named("never")],
    ]);
    const answers: string[] = [];
    for (const path of ["/hello", "/hello/there?x=1", "/helloworld", "/static/a/b.css", "/static/special", "/elsewhere"]) {
      const harness = new Harness(protocol());
      harness.send("inbox", `GET ${path} HTTP/1.0\r\n\r\n`).settle();
      const text = responseText(harness.take());
      answers.push(text.startsWith("HTTP/1.1 200") ? (text.split("\r\n\r\n")[1] ?? "") : (statusLines(text)[0] ?? ""));
    }
    expect(answers).toEqual(["hello:/hello:", "hello:/hello:/there", "hello:/hello:world", "static:/static/:a/b.css", "static:/static/:special", "HTTP/1.1 404 Not Found"]);
  });

  it("passes where the connection comes from to every request", () => {
    let seen: HTTPRequest | undefined;
    const protocol = HTTPProtocol([["/", (request) => ((seen = request), hello())]]);
    const harness = new Harness(protocol({ peer: "127.0.0.9", peerport: 1234, localip: "127.0.0.1", localport: 80 }));
    harness.send("inbox", "GET / HTTP/1.0\r\n\r\n").settle();
    expect(seen).toMatchObject({ peer: "127.0.0.9", peerport: 1234, localip: "127.0.0.1", localport: 80 });
  });

  it("uses the error handler it is given for 404s and refused requests", () => {
    const protocol = HTTPProtocol([["/a", hello]], { errorhandler: (statuscode, message) => new OneShot({ statuscode, data: `custom ${message}`, complete: true }) });
    const harness = new Harness(protocol());
    harness.send("inbox", "GET /b HTTP/1.0\r\n\r\n").settle();
    expect(responseText(harness.take())).toContain("\r\n\r\ncustom No resource handler was found for /b.");
  });
});

describe("HTTPShutdownLogicHandling", () => {
  it("relays the socket's, the parser's and the handler's shutdown messages", () => {
    const harness = new Harness(new HTTPShutdownLogicHandling());
    const wiring = new Component();
    for (const box of ["Pcontrol", "Hcontrol"]) {
      wiring._createOutbox(box);
      wiring.link([wiring, box], [harness.component, box]);
    }
    const clientDone = new ProducerFinished();
    harness.send("control", clientDone).settle();
    expect(harness.take("Psignal")).toEqual([clientDone]);
    const parserDone = new ProducerFinished();
    wiring.send(parserDone, "Pcontrol");
    harness.settle();
    expect(harness.take("Hsignal")).toEqual([parserDone]);
    wiring.send(new ProducerFinished(), "Hcontrol");
    harness.settle();
    expect(harness.take("Psignal")).toEqual([expect.any(ShutdownMicroprocess)]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component.finished).toBe(true);
  });

  it("stops parser and handler when the connection is gone", () => {
    const harness = new Harness(new HTTPShutdownLogicHandling());
    const gone = new ShutdownMicroprocess();
    harness.send("control", gone).settle();
    expect(harness.take("Psignal")).toEqual([expect.any(ShutdownMicroprocess)]);
    expect(harness.take("Hsignal")).toEqual([expect.any(ShutdownMicroprocess)]);
    expect(harness.take("signal")).toEqual([gone]);
  });
});

describe("HTTPServer on arbitrary requests", () => {
  const encoder = new TextEncoder();
  const STATUSES = new Set([100, 200, 400, 404, 413, 431, 501, 505]);

  function cut(data: Uint8Array, positions: readonly number[]): Uint8Array[] {
    const at = [...new Set(positions.map((p) => p % (data.length + 1)))].sort((a, b) => a - b);
    return [0, ...at].map((start, i) => data.slice(start, at[i] ?? data.length));
  }

  /** The statuses of the responses in `bytes`, read by a response parser, or the parser's complaint. */
  function statuses(bytes: readonly unknown[]): (number | string)[] {
    const harness = new Harness(new HTTPParser({ mode: "response", idleTimeout: Infinity, maxBodyBytes: Infinity }));
    harness.send("inbox", ...bytes).send("control", new ProducerFinished()).settle();
    return harness.take().flatMap((message): (number | string)[] => {
      if (message instanceof ParsedHTTPHeader) return [(message.header as HTTPResponseHead).statuscode];
      if (message instanceof ParsedHTTPError) return [`unreadable: ${message.message}`];
      return [];
    });
  }

  const protocol = (options: HTTPServerOptions) =>
    HTTPProtocol(
      [
        ["/echo", (request) => new Echo(request)],
        ["/hello", hello],
        ["/stream", () => new Parts([{ contentType: "text/plain" }, "one", "two"])],
      ],
      { idleTimeout: Infinity, ...options },
    )();

  /** `value` in about one case in ten, else its opposite. */
  const rarely = (value: boolean): fc.Arbitrary<boolean> => fc.integer({ min: 0, max: 9 }).map((n) => (n === 0 ? value : !value));
  const request = fc
    .tuple(
      fc.constantFrom("GET", "POST", "PUT", "DELETE", "G T"),
      fc.constantFrom("/echo", "/hello", "/stream", "/echo/more", "/missing", "/a b"),
      fc.constantFrom("HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/3.0"),
      fc
        .record({ host: rarely(false), close: rarely(true), keepAlive: fc.boolean(), expect: rarely(true), bad: rarely(true), big: rarely(true) })
        .map((has) => [
          ...(has.host ? ["Host: x"] : []),
          ...(has.close ? ["Connection: close"] : has.keepAlive ? ["Connection: keep-alive"] : []),
          ...(has.expect ? ["Expect: 100-continue"] : []),
          ...(has.bad ? ["Bad Header"] : []),
          ...(has.big ? [`X-Big: ${"b".repeat(300)}`] : []),
        ]),
      fc.constantFrom("none", "length", "length", "chunked", "chunked", "broken"),
      fc.string({ maxLength: 30 }),
    )
    .map(([method, path, version, fields, framing, body]) => {
      const size = encoder.encode(body).length;
      const lines = [`${method} ${path} ${version}`, ...fields];
      let payload = "";
      if (framing === "length") {
        lines.push(`Content-Length: ${String(size)}`);
        payload = body;
      } else if (framing === "chunked" || framing === "broken") {
        lines.push("Transfer-Encoding: chunked");
        payload = `${(framing === "broken" ? size + 2 : size).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      }
      return `${lines.join("\r\n")}\r\n\r\n${payload}`;
    });
  const stream = fc.array(request, { minLength: 1, maxLength: 4 }).map((parts) => encoder.encode(parts.join("")));
  const limits = fc.record({ maxHeaderBytes: fc.integer({ min: 60, max: 1000 }), maxBodyBytes: fc.integer({ min: 0, max: 100 }) });

  it("answers any stream of requests, cut anywhere, with well-formed responses and ends cleanly", () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 8 }), limits, (data, positions, options) => {
        const errors: unknown[] = [];
        const server = protocol({ ...options, onError: (error) => errors.push(error) });
        const harness = new Harness(server);
        const chunks = cut(data, positions);
        for (const chunk of chunks) {
          harness.send("inbox", chunk);
          expect(harness.scheduler.runUntilIdle(100)).toBeLessThan(100);
        }
        harness.send("control", new ProducerFinished());
        expect(harness.scheduler.runUntilIdle(100)).toBeLessThan(100);
        expect(server.exitError).toBeUndefined();
        expect(server.finished).toBe(true);
        expect(harness.scheduler.listAllThreads()).toEqual([]);
        expect(errors).toEqual([]);
        const answered = statuses(harness.take());
        for (const status of answered) expect(STATUSES).toContain(status);
        expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
      }),
      { numRuns: 3000 },
    );
  }, 30_000);
});
