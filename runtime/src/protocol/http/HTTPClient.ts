/**
 * HTTP clients on `fetch`: one request (SingleShotHTTPClient), or one after another from an inbox
 * (SimpleHTTPClient), each response sent as a header, body chunks and an end.
 * @module
 */

import { AsyncComponent } from "../../axon/AsyncComponent.js";
import { AxonException, NoSpaceInBox } from "../../axon/AxonExceptions.js";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../../axon/Ipc.js";
import { BadArgument } from "../../util/BadArgument.js";
import { unhandled } from "../../util/unhandled.js";
import { ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPHeader, type HTTPResponseHead } from "./HTTPParser.js";

/** A request for the HTTP clients, with Kamaelia's keys: a URL, and optionally a method, body and headers. */
export interface HTTPClientRequest {
  /** The absolute `http:` or `https:` URL. */
  readonly url: string | URL;
  /** The method. Default GET, or POST when there is a `postbody`. */
  readonly method?: string;
  /** The request body (strings are sent as UTF-8). */
  readonly postbody?: string | Uint8Array;
  /** More request header fields. */
  readonly extraheaders?: HeadersInit;
}

/** Options for the HTTP clients: what makes their requests. */
export interface HTTPClientOptions {
  /**
   * The function that makes each request, called as `fetch(url, init)` with the URL as a string: a stub
   * that answers from memory, or a `fetch` that adds credentials. Default: the global `fetch`.
   */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/**
 * A request could not be made, or its response broke off: no server, a refused connection, a bad URL.
 * @remarks The message names the client, the method and URL and what went wrong; `cause` is what
 * `fetch` threw.
 */
export class HTTPRequestFailed extends AxonException {
  /**
   * @param component - the client
   * @param method - the request's method
   * @param url - the request's URL
   * @param cause - what went wrong
   */
  constructor(component: { readonly name: string }, method: string, url: string, cause: unknown) {
    const inner = cause instanceof Error && cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    const reason = cause instanceof Error ? `${cause.message}${inner}` : String(cause);
    super(
      `${component.name} could not ${method} ${url}: ${reason}. Check that the URL is an absolute http(s) URL and that the server is running and reachable.`,
      { cause },
    );
  }
}

const STOPPED = Symbol("stopped");

function asRequest(message: unknown): HTTPClientRequest | undefined {
  if (typeof message === "string" || message instanceof URL) return { url: message };
  if (typeof message !== "object" || message === null || !("url" in message)) return undefined;
  const { url } = message;
  return typeof url === "string" || url instanceof URL ? (message as HTTPClientRequest) : undefined;
}

/** What both clients share: one fetch, its response sent on as parsed messages, while `control` is watched. */
abstract class HTTPFetcher extends AsyncComponent {
  readonly #fetch: HTTPClientOptions["fetch"];
  /** The `ShutdownMicroprocess` received, once one has been. */
  protected stopWith: ShutdownMicroprocess | undefined;
  /** The `ProducerFinished` received, once one has been. */
  protected finishing: ProducerFinished | undefined;

  /** @param options - the fetch to make requests with */
  constructor(options: HTTPClientOptions) {
    super();
    if (options.fetch !== undefined && typeof options.fetch !== "function") {
      throw new BadArgument(this.constructor.name, "fetch", options.fetch, "a function called like fetch(url, init), or left out for the global fetch");
    }
    this.#fetch = options.fetch;
  }

  /** Takes what waits on `control`; true once told to stop now. */
  protected stopAsked(): boolean {
    while (this.dataReady("control") > 0) {
      const message = this.recv("control");
      if (message instanceof ShutdownMicroprocess) this.stopWith ??= message;
      else if (message instanceof ProducerFinished) this.finishing ??= message;
      else this.send(message, "signal");
    }
    return this.stopWith !== undefined;
  }

