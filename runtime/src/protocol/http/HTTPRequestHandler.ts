/**
 * HTTPRequestHandler: parsed requests answered by resource-handler components, one after another.
 * @module
 */

import { AxonException, ComponentError, NoSpaceInBox } from "../../axon/AxonExceptions.js";
import { Component } from "../../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../../axon/Ipc.js";
import { Container } from "../../chassis/Container.js";
import { unhandled } from "../../util/unhandled.js";
import { isData, toBytes } from "../bytes.js";
import { ErrorPageHandler } from "./ErrorPages.js";
import { ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPError, ParsedHTTPHeader, type HTTPRequest } from "./HTTPParser.js";
import { reasonPhrase } from "./reasonPhrase.js";

/**
 * What a resource handler sends first: the status, the headers and perhaps the start of the body.
 * @remarks Kamaelia's resource dictionary. Later messages carry more of the body: `{ data }`, a string
 * or a `Uint8Array`. The response has a `Content-Length` when `complete` is true (then `data` is the
 * whole body), when `length` is given, or when `headers` hold one; otherwise it is chunked (HTTP/1.1
 * clients) or ends by closing the connection (HTTP/1.0 clients).
 */
export interface HTTPResource {
  /** The status code. Default 200. */
  readonly statuscode?: number | string;
  /** Response header fields. */
  readonly headers?: HeadersInit;
  /** The `Content-Type`, if not among `headers`. */
  readonly contentType?: string;
  /** The body, or its first part; strings are sent as UTF-8. */
  readonly data?: string | Uint8Array;
  /** The body's length in bytes, when known before it is sent. */
  readonly length?: number;
  /** True when `data` is the whole body. */
  readonly complete?: boolean;
}

/** Makes the resource handler for a request. */
export type RequestHandlerFactory = (request: HTTPRequest) => Component;

/** Makes the component that answers with an error page: status code and message. */
export type ErrorHandlerFactory = (statuscode: number, message: string) => Component;

/** Options for an {@link HTTPRequestHandler}. */
export interface HTTPRequestHandlerOptions {
  /** Makes the answer to a request the parser refused, or to a handler that failed. Default {@link ErrorPageHandler}. */
  readonly errorhandler?: ErrorHandlerFactory;
  /** Told of every resource handler that fails (or factory that throws); the client gets a 500. Default `console.error`. */
  readonly onError?: (error: unknown) => void;
}

/** A resource handler broke the protocol: told to `onError`, and the client gets a 500. */
export class BadResource extends AxonException {}

const encoder = new TextEncoder();
const CONTINUE = encoder.encode("HTTP/1.1 100 Continue\r\n\r\n");
const LAST_CHUNK = encoder.encode("0\r\n\r\n");
const FALLBACK = encoder.encode(
  "HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 22\r\nconnection: close\r\n\r\nInternal Server Error\n",
);

/** How the end of a response body is shown. */
type Framing = "length" | "chunked" | "close" | "none";

interface Exchange {
  readonly request: HTTPRequest;
  handler: Component;
  /** The handler makes an error page: if it fails too, a plain 500 is sent. */
  isError: boolean;
  /** The request's body has all been passed to the handler (or thrown away). */
  bodyEnded: boolean;
  started: boolean;
  framing: Framing;
  /** Body bytes still allowed by the Content-Length sent. */
  left: number;
}

/** A request for the rare cases where the parser refused one before reading it. */
function unknownRequest(): HTTPRequest {
  return { method: "GET", uri: "", path: "", query: "", protocol: "HTTP", version: "1.0", headers: new Headers(), keepAlive: false };
}

function isResource(message: unknown): message is HTTPResource {
  return typeof message === "object" && message !== null && !(message instanceof Uint8Array);
}

