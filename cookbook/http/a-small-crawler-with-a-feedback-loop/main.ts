// A small crawler: the links found on each page go round a loop back to the fetcher, unless seen before.
import { Component, ConsoleEchoer, DataSource, ErrorInformation, Graphline, PureTransformer, UnseenOnly } from "kamaelia";
import { ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPHeader, ProducerFinished, ShutdownMicroprocess, SimpleHTTPClient } from "kamaelia";
import type { HTTPClientOptions, HTTPResponseHead } from "kamaelia";

/** Sent after each page's links: the crawl counts these to know when every page has been read. */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a marker: only its class and identity matter
export class PageRead {}

/** Reads the responses of an HTTP client and sends each page's links as absolute URLs, then a PageRead. */
export class Links extends Component {
  override *main(): Generator<undefined, void, unknown> {
    const decoder = new TextDecoder();
    let url = "";
    let html = "";
    for (;;) {
      while (this.dataReady("inbox")) {
        const message = this.recv("inbox");
        if (message instanceof ParsedHTTPHeader) {
          url = (message.header as HTTPResponseHead).url ?? "";
          html = "";
        }
        if (message instanceof ParsedHTTPBodyChunk) html += decoder.decode(message.bodychunk, { stream: true });
        if (message instanceof ParsedHTTPEnd) {
          for (const [, href = ""] of html.matchAll(/href="([^"]*)"/g)) {
            const link = new URL(href, url);
            link.hash = "";
            this.send(link.href);
          }
          this.send(new PageRead());
        }
      }
      while (this.dataReady("control")) {
        const message = this.recv("control");
        // The client could not fetch a page at all: it has been read as far as it ever will be.
        if (message instanceof ErrorInformation) this.send(new PageRead());
        this.send(message, "signal");
        if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) return;
      }
      this.pause();
      yield;
    }
  }
}

/** Passes on the URLs it is sent and counts the pages not yet read; when none are left, ends the crawl. */
export class Frontier extends Component {
  override *main(): Generator<undefined, void, unknown> {
    let unread = 0;
    for (;;) {
      while (this.dataReady("inbox")) {
        const message = this.recv("inbox");
        if (message instanceof PageRead) unread--;
        else {
          unread++;
          this.send(message);
        }
        if (unread === 0) {
          this.send(new ProducerFinished(this), "signal");
          return;
        }
      }
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** Crawls the site of `start`, from `start`, fetching with `options.fetch`; prints each page's path as it is fetched. */
export function crawler(start: string, options: HTTPClientOptions, print = (line: string): void => { console.log(line); }): Graphline {
  const site = new URL("/", start).href;
  return new Graphline(
    {
      SEED: new DataSource([start]),
      UNSEEN: new UnseenOnly(),
      FRONTIER: new Frontier(),
      SHOW: new ConsoleEchoer({ forwarder: true, sink: (url) => { print(`visited ${new URL(url).pathname}`); } }),
      FETCH: new SimpleHTTPClient(options),
      LINKS: new Links(),
      ONSITE: new PureTransformer((found: unknown) => (found instanceof PageRead || String(found).startsWith(site) ? found : undefined)),
    },
    {
      linkages: {
        "SEED.outbox": "UNSEEN.inbox",
        "UNSEEN.outbox": "FRONTIER.inbox",
        "FRONTIER.outbox": "SHOW.inbox",
        "SHOW.outbox": "FETCH.inbox",
        "FETCH.outbox": "LINKS.inbox",
        "LINKS.outbox": "ONSITE.inbox",
        "ONSITE.outbox": "UNSEEN.inbox", // the feedback: links found go round again
        // The end of the crawl goes once round, from FRONTIER to UNSEEN, and out.
        "FRONTIER.signal": "SHOW.control",
        "SHOW.signal": "FETCH.control",
        "FETCH.signal": "LINKS.control",
        "LINKS.signal": "ONSITE.control",
        "ONSITE.signal": "UNSEEN.control",
        "UNSEEN.signal": "self.signal",
      },
    },
  );
}

/** The site crawled, by path: four pages that link to each other in circles, and a link off the site. */
export const SITE = new Map([
  ["/", `<a href="/a">A</a> <a href="/b">B</a>`],
  ["/a", `<a href="c">C</a> <a href="https://example.org/">elsewhere</a>`],
  ["/b", `<a href="/a">A</a> <a href="/#top">home</a>`],
  ["/c", `<a href="/">home</a>`],
]);

/** A fetch that answers from `pages`, as a server holding them would, with no network: a 404 for other paths. */
export const fetchFrom = (pages: ReadonlyMap<string, string>) => (url: string): Promise<Response> => {
  const html = pages.get(new URL(url).pathname);
  return Promise.resolve(html === undefined ? new Response("not found", { status: 404 }) : new Response(html, { headers: { "content-type": "text/html" } }));
};

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await crawler("http://site.example/", { fetch: fetchFrom(SITE) }).run();