  /** Fetches `request` and sends the response on; false if told to stop first. */
  protected async fetchOne(request: HTTPClientRequest): Promise<boolean> {
    const url = String(request.url);
    const { postbody, extraheaders } = request;
    const method = (request.method ?? (postbody === undefined ? "GET" : "POST")).toUpperCase();
    const abort = new AbortController();
    const init: RequestInit = {
      method,
      signal: AbortSignal.any([abort.signal, this.signal]),
      ...(postbody === undefined ? {} : { body: typeof postbody === "string" ? postbody : new Uint8Array(postbody) }),
      ...(extraheaders === undefined ? {} : { headers: extraheaders }),
    };
    try {
      // Called unbound: the platform's fetch throws when called on another object.
      const response = await this.#watch((this.#fetch ?? fetch)(url, init), abort);
      if (response === STOPPED) return false;
      const head: HTTPResponseHead = {
        protocol: "HTTP",
        version: "1.1",
        statuscode: response.status,
        reason: response.statusText,
        headers: response.headers,
        // A Response made by hand (a stub's) has no url.
        url: response.url === "" ? url : response.url,
      };
      if (!(await this.#deliver(new ParsedHTTPHeader(head)))) {
        abort.abort();
        return false;
      }
      const reader = response.body?.getReader();
      for (;;) {
        if (reader === undefined) break;
        const read = await this.#watch(reader.read(), abort);
        if (read === STOPPED) return false;
        if (read.done) break;
        if (!(await this.#deliver(new ParsedHTTPBodyChunk(read.value)))) {
          abort.abort();
          return false;
        }
      }
      return await this.#deliver(new ParsedHTTPEnd());
    } catch (error) {
      if (this.finished) throw error;
      throw new HTTPRequestFailed(this, method, url, error);
    }
  }

  /** Waits for `promise`, or for `ShutdownMicroprocess` on `control` (which aborts the request). */
  async #watch<T>(promise: Promise<T>, abort: AbortController): Promise<T | typeof STOPPED> {
    const settled = promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    for (;;) {
      if (this.stopAsked()) {
        abort.abort();
        return STOPPED;
      }
      const outcome = await Promise.race([settled, this.woken().then(() => undefined)]);
      if (outcome === undefined) continue;
      if ("error" in outcome) throw outcome.error;
      return outcome.value;
    }
  }

  /** Sends `message` from `outbox`, waiting while its destination is full; false if told to stop first. */
  async #deliver(message: unknown): Promise<boolean> {
    for (;;) {
      if (this.stopAsked()) return false;
      try {
        this.send(message, "outbox");
        return true;
      } catch (error) {
        if (!(error instanceof NoSpaceInBox)) throw error;
      }
      await this.woken();
    }
  }
}

/**
 * Fetches one URL and sends the response as a header, body chunks and an end, then `ProducerFinished`.
 * @remarks Port of Kamaelia.Protocol.HTTP.HTTPClient.SingleShotHTTPClient, on `fetch` instead of a
 * TCPClient and an HTTPParser, so it runs in Node and in pages alike. It sends a
 * {@link ParsedHTTPHeader} holding an {@link HTTPResponseHead} (status, headers, final `url`; its
 * `version` is always `"1.1"`, as `fetch` does not tell), then the
 * body as {@link ParsedHTTPBodyChunk}s of `Uint8Array` as they arrive, then a {@link ParsedHTTPEnd},
 * and `ProducerFinished` from `signal`. Redirects are followed (Kamaelia followed up to three);
 * responses of any status are sent on (Kamaelia dropped the header of a non-200 response). A request
 * that cannot be made or whose body breaks off ends it with {@link HTTPRequestFailed}.
 * `ShutdownMicroprocess` on `control` aborts the request; it is passed on from `signal`. Chunks wait
 * while the destination of `outbox` is full. The request is made with the global `fetch`, or with the
 * `fetch` of its {@link HTTPClientOptions}: a stub answering from memory needs no network, and its
 * `Response` is sent on like any other (the head's `url` is then the URL requested).
 * @inbox inbox - not used
 * @inbox control - `ShutdownMicroprocess`: abort and end
 * @outbox outbox - `ParsedHTTPHeader`, `ParsedHTTPBodyChunk`s, `ParsedHTTPEnd`
 * @outbox signal - `ProducerFinished` when done, or the `ShutdownMicroprocess` it was given
 * @see {@link SimpleHTTPClient} for many URLs.
 * @example
 * ```ts
 * import { HTTPProtocol, OneShot, ParsedHTTPBodyChunk, ParsedHTTPHeader, SingleShotHTTPClient, handle } from "kamaelia";
 * import { ServerCore } from "kamaelia/node";
 * const core = new ServerCore({ protocol: HTTPProtocol([["/", () => new OneShot({ data: "hi there", complete: true })]]), port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * for await (const message of handle(new SingleShotHTTPClient(`http://127.0.0.1:${String(port)}/`))) {
 *   if (message instanceof ParsedHTTPHeader) console.log(message.header.statuscode); // 200
 *   if (message instanceof ParsedHTTPBodyChunk) console.log(new TextDecoder().decode(message.bodychunk)); // hi there
 * }
 * await server.shutdown();
 * ```
 * @example
 * ```ts
 * import { ParsedHTTPBodyChunk, ParsedHTTPHeader, SingleShotHTTPClient, handle } from "kamaelia";
 * const stub = (url: string) => Promise.resolve(new Response(`you asked for ${new URL(url).pathname}`));
 * for await (const message of handle(new SingleShotHTTPClient("https://example.org/hello", { fetch: stub }))) {
 *   if (message instanceof ParsedHTTPHeader) console.log(message.header.url); // https://example.org/hello
 *   if (message instanceof ParsedHTTPBodyChunk) console.log(new TextDecoder().decode(message.bodychunk)); // you asked for /hello
 * }
 * ```
 */
export class SingleShotHTTPClient extends HTTPFetcher {
  static override Inboxes = {
    inbox: "not used",
    control: "ShutdownMicroprocess: abort and end",
  };
  static override Outboxes = {
    outbox: "ParsedHTTPHeader, ParsedHTTPBodyChunks, ParsedHTTPEnd",
    signal: "ProducerFinished when done, or the ShutdownMicroprocess it was given",
  };

