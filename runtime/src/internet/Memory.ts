/**
 * An in-memory loopback network: MemoryServer and MemoryClient behave as ServerCore and TCPClient do,
 * in Node, pages and workers alike.
 * @module
 */

import { ConnectionServer, type ListenerEvents, type Listening } from "./ConnectionServer.js";
import { networkError } from "./NetworkError.js";
import { SocketAdapter } from "./SocketAdapter.js";
import type { Chunk, Transport, TransportEvents } from "./Transport.js";

/** How many bytes may wait unread in one direction before a write reports the transport full. */
const HIGH_WATER_MARK = 16 * 1024;
/** Ports handed out when 0 is asked for, and to clients, start here (the dynamic port range). */
const FIRST_FREE_PORT = 49152;

const encoder = new TextEncoder();

/** The listening servers of the in-memory network, by `"host:port"`. */
const listeners = new Map<string, ListenerEvents>();
let nextPort = FIRST_FREE_PORT;
let nextClientPort = FIRST_FREE_PORT;

function addressKey(host: string, port: number): string {
  return `${host}:${String(port)}`;
}

/** A free port: the next not listened on in `host`, from the dynamic range. */
function freePort(host: string): number {
  for (;;) {
    const port = nextPort;
    nextPort = nextPort >= 65535 ? FIRST_FREE_PORT : nextPort + 1;
    if (!listeners.has(addressKey(host, port))) return port;
  }
}

/** An error with a system error code, as Node reports them. */
function systemError(code: string, text: string): Error {
  return Object.assign(new Error(`${code}: ${text}`), { code });
}

/** One direction of a connection: what one end sent that the other has not yet been told about. */
class Pipe {
  chunks: Uint8Array[] = [];
  bytes = 0;
  /** The sender will send nothing more. */
  ended = false;
}

/** What both ends of a connection share. */
class Link {
  /** The end that dropped the connection, once one did. */
  destroyedBy: MemoryEnd | null = null;
}

/** One end of an in-memory connection. Everything is reported on later microtasks, as I/O would be. */
class MemoryEnd implements Transport {
  peer: MemoryEnd = this;
  #events: TransportEvents | null = null;
  #paused = false;
  #scheduled = false;
  #endReported = false;
  #closeReported = false;
  /** `close()` was called: drop the connection once the peer has been told everything. */
  #closing = false;
  /** A write found the peer's side full: report `drain` when it empties. */
  wantsDrain = false;

  constructor(
    readonly inbound: Pipe,
    readonly outbound: Pipe,
    readonly link: Link,
  ) {}

  start(events: TransportEvents): void {
    this.#events = events;
    this.schedule();
  }

  write(chunk: Chunk): boolean {
    if (this.outbound.ended || this.link.destroyedBy !== null) return true;
    // Bytes, copied, as a byte stream delivers them: the sender may reuse its buffer.
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk.slice();
    this.outbound.chunks.push(bytes);
    this.outbound.bytes += bytes.byteLength;
    this.peer.schedule();
    if (this.outbound.bytes < HIGH_WATER_MARK) return true;
    this.wantsDrain = true;
    return false;
  }

  end(): void {
    if (this.outbound.ended) return;
    this.outbound.ended = true;
    this.peer.schedule();
  }

  close(): void {
    this.#closing = true;
    this.end();
    this.schedule();
  }

  destroy(): void {
    if (this.link.destroyedBy !== null) return;
    this.link.destroyedBy = this;
    this.schedule();
    this.peer.schedule();
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.schedule();
  }

  schedule(): void {
    if (this.#scheduled || this.#closeReported) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#pump();
    });
  }

  /** Reports what has happened since last time: data, then the peer's end, then the close. */
  #pump(): void {
    const events = this.#events;
    if (events === null || this.#closeReported) return;
    const inbound = this.inbound;
    let progressed = false;
    while (this.link.destroyedBy !== this && !this.#paused) {
      const chunk = inbound.chunks.shift();
      if (chunk === undefined) break;
      inbound.bytes -= chunk.byteLength;
      progressed = true;
      events.data(chunk);
    }
    const peer = this.peer;
    if (peer.wantsDrain && inbound.bytes < HIGH_WATER_MARK) {
      peer.wantsDrain = false;
      peer.#events?.drain();
    }
    const drained = inbound.chunks.length === 0;
    if (this.link.destroyedBy !== this && drained && !this.#endReported && (inbound.ended || this.link.destroyedBy !== null)) {
      this.#endReported = true;
      progressed = true;
      events.end();
    }
    if (this.#closing && this.outbound.chunks.length === 0 && this.link.destroyedBy === null) {
      // Everything this end sent has been delivered: drop the connection, as a socket closed after flushing.
      this.link.destroyedBy = this;
      peer.schedule();
    }
    const dropped = this.link.destroyedBy;
    const bothDone = this.outbound.ended && this.outbound.chunks.length === 0;
    if (dropped === this || (this.#endReported && (dropped !== null || bothDone))) {
      this.#closeReported = true;
      events.close();
      progressed = true;
    }
    if (progressed) peer.schedule();
  }
}

/** Two connected ends: the client's and the server's. */
function memoryConnection(): [client: MemoryEnd, server: MemoryEnd] {
  const toServer = new Pipe();
  const toClient = new Pipe();
  const link = new Link();
  const client = new MemoryEnd(toClient, toServer, link);
  const server = new MemoryEnd(toServer, toClient, link);
  client.peer = server;
  server.peer = client;
  return [client, server];
}

