import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Component } from "../../axon/Component.js";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../../axon/Ipc.js";
import { Scheduler } from "../../axon/Scheduler.js";
import { Pipeline } from "../../chassis/Pipeline.js";
import { httpEvents, rejection, thrown } from "../../test-support/harness.js";
import { DataSource } from "../../util/DataSource.js";
import { HTTPRequestFailed, SimpleHTTPClient, SingleShotHTTPClient } from "./HTTPClient.js";
import { ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPHeader, type HTTPResponseHead } from "./HTTPParser.js";

/** Records what arrives on inbox and control; ends on a shutdown message. */
class Recorder extends Component {
  readonly received: unknown[] = [];
  readonly control: unknown[] = [];

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) this.received.push(this.recv("inbox"));
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        this.control.push(message);
        if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) return;
      }
      this.pause();
      yield;
    }
  }
}

let server: Server;
let base: string;
/** Resolves the next request to /hang, once it has arrived; the test then closes it. */
let hanging: Promise<ServerResponse> = Promise.resolve(undefined as never);
let hangArrived: (response: ServerResponse) => void = () => undefined;

function route(request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString();
    switch (request.url) {
      case "/hello":
        response.end("hello");
        return;
      case "/moved":
        response.writeHead(302, { location: "/hello" }).end();
        return;
      case "/stream":
        response.write("one ");
        setImmediate(() => response.end("two"));
        return;
      case "/echo":
        response.end(`${request.method ?? ""} ${String(request.headers["x-test"])} ${body}`);
        return;
      case "/hang":
        response.writeHead(200).write("start");
        hangArrived(response);
        return;
      default:
        response.writeHead(404).end("no such thing");
    }
  });
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Runs `components` as a pipeline into a Recorder on a real-time scheduler, until all have ended. */
async function record(...components: Component[]): Promise<Recorder> {
  const recorder = new Recorder();
  const scheduler = new Scheduler();
  new Pipeline(...components, recorder).activate(scheduler);
  await scheduler.runThreads();
  return recorder;
}

describe("SingleShotHTTPClient", () => {
  it("sends the response head, the body in chunks and an end, then ProducerFinished", async () => {
    const recorder = await record(new SingleShotHTTPClient(`${base}/stream`));
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body one two", "end"]);
    const head = (recorder.received[0] as ParsedHTTPHeader<HTTPResponseHead>).header;
    expect(head.url).toBe(`${base}/stream`);
    expect(head.headers.get("transfer-encoding")).toBe("chunked");
    expect(recorder.control).toEqual([expect.any(ProducerFinished)]);
  });

  it("follows redirects and reports the final URL", async () => {
    const recorder = await record(new SingleShotHTTPClient(`${base}/moved`));
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body hello", "end"]);
    expect((recorder.received[0] as ParsedHTTPHeader<HTTPResponseHead>).header.url).toBe(`${base}/hello`);
  });

  it("sends responses of any status on", async () => {
    const recorder = await record(new SingleShotHTTPClient(new URL(`${base}/nowhere`)));
    expect(httpEvents(recorder.received)).toEqual(["head 404", "body no such thing", "end"]);
  });

  it("posts a body with extra headers, as Kamaelia's postbody and extraheaders", async () => {
    const recorder = await record(new SingleShotHTTPClient({ url: `${base}/echo`, postbody: "data", extraheaders: { "X-Test": "yes" } }));
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body POST yes data", "end"]);
    const put = await record(new SingleShotHTTPClient({ url: `${base}/echo`, method: "put", postbody: new TextEncoder().encode("bytes") }));
    expect(httpEvents(put.received)).toEqual(["head 200", "body PUT undefined bytes", "end"]);
  });

  it("ends with HTTPRequestFailed naming the URL when nothing listens there", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const scheduler = new Scheduler();
    new SingleShotHTTPClient(`http://127.0.0.1:${String(port)}/x`).activate(scheduler);
    const failure = (await rejection(scheduler.runThreads())) as Error & { cause: unknown };
    expect(failure.cause).toBeInstanceOf(HTTPRequestFailed);
    expect((failure.cause as Error).message.replace(/_\d+/, "_N").replaceAll(String(port), "PORT")).toMatchInlineSnapshot(
      `"SingleShotHTTPClient_N could not GET http://127.0.0.1:PORT/x: fetch failed (connect ECONNREFUSED 127.0.0.1:PORT). Check that the URL is an absolute http(s) URL and that the server is running and reachable."`,
    );
  });

  it("aborts the request when told to shut down in the middle of the body", async () => {
    hanging = new Promise((resolve) => (hangArrived = resolve));
    const client = new SingleShotHTTPClient(`${base}/hang`);
    const recorder = new Recorder();
    const scheduler = new Scheduler();
    const wiring = new Component();
    wiring._createOutbox("stop");
    wiring.link([wiring, "stop"], [client, "control"]);
    new Pipeline(client, recorder).activate(scheduler);
    const running = scheduler.runThreads();
    const response = await hanging;
    const closed = new Promise((resolve) => response.on("close", resolve));
    while (recorder.received.length < 2) await new Promise((resolve) => setImmediate(resolve));
    const stop = new ShutdownMicroprocess();
    wiring.send(stop, "stop");
    await running;
    await closed;
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body start"]);
    expect(recorder.control).toEqual([stop]);
  });
});

