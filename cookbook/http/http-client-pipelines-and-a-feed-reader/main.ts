// HTTP clients in pipelines: URLs in, response bodies out; and a feed reader printing a feed's titles.
import {
  Component,
  ConsoleEchoer,
  DataSource,
  ParsedHTTPBodyChunk,
  ParsedHTTPEnd,
  ParsedHTTPHeader,
  Pipeline,
  PureTransformer,
  SimpleHTTPClient,
  SingleShotHTTPClient,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** Joins each response's body chunks into one string, sent when the response ends. */
export const WholeBodies = (): PureTransformer => {
  const decoder = new TextDecoder();
  let body = "";
  return new PureTransformer((message) => {
    if (message instanceof ParsedHTTPHeader) body = "";
    if (message instanceof ParsedHTTPBodyChunk) body += decoder.decode(message.bodychunk, { stream: true });
    if (message instanceof ParsedHTTPEnd) return body + decoder.decode();
    return undefined;
  });
};

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
/** The text of the first `<name>` element in `xml`, with the five XML entities decoded. */
const field = (xml: string, name: string): string => {
  const text = new RegExp(`<${name}>(.*?)</${name}>`, "s").exec(xml)?.[1] ?? "";
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_all, entity: string) => ENTITIES[entity] ?? "");
};

/** Reads just enough of an RSS document: sends each `<item>` as `{ title, link }`. */
export class FeedItems extends Component {
  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox")) {
        for (const [, item = ""] of String(this.recv("inbox")).matchAll(/<item>(.*?)<\/item>/gs)) {
          this.send({ title: field(item, "title"), link: field(item, "link") });
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

/** Fetches each URL in turn and prints each body. */
export function bodies(urls: readonly string[], print: ConsoleEchoerOptions = {}): Pipeline {
  return new Pipeline(new DataSource(urls), new SimpleHTTPClient(), WholeBodies(), new ConsoleEchoer(print));
}

/** Fetches one RSS feed and prints the title of each item. */
export function feedReader(url: string, print: ConsoleEchoerOptions = {}): Pipeline {
  return new Pipeline(
    new SingleShotHTTPClient(url),
    WholeBodies(),
    new FeedItems(),
    new PureTransformer((item: { title: string }) => item.title),
    new ConsoleEchoer(print),
  );
}

/** The feed the program reads. */
export const FEED = `<rss version="2.0"><channel><title>Kamaelia news</title>
<item><title>First post</title><link>https://example.org/1</link></item>
<item><title>Second post</title><link>https://example.org/2</link></item>
</channel></rss>`;

/**
 * Both systems in turn. A page cannot reach a server on your machine, so they fetch data: URLs, which
 * carry their content in themselves; give them http: URLs to fetch from a server.
 */
export async function main(print: ConsoleEchoerOptions = {}): Promise<void> {
  const data = (type: string, content: string): string => `data:${type},${encodeURIComponent(content)}`;
  await bodies([data("text/plain", "A"), data("text/plain", "BB")], print).run();
  await feedReader(data("application/rss+xml", FEED), print).run();
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
