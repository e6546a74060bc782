// The Hello handler of main.ts answering HTTP with no network at all: HTTPServer is a component that
// turns a connection's request bytes into response bytes, so a DataSource can play the client.
import { Component, ConsoleEchoer, DataSource, HTTPServer, Pipeline, ProducerFinished, PureTransformer, chunks_to_lines } from "kamaelia";
import type { ConsoleEchoerOptions, HTTPResource } from "kamaelia";

/** The resource (status and headers), the body in chunks, then ProducerFinished. */
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

/** One request in, the response printed line by line (without its Date, which changes every run). */
export function system(print: ConsoleEchoerOptions = {}): Pipeline {
  return new Pipeline(
    new DataSource(["GET /hello HTTP/1.1\r\nHost: page\r\nConnection: close\r\n\r\n"]),
    HTTPServer(() => new Hello()),
    chunks_to_lines(),
    new PureTransformer((line: string) => (line.startsWith("date:") ? undefined : line)),
    new ConsoleEchoer(print),
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