describe("SimpleHTTPClient", () => {
  it("fetches each URL in turn, sending each response whole before the next", async () => {
    const recorder = await record(new DataSource([`${base}/stream`, { url: `${base}/echo`, postbody: "x" }, new URL(`${base}/hello`)]), new SimpleHTTPClient());
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body one two", "end", "head 200", "body POST undefined x", "end", "head 200", "body hello", "end"]);
    expect(recorder.control).toEqual([expect.any(ProducerFinished)]);
  });

  it("reports a request that fails, and a message that is not a request, then goes on", async () => {
    const recorder = await record(new DataSource(["not a url", 42, `${base}/hello`]), new SimpleHTTPClient());
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body hello", "end"]);
    const [failed, skipped, finished] = recorder.control;
    expect((failed as ErrorInformation).exception).toBeInstanceOf(HTTPRequestFailed);
    expect(String((skipped as ErrorInformation).message).replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"SimpleHTTPClient_N skipped the number 42 on its "inbox" inbox: it accepts URLs (strings or URL objects) or { url, method, postbody, extraheaders } requests."`,
    );
    expect(finished).toBeInstanceOf(ProducerFinished);
  });
});

describe("the HTTP clients with a fetch of their own", () => {
  /** A fetch that answers from memory and records each request; `.invalid` names reach no server. */
  function stubFetch(answer: (url: string) => Promise<Response>): { fetch: (url: string, init: RequestInit) => Promise<Response>; asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      fetch: (url, init) => {
        asked.push(`${init.method ?? ""} ${url} ${new Headers(init.headers).get("x-test") ?? ""} ${typeof init.body === "string" ? init.body : ""}`.trim());
        return answer(url);
      },
    };
  }
  /** What undici's fetch rejects with when the connection is refused. */
  const refused = (): Promise<never> => Promise.reject(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") }));

  it("SingleShotHTTPClient sends its request to the fetch it is given, with method, headers and body, and sends its Response on", async () => {
    const stub = stubFetch((url) => Promise.resolve(new Response(`page at ${new URL(url).pathname}`, { status: 201 })));
    const recorder = await record(new SingleShotHTTPClient({ url: "http://site.invalid/post", postbody: "data", extraheaders: { "X-Test": "yes" } }, { fetch: stub.fetch }));
    expect(stub.asked).toEqual(["POST http://site.invalid/post yes data"]);
    expect(httpEvents(recorder.received)).toEqual(["head 201", "body page at /post", "end"]);
    expect(recorder.control).toEqual([expect.any(ProducerFinished)]);
  });

  it("gives the head the URL requested when the fetch's Response, made by hand, has none", async () => {
    const recorder = await record(new SingleShotHTTPClient("http://site.invalid/page", { fetch: () => Promise.resolve(new Response("x")) }));
    expect((recorder.received[0] as ParsedHTTPHeader<HTTPResponseHead>).header.url).toBe("http://site.invalid/page");
  });

  it("streams the fetch's Response body chunk by chunk, each sent on before the next exists", async () => {
    const body = new TransformStream<Uint8Array, Uint8Array>();
    const writer = body.writable.getWriter();
    const recorder = new Recorder();
    const scheduler = new Scheduler();
    new Pipeline(new SingleShotHTTPClient("http://site.invalid/stream", { fetch: () => Promise.resolve(new Response(body.readable)) }), recorder).activate(scheduler);
    const running = scheduler.runThreads();
    void writer.write(new TextEncoder().encode("one "));
    while (recorder.received.length < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body one "]);
    void writer.write(new TextEncoder().encode("two"));
    void writer.close();
    await running;
    expect(recorder.received).toEqual([expect.any(ParsedHTTPHeader), expect.any(ParsedHTTPBodyChunk), expect.any(ParsedHTTPBodyChunk), expect.any(ParsedHTTPEnd)]);
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body one two", "end"]);
  });

  it("SingleShotHTTPClient ends with HTTPRequestFailed when its fetch rejects, as for a refused connection", async () => {
    const scheduler = new Scheduler();
    new SingleShotHTTPClient("http://site.invalid/x", { fetch: refused }).activate(scheduler);
    const failure = (await rejection(scheduler.runThreads())) as Error & { cause: unknown };
    expect(failure.cause).toBeInstanceOf(HTTPRequestFailed);
    expect((failure.cause as Error).message.replace(/_\d+/, "_N")).toMatchInlineSnapshot(`"SingleShotHTTPClient_N could not GET http://site.invalid/x: fetch failed (connect ECONNREFUSED 127.0.0.1:9). Check that the URL is an absolute http(s) URL and that the server is running and reachable."`);
  });

  it("SimpleHTTPClient sends each request to its fetch in turn, reports one the fetch rejects as ErrorInformation, and goes on", async () => {
    const stub = stubFetch((url) => (url.endsWith("/down") ? refused() : Promise.resolve(new Response(new URL(url).pathname))));
    const recorder = await record(new DataSource(["http://site.invalid/a", "http://site.invalid/down", "http://site.invalid/b"]), new SimpleHTTPClient({ fetch: stub.fetch }));
    expect(stub.asked).toEqual(["GET http://site.invalid/a", "GET http://site.invalid/down", "GET http://site.invalid/b"]);
    expect(httpEvents(recorder.received)).toEqual(["head 200", "body /a", "end", "head 200", "body /b", "end"]);
    const [failed, finished] = recorder.control;
    expect((failed as ErrorInformation).exception).toBeInstanceOf(HTTPRequestFailed);
    expect(String((failed as ErrorInformation).message).replace(/_\d+/, "_N")).toMatchInlineSnapshot(`"SimpleHTTPClient_N could not GET http://site.invalid/down: fetch failed (connect ECONNREFUSED 127.0.0.1:9). Check that the URL is an absolute http(s) URL and that the server is running and reachable."`);
    expect(finished).toBeInstanceOf(ProducerFinished);
  });

  it("says what to pass when the fetch it is given is not a function", () => {
    expect(thrown(() => new SimpleHTTPClient({ fetch: "https://example.org/" as never }))).toMatchInlineSnapshot(`"BadArgument: new SimpleHTTPClient(): fetch must be a function called like fetch(url, init), or left out for the global fetch, not https://example.org/."`);
  });
});