/**
 * Answers the parsed requests of one connection: for each it makes a resource handler, passes it the
 * request body, and writes what it sends back as an HTTP/1.1 response.
 * @remarks Port of Kamaelia.Protocol.HTTP.HTTPRequestHandler. Requests arrive on `inbox` from an
 * {@link HTTPParser}. For each {@link ParsedHTTPHeader} it calls `createRequestHandler(request)` (see
 * {@link requestHandlers} for a routing table), runs the component it returns as its child, sends it the
 * request's body chunks (bytes) on its `inbox` and `ProducerFinished` on its `control` when the body has
 * ended. The handler sends an {@link HTTPResource} first (status, headers, maybe data), then body data,
 * then `ProducerFinished` from its `signal` (or just ends). Requests are answered in order, one at a time
 * (pipelined ones wait). The response has a `Content-Length` when the length is known, is chunked for
 * HTTP/1.1 otherwise, and for HTTP/1.0 ends by closing the connection (Kamaelia always closed); HEAD
 * responses have no body; `Expect: 100-continue` is answered with `100 Continue`. A
 * {@link ParsedHTTPError} is answered with `errorhandler(statuscode, message)`; a handler that fails,
 * or ends without sending a resource, gives a 500 (reported to `onError`). After an error, a response
 * that ends by closing, or a client that asked to close, it sends `ProducerFinished` from `signal` (close
 * the connection) once the response has left, and ends. `ProducerFinished` on `control` (no more
 * requests will come) lets it answer those already waiting, then pass it on and end;
 * `ShutdownMicroprocess` stops the current handler and passes it on at once. A full destination of
 * `outbox` holds writing back. It extends {@link Container} only to contain its handlers' failures.
 * @inbox inbox - `ParsedHTTPHeader`, `ParsedHTTPBodyChunk`, `ParsedHTTPEnd`, `ParsedHTTPError` from an HTTPParser
 * @inbox control - `ProducerFinished` (no more requests) or `ShutdownMicroprocess` (stop now)
 * @inbox _handlerinbox - the resource and body data from the current handler, wired internally
 * @inbox _handlercontrol - the current handler's `signal`, wired internally
 * @outbox outbox - the responses, as `Uint8Array`s
 * @outbox signal - `ProducerFinished` when the connection should close; the shutdown message it was given
 * @outbox _handleroutbox - the request body for the current handler, wired internally
 * @outbox _handlersignal - `ProducerFinished` (body ended) or `ShutdownMicroprocess` for the current handler, wired internally
 * @see {@link HTTPServer} which puts an HTTPParser in front of it.
 * @example
 * ```ts
 * import { Component, ConsoleEchoer, DataSource, HTTPParser, HTTPRequestHandler, OneShot, Pipeline, PureTransformer } from "kamaelia";
 * const hello = (): Component => new OneShot({ statuscode: 200, contentType: "text/plain", data: "hello", complete: true });
 * await new Pipeline(
 *   new DataSource(["GET / HTTP/1.0\r\n\r\n"]),
 *   new HTTPParser(),
 *   new HTTPRequestHandler(hello),
 *   new PureTransformer((bytes: Uint8Array) => new TextDecoder().decode(bytes).split("\r\n")[0]),
 *   new ConsoleEchoer(),
 * ).run(); // HTTP/1.1 200 OK, hello
 * ```
 */
export class HTTPRequestHandler extends Container {
  static override Inboxes = {
    inbox: "ParsedHTTPHeader, ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPError from an HTTPParser",
    control: "ProducerFinished (no more requests) or ShutdownMicroprocess (stop now)",
    _handlerinbox: "the resource and body data from the current handler, wired internally",
    _handlercontrol: "the current handler's signal, wired internally",
  };
  static override Outboxes = {
    outbox: "the responses, as Uint8Arrays",
    signal: "ProducerFinished when the connection should close; the shutdown message it was given",
    _handleroutbox: "the request body for the current handler, wired internally",
    _handlersignal: "ProducerFinished (body ended) or ShutdownMicroprocess for the current handler, wired internally",
  };

  readonly #createRequestHandler: RequestHandlerFactory;
  readonly #errorhandler: ErrorHandlerFactory;
  readonly #onError: (error: unknown) => void;
  #exchange: Exchange | null = null;
  /** Throwing away the rest of a request body whose response has been sent. */
  #skippingBody = false;
  /** Close the connection once the current response has left. */
  #closing = false;
  /** Bytes waiting for room at the destination of `outbox`. */
  #out: Uint8Array[] = [];

