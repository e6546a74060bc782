/**
 * HTTPProtocol and requestHandlers: a routing table of URI prefixes and handler factories made into a
 * server's protocol.
 * @module
 */

import type { Component } from "../../axon/Component.js";
import type { Graphline } from "../../chassis/Graphline.js";
import { ErrorPageHandler } from "./ErrorPages.js";
import type { HTTPParserOptions, HTTPRequest } from "./HTTPParser.js";
import type { ErrorHandlerFactory, RequestHandlerFactory } from "./HTTPRequestHandler.js";
import { HTTPServer, type HTTPServerOptions } from "./HTTPServer.js";

/** A routing table: `[prefix, factory]` entries, tried in order; the first prefix that starts the path wins. */
export type HTTPRouting = readonly (readonly [prefix: string, factory: RequestHandlerFactory])[];

/** Where a connection comes from, as a server tells the protocol factory. */
export type HTTPConnectionInfo = Pick<HTTPParserOptions, "peer" | "peerport" | "localip" | "localport">;

/**
 * Makes a request handler factory from a routing table: the first entry whose prefix starts the
 * request's path makes the handler, anything else gets a 404 page.
 * @remarks Port of Kamaelia.Support.Protocol.HTTP.requestHandlers (and of HTTPResourceGlue). The
 * prefix is compared with the start of the path as sent (`"/doc"` matches `"/doc/a"` and `"/docs"`;
 * end a prefix with `/` to match a folder only). The factory gets the request with `uriPrefixTrigger`
 * (the prefix) and `uriSuffix` (the rest of the path) set. Put more specific prefixes first and `"/"`
 * last.
 * @example
 * ```ts
 * import { ConsoleEchoer, OneShot, Pipeline, PureTransformer, requestHandlers, type HTTPRequest, type HTTPResource } from "kamaelia";
 * const route = requestHandlers([["/api/", (request) => new OneShot({ data: `API call: ${request.uriSuffix ?? ""}` })]]);
 * const request = (path: string): HTTPRequest => ({ method: "GET", uri: path, path, query: "", protocol: "HTTP", version: "1.1", headers: new Headers(), keepAlive: true });
 * for (const path of ["/api/users", "/elsewhere"]) {
 *   const show = new PureTransformer((resource: HTTPResource) => resource.statuscode ?? resource.data);
 *   await new Pipeline(route(request(path)), show, new ConsoleEchoer()).run();
 * } // API call: users, 404
 * ```
 */
export function requestHandlers(routing: HTTPRouting, errorhandler: ErrorHandlerFactory = ErrorPageHandler): RequestHandlerFactory {
  const table = routing.map(([prefix, factory]) => [prefix, factory] as const);
  return (request: HTTPRequest): Component => {
    for (const [prefix, factory] of table) {
      if (request.path.startsWith(prefix)) return factory({ ...request, uriPrefixTrigger: prefix, uriSuffix: request.path.slice(prefix.length) });
    }
    return errorhandler(404, `No resource handler was found for ${request.path}.`);
  };
}

/**
 * Makes the protocol factory of an HTTP server from a routing table: give it to a server as the
 * protocol for each connection.
 * @remarks Port of Kamaelia.Support.Protocol.HTTP.HTTPProtocol. Each call (one per connection, with
 * where the connection comes from) makes an {@link HTTPServer} whose handlers come from
 * {@link requestHandlers}`(routing, errorhandler)`. The options set the parser's limits
 * (`maxHeaderBytes`, `maxBodyBytes`, `idleTimeout`...) and the error pages for every connection.
 * @example
 * ```ts
 * import { HTTPProtocol, OneShot, handle } from "kamaelia";
 * import { ServerCore } from "kamaelia/node";
 * const protocol = HTTPProtocol([["/hello", () => new OneShot({ contentType: "text/plain", data: "Hello, world", complete: true })]]);
 * const core = new ServerCore({ protocol, port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * const response = await fetch(`http://127.0.0.1:${String(port)}/hello`);
 * console.log(response.status, await response.text()); // 200 Hello, world
 * await server.shutdown();
 * ```
 */
export function HTTPProtocol(routing: HTTPRouting, options: HTTPServerOptions = {}): (connection?: HTTPConnectionInfo) => Graphline {
  const createRequestHandler = requestHandlers(routing, options.errorhandler);
  return (connection: HTTPConnectionInfo = {}) => {
    const { peer, peerport, localip, localport } = connection;
    return HTTPServer(createRequestHandler, {
      ...options,
      ...(peer === undefined ? {} : { peer }),
      ...(peerport === undefined ? {} : { peerport }),
      ...(localip === undefined ? {} : { localip }),
      ...(localport === undefined ? {} : { localport }),
    });
  };
}
