import { ErrorInformation, ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPHeader, ProducerFinished, type HTTPResponseHead } from "kamaelia";
import { afterEach, describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { fixtureServer, type FixtureServer } from "../fixture-server.js";
import { Frontier, Links, PageRead, SITE, crawler, fetchFrom } from "./main.js";

/** A fetch answering from `pages` (see fetchFrom) that also records the path of each request. */
function recordedSite(pages: ReadonlyMap<string, string>): { fetch: (url: string) => Promise<Response>; requests: string[] } {
  const requests: string[] = [];
  const answer = fetchFrom(pages);
  return {
    requests,
    fetch: (url) => {
      requests.push(new URL(url).pathname);
      return answer(url);
    },
  };
}

describe("A small crawler on a site in memory, through a stub fetch", () => {
  it("visits exactly /, /a, /b, /c, each once, breadth first, on a site with cycles, and finishes by itself", async () => {
    const site = recordedSite(SITE);
    const { lines, sink } = printed();
    const harness = new Harness(crawler("http://site.example/", { fetch: site.fetch }, sink));
    await harness.finish();
    // Depth first would have gone from /a to /c before /b.
    expect(lines).toEqual(["visited /", "visited /a", "visited /b", "visited /c"]);
    expect(site.requests).toEqual(["/", "/a", "/b", "/c"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.alive()).toEqual([]);
  });

  it("counts a page the site does not have, answered 404, as read, and still finishes", async () => {
    const site = recordedSite(new Map([["/", `<a href="/gone">gone</a>`]]));
    const { lines, sink } = printed();
    const harness = new Harness(crawler("http://site.example/", { fetch: site.fetch }, sink));
    await harness.finish();
    expect(lines).toEqual(["visited /", "visited /gone"]);
    expect(site.requests).toEqual(["/", "/gone"]);
    expect(harness.alive()).toEqual([]);
  });

  it("finishes when its fetch rejects the start page, reporting the failure from its signal", async () => {
    const { lines, sink } = printed();
    const harness = new Harness(crawler("http://site.example/", { fetch: () => Promise.reject(new TypeError("fetch failed")) }, sink));
    await harness.finish();
    expect(lines).toEqual(["visited /"]);
    expect(harness.take("signal")).toEqual([expect.any(ErrorInformation), expect.any(ProducerFinished)]);
    expect(harness.alive()).toEqual([]);
  });
});

describe("A small crawler against a fixture server, with the global fetch", () => {
  let server: FixtureServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("visits exactly /, /a, /b, /c of a real server, each once, breadth first, and finishes by itself", async () => {
    server = await fixtureServer(Object.fromEntries([...SITE].map(([path, body]) => [path, { type: "text/html", body }])));
    const { lines, sink } = printed();
    const harness = new Harness(crawler(`${server.base}/`, { fetch }, sink));
    await harness.finish();
    expect(lines).toEqual(["visited /", "visited /a", "visited /b", "visited /c"]);
    expect(server.requests).toEqual(["/", "/a", "/b", "/c"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.alive()).toEqual([]);
  });

  it("finishes when nothing listens at the start URL, reporting the refused connection from its signal", async () => {
    const gone = await fixtureServer({});
    await gone.close();
    const { lines, sink } = printed();
    const harness = new Harness(crawler(`${gone.base}/`, { fetch }, sink));
    await harness.finish();
    expect(lines).toEqual(["visited /"]);
    expect(harness.take("signal")).toEqual([expect.any(ErrorInformation), expect.any(ProducerFinished)]);
    expect(harness.alive()).toEqual([]);
  });
});

describe("The crawler's parts", () => {
  const header = (url: string): ParsedHTTPHeader<HTTPResponseHead> =>
    new ParsedHTTPHeader({ protocol: "HTTP", version: "1.1", statuscode: 200, reason: "OK", headers: new Headers(), url });

  it("Links sends each link of a page as an absolute URL without its fragment, then one PageRead", async () => {
    const harness = new Harness(new Links());
    const body = new TextEncoder().encode(`<a href="c">C</a> <a href="/d#top">D</a> <a href="https://x.example/">X</a>`);
    harness.send("inbox", header("http://site.example/a/"), new ParsedHTTPBodyChunk(body.subarray(0, 10)), new ParsedHTTPBodyChunk(body.subarray(10)), new ParsedHTTPEnd());
    harness.send("control", new ProducerFinished());
    await harness.finish();
    const sent = harness.take();
    expect(sent.slice(0, 3)).toEqual(["http://site.example/a/c", "http://site.example/d", "https://x.example/"]);
    expect(sent.slice(3)).toEqual([expect.any(PageRead)]);
  });

  it("Frontier passes URLs on and ends the crawl only when each has been followed by its PageRead", () => {
    const harness = new Harness(new Frontier());
    // The start page, then its two links and the PageRead that follows them.
    harness.send("inbox", "http://s/", "http://s/a", "http://s/b", new PageRead()).settle();
    expect(harness.take()).toEqual(["http://s/", "http://s/a", "http://s/b"]);
    harness.send("inbox", new PageRead()).settle();
    expect(harness.take("signal")).toEqual([]);
    harness.send("inbox", new PageRead()).settle();
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component.finished).toBe(true);
  });
});

describe("The crawler program", () => {
  it("prints what its page shows, crawling its site in memory", async () => {
    const { lines, sink } = printed();
    await new Harness(crawler("http://site.example/", { fetch: fetchFrom(SITE) }, sink)).finish();
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
