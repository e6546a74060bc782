// Request handlers: a component per request, chosen by the first route whose prefix starts the path.
import { Component, HTTPProtocol, OneShot, Pipeline, ProducerFinished, PureTransformer, handle } from "kamaelia";
import type { HTTPRequest, HTTPResource, HTTPRouting } from "kamaelia";
import { ServerCore } from "kamaelia/node";

/** A handler written by hand: the resource (status and headers), the body in chunks, then ProducerFinished. */
export class Hello extends Component {
  override *main(): Generator<undefined, void, unknown> {
    this.send({ statuscode: 200, contentType: "text/html; charset=utf-8" } satisfies HTTPResource);
    for (const data of ["<html><body>", "<h1>Hello World</h1>", "</body></html>"]) {
      yield;
      this.send({ data });
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

const escapeHTML = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Wraps each text in an HTML page: a whole resource in one message. */
export const HTMLPage = (): PureTransformer<string> =>
  new PureTransformer((text: string): HTTPResource => ({
    contentType: "text/html; charset=utf-8",
    data: `<html><body><p>${escapeHTML(text)}</p></body></html>`,
    complete: true,
  }));

/** A handler made of parts: the request as a source, a transform, the HTML wrapper. */
export const Echo = (request: HTTPRequest): Pipeline =>
  new Pipeline(new OneShot(request), new PureTransformer((r: HTTPRequest) => `${r.method} ${r.uri}`), HTMLPage());

/** The routes, tried in order: the first prefix that starts the path wins, so "/" comes last. */
export const routes: HTTPRouting = [
  ["/hello", () => new Hello()],
  ["/echo/", Echo],
  ["/", () => new OneShot({ contentType: "text/plain; charset=utf-8", data: "Try /hello or /echo/anything", complete: true })],
];

/** The server, on 127.0.0.1 and a free port. */
export function system(): ServerCore {
  return new ServerCore({ protocol: HTTPProtocol(routes), port: 0, host: "127.0.0.1" });
}

/** Serves the routes, fetches a page from each, and stops the server. */
export async function main(print = (line: string): void => { console.log(line); }): Promise<void> {
  const core = system();
  const server = handle(core);
  const { port } = await core.ready;
  for (const path of ["/hello", "/echo/abc", "/hello/x", "/elsewhere"]) {
    const response = await fetch(`http://127.0.0.1:${String(port)}${path}`);
    print(`GET ${path}: ${await response.text()}`);
  }
  await server.shutdown();
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
