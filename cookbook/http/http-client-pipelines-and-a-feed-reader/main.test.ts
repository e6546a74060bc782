import { ErrorInformation, ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPHeader, ProducerFinished, Scheduler } from "kamaelia";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { fixtureServer, type FixtureServer } from "../fixture-server.js";
import { FEED, FeedItems, WholeBodies, bodies, feedReader, main } from "./main.js";

describe("HTTP client pipelines against a fixture server", () => {
  let server: FixtureServer;

  beforeEach(async () => {
    server = await fixtureServer({
      "/a": { type: "text/plain", body: "A" },
      "/b": { type: "text/plain", body: "BB" },
      "/feed.xml": { type: "application/rss+xml", body: FEED },
    });
  });

  afterEach(async () => {
    await server.close();
  });

  it("SimpleHTTPClient fed /a and /b yields the bodies A and BB, in request order, and the pipeline finishes", async () => {
    const { lines, sink } = printed();
    const harness = new Harness(bodies([`${server.base}/a`, `${server.base}/b`], { sink }));
    await harness.finish();
    expect(lines).toEqual(["A", "BB"]);
    expect(server.requests).toEqual(["/a", "/b"]);
    expect(harness.alive()).toEqual([]);
  });

  it("the feed reader prints exactly First post, Second post from the fixture RSS feed", async () => {
    const { lines, sink } = printed();
    const harness = new Harness(feedReader(`${server.base}/feed.xml`, { sink }));
    await harness.finish();
    expect(lines).toEqual(["First post", "Second post"]);
    expect(server.requests).toEqual(["/feed.xml"]);
    expect(harness.alive()).toEqual([]);
  });

  it("a URL the server does not have still gives its body, the server's 404 text, and the rest go on", async () => {
    const { lines, sink } = printed();
    await new Harness(bodies([`${server.base}/missing`, `${server.base}/a`], { sink })).finish();
    expect(lines).toEqual(["/missing is not here", "A"]);
  });

  it("a request that cannot be made is reported as ErrorInformation from signal, and the next URL is still fetched", async () => {
    const gone = await fixtureServer({});
    await gone.close();
    const { lines, sink } = printed();
    const harness = new Harness(bodies([`${gone.base}/a`, `${server.base}/a`], { sink }));
    await harness.finish();
    expect(lines).toEqual(["A"]);
    const [report, end] = harness.take("signal");
    expect(report).toBeInstanceOf(ErrorInformation);
    expect((report as ErrorInformation).message).toContain(`could not GET ${gone.base}/a`);
    expect(end).toBeInstanceOf(ProducerFinished);
  });
});

describe("The feed reader's parts", () => {
  it("WholeBodies joins each response's chunks, even a character cut between two, and sends one body per response", async () => {
    const bytes = new TextEncoder().encode("café");
    const harness = new Harness(WholeBodies());
    harness.send("inbox", new ParsedHTTPHeader({ protocol: "HTTP", version: "1.1", statuscode: 200, reason: "OK", headers: new Headers() }));
    harness.send("inbox", new ParsedHTTPBodyChunk(bytes.subarray(0, 4)), new ParsedHTTPBodyChunk(bytes.subarray(4)), new ParsedHTTPEnd());
    harness.send("inbox", new ParsedHTTPHeader({ protocol: "HTTP", version: "1.1", statuscode: 204, reason: "No Content", headers: new Headers() }));
    harness.send("inbox", new ParsedHTTPEnd());
    harness.send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take()).toEqual(["café", ""]);
  });

  it("FeedItems sends each item's title and link, not the channel's title, with entities decoded", async () => {
    const harness = new Harness(new FeedItems());
    harness.send("inbox", "<rss><channel><title>News</title><item><title>Fish &amp; chips</title><link>https://x.example/1</link></item></channel></rss>");
    harness.send("control", new ProducerFinished());
    await harness.finish();
    expect(harness.take()).toEqual([{ title: "Fish & chips", link: "https://x.example/1" }]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });
});

describe("The client pipelines program", () => {
  // It runs on the default scheduler: check that it leaves nothing running there.
  afterEach(() => {
    expect(Scheduler.run.listAllThreads()).toEqual([]);
  });

  it("prints what its page shows, fetching data: URLs as the page does", async () => {
    const { lines, sink } = printed();
    await main({ sink });
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