  /**
   * @param createRequestHandler - makes the resource handler for each request
   * @param options - the error page maker and where failures are reported
   */
  constructor(createRequestHandler: RequestHandlerFactory, options: HTTPRequestHandlerOptions = {}) {
    super();
    this.#createRequestHandler = createRequestHandler;
    this.#errorhandler = options.errorhandler ?? ErrorPageHandler;
    this.#onError = options.onError ?? ((error: unknown) => { console.error(error); });
    this.containErrors(() => {
      // A failed handler is noticed, and reported, when its exchange is looked at.
    });
  }

  override *main(): Generator<unknown, void, unknown> {
    let finishing: unknown = undefined;
    for (;;) {
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          this.#dropHandler();
          this.send(message, "signal");
          return;
        }
        if (message instanceof ProducerFinished) finishing ??= message;
        else this.send(message, "signal");
      }
      while (this.#flush() && this.#advance()) {
        // Each round started a request, moved a response on, or finished one.
      }
      if (this.#exchange === null && this.#out.length === 0) {
        if (this.#closing) {
          this.send(new ProducerFinished(this), "signal");
          return;
        }
        if (finishing !== undefined && this.dataReady("inbox") === 0) {
          this.send(finishing, "signal");
          return;
        }
      }
      this.pause();
      yield;
    }
  }

  /** Moves things on by one round; false when nothing could move. */
  #advance(): boolean {
    const exchange = this.#exchange;
    if (exchange === null) return !this.#closing && this.dataReady("inbox") > 0 && this.#takeRequest();
    let moved = false;
    while (!exchange.bodyEnded && this.dataReady("inbox") > 0 && this.#exchange === exchange) {
      this.#passBody(exchange, this.recv("inbox"));
      moved = true;
    }
    if (this.#exchange !== exchange) return true;
    while (this.dataReady("_handlerinbox") > 0 && this.#out.length === 0 && this.#exchange === exchange) {
      this.#respond(exchange, this.recv("_handlerinbox"));
      moved = true;
    }
    if (this.#exchange !== exchange) return true;
    if (this.dataReady("_handlerinbox") === 0 && this.#handlerDone(exchange)) {
      this.#finishResponse(exchange);
      return true;
    }
    return moved;
  }

  /** Takes the next message from `inbox` while no request is being answered. */
  #takeRequest(): boolean {
    const message = this.recv("inbox");
    if (this.#skippingBody) {
      if (message instanceof ParsedHTTPBodyChunk) return true;
      this.#skippingBody = false;
      if (message instanceof ParsedHTTPEnd) return true;
      if (message instanceof ParsedHTTPError) {
        // The request has had its answer; what the parser refused is the rest of its body.
        this.#closing = true;
        return true;
      }
    }
    if (message instanceof ParsedHTTPHeader) {
      const request = message.header as HTTPRequest;
      if (request.version === "1.1" && request.headers.get("expect")?.toLowerCase() === "100-continue") this.#write(CONTINUE);
      this.#begin(request, false, () => this.#createRequestHandler(request));
    } else if (message instanceof ParsedHTTPError) {
      this.#closing = true;
      this.#begin(unknownRequest(), true, () => this.#errorhandler(message.statuscode, message.message));
    } else if (!(message instanceof ParsedHTTPBodyChunk || message instanceof ParsedHTTPEnd)) {
      this.send(unhandled(this, "inbox", message, "messages from an HTTPParser (ParsedHTTPHeader, ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPError)"), "signal");
    }
    return true;
  }

  /** Starts answering `request` with the component `make` returns. */
  #begin(request: HTTPRequest, isError: boolean, make: () => Component, bodyEnded = isError): void {
    let handler: Component;
    try {
      handler = make();
      if (!(handler instanceof Component)) {
        throw new BadResource(`${this.name}'s request handler factory returned ${String(handler)}, not a component. Return a new component for each request.`);
      }
    } catch (error) {
      this.#onError(error);
      if (isError) {
        this.#fallback();
        return;
      }
      this.#closing = true;
      this.#begin(request, true, () => this.#errorhandler(500, "The server could not make a handler for this request."), bodyEnded);
      return;
    }
    this.#exchange = { request, handler, isError, bodyEnded, started: false, framing: "none", left: 0 };
    this.link([handler, "outbox"], [this, "_handlerinbox"]);
    this.link([handler, "signal"], [this, "_handlercontrol"]);
    this.link([this, "_handleroutbox"], [handler, "inbox"]);
    this.link([this, "_handlersignal"], [handler, "control"]);
    this.addChildren(handler);
    handler.activate(this.scheduler ?? undefined);
  }

  /** Passes a message about the request body to the handler. */
  #passBody(exchange: Exchange, message: unknown): void {
    if (message instanceof ParsedHTTPBodyChunk) {
      this.send(message.bodychunk, "_handleroutbox");
    } else if (message instanceof ParsedHTTPEnd) {
      exchange.bodyEnded = true;
      this.send(new ProducerFinished(this), "_handlersignal");
    } else if (message instanceof ParsedHTTPError) {
      exchange.bodyEnded = true;
      this.#closing = true;
      if (exchange.started) {
        // The response is under way and cannot become an error page: cut the connection.
        this.#dropHandler();
        return;
      }
      this.#dropHandler();
      this.#begin(exchange.request, true, () => this.#errorhandler(message.statuscode, message.message));
    }
  }

  /** Writes what the handler sent: the resource first, then body data. */
  #respond(exchange: Exchange, message: unknown): void {
    if (!exchange.started) {
      if (!isResource(message)) {
        this.#handlerBroke(exchange, new BadResource(`${exchange.handler.name} sent ${isData(message) ? "data" : String(message)} before a resource: send { statuscode, headers, data } first.`));
        return;
      }
      this.#startResponse(exchange, message);
      return;
    }
    const data = isData(message) ? message : isResource(message) ? message.data : undefined;
    if (!isData(data)) {
      this.#onError(new BadResource(`${exchange.handler.name} sent ${String(message)} as body data: send { data }, a string or a Uint8Array.`));
      return;
    }
    this.#writeBody(exchange, toBytes(data));
  }

  #startResponse(exchange: Exchange, resource: HTTPResource): void {
    const { request } = exchange;
    const statuscode = Number(resource.statuscode ?? 200);
    let headers: Headers;
    try {
      if (resource.data !== undefined && !isData(resource.data)) throw new BadResource("its data is not a string or a Uint8Array");
      if (!(Number.isInteger(statuscode) && statuscode >= 100 && statuscode <= 999)) throw new BadResource(`the status code ${String(resource.statuscode)} is not a number from 100 to 999`);
      headers = new Headers(resource.headers);
      if (resource.contentType !== undefined) headers.set("content-type", resource.contentType);
    } catch (error) {
      this.#handlerBroke(exchange, new BadResource(`${exchange.handler.name} sent a resource that cannot be answered: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    const data = resource.data === undefined ? new Uint8Array(0) : toBytes(resource.data);
    const declared = resource.complete === true ? data.length : resource.length ?? (headers.has("content-length") ? Number(headers.get("content-length")) : undefined);
    const noBody = request.method === "HEAD" || statuscode === 304;
    headers.delete("transfer-encoding");
    let framing: Framing;
    if (statuscode < 200 || statuscode === 204) {
      framing = "none";
      headers.delete("content-length");
    } else if (declared !== undefined && Number.isSafeInteger(declared) && declared >= 0) {
      framing = noBody ? "none" : "length";
      headers.set("content-length", String(declared));
    } else if (noBody) {
      framing = "none";
      headers.delete("content-length");
    } else {
      framing = request.version === "1.1" ? "chunked" : "close";
      headers.delete("content-length");
      if (framing === "chunked") headers.set("transfer-encoding", "chunked");
    }
    if (framing === "close" || !request.keepAlive || exchange.isError) this.#closing = true;
    headers.set("connection", this.#closing ? "close" : "keep-alive");
    if (!headers.has("server")) headers.set("server", "Kamaelia");
    if (!headers.has("date")) headers.set("date", new Date().toUTCString());
    let head = `HTTP/1.1 ${String(statuscode)} ${reasonPhrase(statuscode)}\r\n`;
    for (const [name, value] of headers) head += `${name}: ${value}\r\n`;
    exchange.started = true;
    exchange.framing = framing;
    exchange.left = framing === "length" ? (declared ?? 0) : 0;
    this.#write(encoder.encode(`${head}\r\n`));
    if (data.length > 0) this.#writeBody(exchange, data);
  }

  #writeBody(exchange: Exchange, data: Uint8Array): void {
    if (data.length === 0) return;
    switch (exchange.framing) {
      case "none":
        return;
      case "length": {
        if (data.length > exchange.left) {
          this.#onError(new BadResource(`${exchange.handler.name} sent more body than the Content-Length it gave; the rest was dropped and the connection closed.`));
          this.#closing = true;
        }
        const part = data.subarray(0, exchange.left);
        exchange.left -= part.length;
        if (part.length > 0) this.#write(part);
        return;
      }
      case "chunked": {
        const size = encoder.encode(`${data.length.toString(16)}\r\n`);
        const chunk = new Uint8Array(size.length + data.length + 2);
        chunk.set(size);
        chunk.set(data, size.length);
        chunk.set([0x0d, 0x0a], size.length + data.length);
        this.#write(chunk);
        return;
      }
      case "close":
        this.#write(data);
        return;
    }
  }

  /** True when the current handler has finished: it said so on its `signal`, or it has ended. */
  #handlerDone(exchange: Exchange): boolean {
    let done = exchange.handler.finished;
    while (this.dataReady("_handlercontrol") > 0) {
      const message = this.recv("_handlercontrol");
      if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) done = true;
    }
    return done;
  }

  #finishResponse(exchange: Exchange): void {
    const failure = exchange.handler.exitError;
    if (failure !== undefined) {
      this.#handlerBroke(exchange, failure instanceof ComponentError ? failure : new ComponentError(exchange.handler, failure));
      return;
    }
    if (!exchange.started) {
      this.#handlerBroke(exchange, new BadResource(`${exchange.handler.name} ended without sending a resource: send { statuscode, headers, data } from its outbox first.`));
      return;
    }
    if (exchange.framing === "chunked") this.#write(LAST_CHUNK);
    if (exchange.framing === "length" && exchange.left > 0) {
      this.#onError(new BadResource(`${exchange.handler.name} ended ${String(exchange.left)} bytes short of the Content-Length it gave; the connection was closed.`));
      this.#closing = true;
    }
    this.#detach(exchange);
    if (!exchange.bodyEnded) this.#skippingBody = true;
  }

  /** A handler failed or broke the protocol: a 500 if nothing has been sent yet, else cut the connection. */
  #handlerBroke(exchange: Exchange, error: unknown): void {
    this.#onError(error);
    this.#dropHandler();
    this.#closing = true;
    if (exchange.started) return;
    if (exchange.isError) {
      this.#fallback();
      return;
    }
    this.#begin(exchange.request, true, () => this.#errorhandler(500, "The request handler failed."), exchange.bodyEnded);
  }

  /** The plain 500 sent when even the error page handler failed. */
  #fallback(): void {
    this.#closing = true;
    this.#write(FALLBACK);
  }

  /** Stops the current handler, whatever it is doing. */
  #dropHandler(): void {
    const exchange = this.#exchange;
    if (exchange === null) return;
    if (!exchange.handler.finished) {
      this.send(new ShutdownMicroprocess(this), "_handlersignal");
      exchange.handler.stop();
    }
    this.#detach(exchange);
  }

  #detach(exchange: Exchange): void {
    this.removeChild(exchange.handler);
    while (this.dataReady("_handlerinbox") > 0) this.recv("_handlerinbox");
    while (this.dataReady("_handlercontrol") > 0) this.recv("_handlercontrol");
    if (this.#exchange === exchange) this.#exchange = null;
  }

  #write(bytes: Uint8Array): void {
    this.#out.push(bytes);
    this.#flush();
  }

  /** Sends what waits to be written; false while the destination of `outbox` is full. */
  #flush(): boolean {
    const out = this.#out;
    while (out.length > 0) {
      try {
        this.send(out[0], "outbox");
      } catch (error) {
        if (error instanceof NoSpaceInBox) return false;
        throw error;
      }
      out.shift();
    }
    return true;
  }
}
