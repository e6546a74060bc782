/**
 * HTTPServer: the protocol of one HTTP connection, an HTTPParser and an HTTPRequestHandler wired together.
 * @module
 */

import { Component } from "../../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../../axon/Ipc.js";
import { Graphline } from "../../chassis/Graphline.js";
import { HTTPParser, type HTTPParserOptions } from "./HTTPParser.js";
import { HTTPRequestHandler, type HTTPRequestHandlerOptions, type RequestHandlerFactory } from "./HTTPRequestHandler.js";

/** Options for an {@link HTTPServer}: the parser's limits and connection details, and the handler's error pages. */
export type HTTPServerOptions = Omit<HTTPParserOptions, "mode"> & HTTPRequestHandlerOptions;

/**
 * Relays the shutdown messages of an HTTP connection between the socket, the parser and the request
 * handler, so that the connection closes once the last response has left.
 * @remarks Port of Kamaelia.Protocol.HTTP.HTTPServer.HTTPShutdownLogicHandling, the `CORELOGIC` of
 * {@link HTTPServer}. From the socket (`control`): `ProducerFinished` (the client sends no more) goes to
 * the parser; `ShutdownMicroprocess` (the connection is gone) goes to the parser and the handler, is
 * passed on from `signal`, and it ends. From the parser (`Pcontrol`): `ProducerFinished` (no more
 * requests) goes to the handler. From the handler (`Hcontrol`): `ProducerFinished` (close the connection)
 * stops the parser and is passed on from `signal`, and it ends. Other messages are ignored.
 * @inbox inbox - not used
 * @inbox control - the socket's shutdown messages
 * @inbox Pcontrol - the parser's `signal`
 * @inbox Hcontrol - the request handler's `signal`
 * @outbox outbox - not used
 * @outbox signal - `ProducerFinished` to close the connection, or the `ShutdownMicroprocess` it was given
 * @outbox Psignal - shutdown messages for the parser
 * @outbox Hsignal - shutdown messages for the request handler
 * @example
 * ```ts
 * import { Component, HTTPShutdownLogicHandling, ProducerFinished } from "kamaelia";
 * const logic = new HTTPShutdownLogicHandling();
 * const wiring = new Component();
 * wiring._createOutbox("close");
 * wiring.link([wiring, "close"], [logic, "Hcontrol"]);
 * wiring.send(new ProducerFinished(), "close");
 * await logic.run();
 * console.log(logic.finished); // true
 * ```
 */
export class HTTPShutdownLogicHandling extends Component {
  static override Inboxes = {
    inbox: "not used",
    control: "the socket's shutdown messages",
    Pcontrol: "the parser's signal",
    Hcontrol: "the request handler's signal",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "ProducerFinished to close the connection, or the ShutdownMicroprocess it was given",
    Psignal: "shutdown messages for the parser",
    Hsignal: "shutdown messages for the request handler",
  };

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          this.send(new ShutdownMicroprocess(this), "Psignal");
          this.send(new ShutdownMicroprocess(this), "Hsignal");
          this.send(message, "signal");
          return;
        }
        if (message instanceof ProducerFinished) this.send(message, "Psignal");
      }
      while (this.dataReady("Pcontrol") > 0) {
        const message = this.recv("Pcontrol");
        if (message instanceof ProducerFinished) this.send(message, "Hsignal");
      }
      while (this.dataReady("Hcontrol") > 0) {
        const message = this.recv("Hcontrol");
        if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) {
          this.send(new ShutdownMicroprocess(this), "Psignal");
          this.send(new ProducerFinished(this), "signal");
          return;
        }
      }
      this.pause();
      yield;
    }
  }
}

/**
 * Makes the protocol component for one HTTP connection: bytes from the client in, responses out.
 * @remarks Port of the Kamaelia.Protocol.HTTP.HTTPServer prefab: a {@link Graphline} of an
 * {@link HTTPParser} (`PARSER`), an {@link HTTPRequestHandler} (`HANDLER`) and an
 * {@link HTTPShutdownLogicHandling} (`CORELOGIC`). Its `inbox` takes the connection's bytes, its
 * `outbox` sends the responses (`Uint8Array`), its `signal` sends `ProducerFinished` when the connection
 * should close; `control` takes the socket's shutdown messages. Requests on one connection are answered
 * in order (keep-alive). The options are the parser's (limits, `idleTimeout`: a client silent that long
 * gets a 408 in the middle of a request, or its connection closed between requests) and the request
 * handler's (`errorhandler`, `onError`). Give a server {@link HTTPProtocol} (a routing table), or a
 * function calling this, as the protocol for each connection.
 * @example
 * ```ts
 * import { Component, ConsoleEchoer, DataSource, HTTPServer, OneShot, Pipeline, PureTransformer } from "kamaelia";
 * const hello = (): Component => new OneShot({ contentType: "text/plain", data: "hello", complete: true });
 * await new Pipeline(
 *   new DataSource(["GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"]),
 *   HTTPServer(hello),
 *   new PureTransformer((bytes: Uint8Array) => new TextDecoder().decode(bytes).split("\r\n")[0]),
 *   new ConsoleEchoer(),
 * ).run(); // HTTP/1.1 200 OK, hello
 * ```
 */
export function HTTPServer(createRequestHandler: RequestHandlerFactory, options: HTTPServerOptions = {}): Graphline {
  const { errorhandler, onError, ...parserOptions } = options;
  return new Graphline(
    {
      PARSER: new HTTPParser(parserOptions),
      HANDLER: new HTTPRequestHandler(createRequestHandler, {
        ...(errorhandler === undefined ? {} : { errorhandler }),
        ...(onError === undefined ? {} : { onError }),
      }),
      CORELOGIC: new HTTPShutdownLogicHandling(),
    },
    {
      linkages: {
        "self.inbox": "PARSER.inbox",
        "PARSER.outbox": "HANDLER.inbox",
        "HANDLER.outbox": "self.outbox",
        "self.control": "CORELOGIC.control",
        "CORELOGIC.Psignal": "PARSER.control",
        "CORELOGIC.Hsignal": "HANDLER.control",
        "CORELOGIC.signal": "self.signal",
        "PARSER.signal": "CORELOGIC.Pcontrol",
        "HANDLER.signal": "CORELOGIC.Hcontrol",
      },
    },
  );
}