/**
 * A server on the in-memory network: {@link ServerCore}'s contract without sockets, so that servers,
 * recipes and their tests also run in a page or a worker.
 * @remarks It listens on a `host` name (default `"localhost"`) and a port number of the in-memory
 * network of this page or process; port 0 picks a free one, announced by `ready`. {@link MemoryClient}
 * connects to it. Everything else is as {@link ServerCore}: a protocol handler per connection made by
 * `protocol(info)`, wired both ways; data arrives as bytes (`Uint8Array`, strings sent are UTF-8
 * encoded, as over TCP); the client finishing sends `ProducerFinished` to the handler's `control`; the
 * handler's `signal` closes its connection; a failing handler closes only its connection and is
 * reported (`containErrors`); `idleTimeout`; `ProducerFinished` and `ShutdownMicroprocess` on `control`.
 * Listening on an address already in use ends it with a {@link NetworkError} (`EADDRINUSE`).
 * @inbox inbox - not used (there so that a server can stand in a Pipeline)
 * @inbox control - `ProducerFinished`: stop accepting, end when every connection has closed; `ShutdownMicroprocess`: close everything and end
 * @outbox outbox - not used (there so that a server can stand in a Pipeline)
 * @outbox signal - what protocol handlers send from `signal` besides shutdown messages; the shutdown message when it ends
 * @see {@link ServerCore}, its TCP counterpart.
 * @example
 * ```ts
 * import { MemoryClient, MemoryServer, PassThrough, handle } from "kamaelia";
 * const core = new MemoryServer({ protocol: () => new PassThrough(), port: 0 });
 * const server = handle(core);
 * const { host, port } = await core.ready;
 * const client = handle(new MemoryClient(host, port));
 * client.put("hello");
 * console.log(new TextDecoder().decode((await client.get()) as Uint8Array)); // hello
 * await client.shutdown();
 * await server.shutdown();
 * ```
 */
export class MemoryServer extends ConnectionServer {
  protected override listen(events: ListenerEvents): Promise<Listening> {
    const host = this.options.host ?? "localhost";
    const port = this.options.port === 0 ? freePort(host) : this.options.port;
    const key = addressKey(host, port);
    if (listeners.has(key)) {
      return Promise.reject(networkError(this, `listen on ${key} of the in-memory network`, systemError("EADDRINUSE", "address already in use")));
    }
    listeners.set(key, events);
    return Promise.resolve({
      address: { host, port },
      close: () => {
        if (listeners.get(key) === events) listeners.delete(key);
      },
    });
  }
}

/**
 * A client on the in-memory network: {@link TCPClient}'s contract, connecting to a {@link MemoryServer}.
 * @remarks Connects to `host` and `port` of the in-memory network of this page or process. Strings and
 * `Uint8Array` bytes on `inbox` are sent (strings as UTF-8); what the server sends leaves from `outbox`
 * as bytes (`Uint8Array`). Writes wait while the connection is full (16 KiB unread). `ProducerFinished`
 * on `control` sends what is waiting, ends the sending side and goes on delivering until the server
 * closes; `ShutdownMicroprocess` sends what is waiting and closes at once; either is then passed on from
 * `signal`. When the server closes the connection it sends `ProducerFinished` from `signal` and ends.
 * With no server there it ends with a {@link NetworkError} (`ECONNREFUSED`). A message that is neither
 * a string nor bytes is skipped and reported as an `ErrorInformation` on `signal`.
 * @inbox inbox - data to send: strings (sent as UTF-8) or bytes as `Uint8Array`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: close once everything waiting has been sent
 * @outbox outbox - data received, as bytes (`Uint8Array`)
 * @outbox signal - the shutdown message when the connection has closed; `ErrorInformation` for skipped messages
 * @see {@link TCPClient}, its TCP counterpart.
 * @example
 * ```ts
 * import { Component, MemoryClient, MemoryServer, ProducerFinished, handle } from "kamaelia";
 * class Greeter extends Component {
 *   override *main() {
 *     this.send("hello from the server");
 *     this.send(new ProducerFinished(this), "signal");
 *   }
 * }
 * const core = new MemoryServer({ protocol: () => new Greeter(), port: 0 });
 * const server = handle(core);
 * const { host, port } = await core.ready;
 * for await (const chunk of handle(new MemoryClient(host, port))) {
 *   console.log(new TextDecoder().decode(chunk as Uint8Array)); // hello from the server
 * }
 * await server.shutdown();
 * ```
 */
export class MemoryClient extends SocketAdapter {
  /**
   * @param host - the server's host name on the in-memory network
   * @param port - the server's port
   */
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(null, "client");
    this.peerAddress = addressKey(host, port);
  }

  protected override connect(): Promise<Transport> {
    const key = addressKey(this.host, this.port);
    const listener = listeners.get(key);
    if (listener === undefined) {
      return Promise.reject(networkError(this, `connect to ${key} of the in-memory network`, systemError("ECONNREFUSED", "connection refused")));
    }
    const [client, server] = memoryConnection();
    const peerport = nextClientPort;
    nextClientPort = nextClientPort >= 65535 ? FIRST_FREE_PORT : nextClientPort + 1;
    listener.connection(server, { peer: this.host, peerport, localip: this.host, localport: this.port });
    return Promise.resolve(client);
  }
}
