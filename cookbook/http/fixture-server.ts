/**
 * The fixture server of the HTTP recipes' tests: fixed pages on 127.0.0.1 and a free port, served with
 * `node:http` so that it shares no code with the components under test, and a log of the paths asked for.
 * @module
 */

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A page of a fixture site: its content type and body. */
export interface FixturePage {
  readonly type: string;
  readonly body: string;
}

/** A running fixture server. */
export interface FixtureServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly base: string;
  /** The path of every request, in the order they arrived. */
  readonly requests: readonly string[];
  /** Stops the server, closing its connections. */
  close(): Promise<void>;
}

/** Serves `pages` by path; any other path gets a 404. */
export async function fixtureServer(pages: Readonly<Record<string, FixturePage>>): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? "";
    requests.push(path);
    const page = pages[path];
    response.writeHead(page === undefined ? 404 : 200, { "content-type": page?.type ?? "text/plain" });
    response.end(page?.body ?? `${path} is not here`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${String(port)}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
        server.closeAllConnections();
      }),
  };
}