  readonly #request: HTTPClientRequest;

  /**
   * @param request - the URL, or a request with method, body and headers
   * @param options - the fetch to make the request with
   */
  constructor(request: string | URL | HTTPClientRequest, options: HTTPClientOptions = {}) {
    super(options);
    this.#request = typeof request === "string" || request instanceof URL ? { url: request } : request;
  }

  override async main(): Promise<void> {
    if (!(await this.fetchOne(this.#request))) {
      this.send(this.stopWith, "signal");
      return;
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/**
 * Fetches each URL it is sent, one after another, and sends each response as a header, body chunks and
 * an end.
 * @remarks Port of Kamaelia.Protocol.HTTP.HTTPClient.SimpleHTTPClient, on `fetch` (Node and pages).
 * `inbox` takes URLs (strings or `URL`s) or {@link HTTPClientRequest}s (Kamaelia's `{ url, postbody }`
 * dictionaries). For each, in order, it sends what a {@link SingleShotHTTPClient} would: a
 * {@link ParsedHTTPHeader}, {@link ParsedHTTPBodyChunk}s as they arrive, a {@link ParsedHTTPEnd}
 * (Kamaelia sent each body as one string). A request that fails is reported as an `ErrorInformation`
 * (carrying an {@link HTTPRequestFailed}) from `signal`, without an end for that response, and it goes
 * on with the next; other messages on `inbox` are skipped and reported the same way.
 * `ProducerFinished` on `control` lets it fetch what is waiting first; `ShutdownMicroprocess` aborts
 * the current request; either is passed on from `signal` and it ends. Requests are made with the
 * global `fetch`, or with the `fetch` of its {@link HTTPClientOptions}: a stub that answers from memory
 * serves a whole site with no network, and when it rejects, the request is reported like a refused
 * connection.
 * @inbox inbox - URLs, or `{ url, method, postbody, extraheaders }` requests
 * @inbox control - `ProducerFinished` (fetch what is waiting, then end) or `ShutdownMicroprocess` (abort and end)
 * @outbox outbox - for each request: `ParsedHTTPHeader`, `ParsedHTTPBodyChunk`s, `ParsedHTTPEnd`
 * @outbox signal - the shutdown message when it ends; `ErrorInformation` for each request that failed
 * @example
 * ```ts
 * import { HTTPProtocol, OneShot, ParsedHTTPHeader, ProducerFinished, SimpleHTTPClient, handle } from "kamaelia";
 * import { ServerCore } from "kamaelia/node";
 * const core = new ServerCore({ protocol: HTTPProtocol([["/hello", () => new OneShot({ data: "hello", complete: true })]]), port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * const client = handle(new SimpleHTTPClient());
 * client.put(`http://127.0.0.1:${String(port)}/hello`);
 * client.put(`http://127.0.0.1:${String(port)}/missing`);
 * client.put(new ProducerFinished(), "control");
 * for await (const message of client) {
 *   if (message instanceof ParsedHTTPHeader) console.log(message.header.statuscode); // 200, 404
 * }
 * await server.shutdown();
 * ```
 * @example
 * ```ts
 * import { ParsedHTTPHeader, ProducerFinished, SimpleHTTPClient, handle } from "kamaelia";
 * const pages = new Map([["/", "<h1>Home</h1>"]]);
 * const site = (url: string) => {
 *   const page = pages.get(new URL(url).pathname);
 *   return Promise.resolve(new Response(page ?? "not here", { status: page === undefined ? 404 : 200 }));
 * };
 * const client = handle(new SimpleHTTPClient({ fetch: site }));
 * client.put("https://example.org/");
 * client.put("https://example.org/missing");
 * client.put(new ProducerFinished(), "control");
 * for await (const message of client) {
 *   if (message instanceof ParsedHTTPHeader) console.log(message.header.statuscode); // 200, 404
 * }
 * ```
 */
export class SimpleHTTPClient extends HTTPFetcher {
  static override Inboxes = {
    inbox: "URLs, or { url, method, postbody, extraheaders } requests",
    control: "ProducerFinished (fetch what is waiting, then end) or ShutdownMicroprocess (abort and end)",
  };
  static override Outboxes = {
    outbox: "for each request: ParsedHTTPHeader, ParsedHTTPBodyChunks, ParsedHTTPEnd",
    signal: "the shutdown message when it ends; ErrorInformation for each request that failed",
  };

  /** @param options - the fetch to make requests with */
  constructor(options: HTTPClientOptions = {}) {
    super(options);
  }

  override async main(): Promise<void> {
    for (;;) {
      if (this.stopAsked()) {
        this.send(this.stopWith, "signal");
        return;
      }
      if (this.dataReady("inbox") > 0) {
        const message = this.recv("inbox");
        const request = asRequest(message);
        if (request === undefined) {
          this.send(unhandled(this, "inbox", message, "URLs (strings or URL objects) or { url, method, postbody, extraheaders } requests"), "signal");
          continue;
        }
        try {
          if (!(await this.fetchOne(request))) continue;
        } catch (error) {
          if (!(error instanceof HTTPRequestFailed)) throw error;
          this.send(new ErrorInformation(this, error, error.message), "signal");
        }
        continue;
      }
      if (this.finishing !== undefined) {
        this.send(this.finishing, "signal");
        return;
      }
      await this.waitForAny("inbox", "control");
    }
  }
}
