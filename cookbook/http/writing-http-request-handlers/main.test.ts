import { ProducerFinished, Scheduler, handle, type HTTPRequest, type Handle } from "kamaelia";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, pageOutput, printed, recordTranscript } from "../../recipe-test.js";
import * as inThePage from "./in-the-page.js";
import { Echo, Hello, main, system } from "./main.js";

// The servers run on the default scheduler, in the background of the test's fetches: each test checks
// that it has left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

function request(method: string, uri: string): HTTPRequest {
  return { method, uri, path: uri, query: "", protocol: "HTTP", version: "1.1", headers: new Headers(), keepAlive: true };
}

describe("HTTP request handlers behind a routing table", () => {
  let server: Handle | undefined;
  let base = "";

  beforeEach(async () => {
    const core = system();
    server = handle(core);
    base = `http://127.0.0.1:${String((await core.ready).port)}`;
  });

  afterEach(async () => {
    await server?.shutdown();
  });

  const get = async (path: string): Promise<{ status: number; body: string }> => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: await response.text() };
  };

  it("answers GET /hello with exactly the page the hand-written handler sends in chunks", async () => {
    expect(await get("/hello")).toEqual({ status: 200, body: "<html><body><h1>Hello World</h1></body></html>" });
  });

  it("answers GET /echo/abc with a page whose text is exactly GET /echo/abc", async () => {
    const { status, body } = await get("/echo/abc");
    expect(status).toBe(200);
    expect(/<p>(.*)<\/p>/.exec(body)?.[1]).toBe("GET /echo/abc");
  });

  it("serves /hello/x with the /hello handler, not the catch-all: the first matching prefix wins", async () => {
    expect((await get("/hello/x")).body).toBe("<html><body><h1>Hello World</h1></body></html>");
  });

  it("serves a path no other route matches with the catch-all route, listed last", async () => {
    expect(await get("/elsewhere")).toEqual({ status: 200, body: "Try /hello or /echo/anything" });
  });
});

describe("Request handlers on their own", () => {
  it("Hello sends the resource, three body chunks, then ProducerFinished, and ends", async () => {
    const harness = new Harness(new Hello());
    await harness.finish();
    expect(harness.take("outbox")).toEqual([
      { statuscode: 200, contentType: "text/html; charset=utf-8" },
      { data: "<html><body>" },
      { data: "<h1>Hello World</h1>" },
      { data: "</body></html>" },
    ]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.alive()).toEqual([]);
  });

  it("the Echo pipeline sends one complete HTML resource for its request, then ProducerFinished", async () => {
    const harness = new Harness(Echo(request("GET", "/echo/<b>")));
    await harness.finish();
    expect(harness.take("outbox")).toEqual([
      { contentType: "text/html; charset=utf-8", data: "<html><body><p>GET /echo/&lt;b&gt;</p></body></html>", complete: true },
    ]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.alive()).toEqual([]);
  });
});

describe("The request handler programs", () => {
  it("main.ts prints what its page shows, and records it for the page", async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });

  it("in-the-page.ts answers a raw GET /hello with a chunked response, as its page shows, and finishes", async () => {
    const { lines, sink } = printed();
    const harness = new Harness(inThePage.system({ sink }));
    await harness.finish();
    expect(lines).toEqual(pageOutput(import.meta.url, "inPageOutput"));
    expect(harness.alive()).toEqual([]);
  });
});
