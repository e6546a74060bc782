/**
 * WebSocketClient for pages and workers: the platform's `WebSocket` as a component, with TCPClient's boxes.
 * @module
 */

import { networkError } from "../internet/NetworkError.js";
import { SocketAdapter } from "../internet/SocketAdapter.js";
import { MessageTransport, type Chunk, type Transport } from "../internet/Transport.js";

/** How many bytes may wait unsent before a write reports the socket full. */
const HIGH_WATER_MARK = 64 * 1024;
/** How often a full socket is looked at again: the platform's WebSocket has no event for "sent". */
const DRAIN_POLL_MS = 10;
/** The close code of a connection lost (or never made) without a closing handshake. */
const ABNORMAL_CLOSURE = 1006;

/** The platform's WebSocket constructor, where there is one (pages, workers, Node 22 and later). */
function platformWebSocket(): typeof WebSocket | undefined {
  return (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
}

/**
 * Why a socket closed without a closing handshake. Browsers say nothing more (on purpose: pages must not
 * probe networks), so the error event's own error is used where a runtime gives one (Node, `ws`).
 */
function lostConnection(failure: unknown, opened: boolean): Error {
  if (failure instanceof Error) return failure;
  return new Error(
    opened
      ? `the connection was lost without a closing handshake (code ${String(ABNORMAL_CLOSURE)})`
      : `the connection closed before it opened (code ${String(ABNORMAL_CLOSURE)}; browsers give no reason). Check that a WebSocket server listens at that address and accepts the upgrade`,
  );
}

/** A message as a component receives it: text as a string, binary as bytes. */
function messageOf(data: unknown): Chunk {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return String(data);
}

/**
 * A platform `WebSocket` as a {@link Transport}: one message per chunk. WebSockets cannot half-close, so
 * ending closes (with the closing handshake, after what was sent); and the platform's WebSocket cannot
 * stop reading, so `pause` is a no-op (messages wait in the component until there is room).
 */
class PlatformWebSocketTransport extends MessageTransport implements Transport {
  #opened = false;
  /** What the error event carried, if anything, for the close that follows it. */
  #failure: unknown = undefined;
  #drainTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  /**
   * @param socket - a socket just made: the transport listens from the start
   * @param opened - told once, when it has opened or has closed without opening (with the reason)
   */
  constructor(
    readonly socket: WebSocket,
    opened: (failure?: Error) => void,
  ) {
    super();
    socket.binaryType = "arraybuffer";
    socket.addEventListener("open", () => {
      this.#opened = true;
      opened();
    });
    socket.addEventListener("error", (event) => {
      this.#failure ??= (event as { error?: unknown }).error;
    });
    socket.addEventListener("message", (event: MessageEvent<unknown>) => {
      this.received(messageOf(event.data));
    });
    socket.addEventListener("close", (event) => {
      this.#stopDrainPoll();
      if (event.code === ABNORMAL_CLOSURE) this.error = lostConnection(this.#failure, this.#opened);
      if (!this.#opened) {
        this.closed = true;
        opened(this.error ?? new Error(`the server closed the connection before it opened (code ${String(event.code)})`));
        return;
      }
      this.ended();
    });
  }

  write(chunk: Chunk): boolean {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return true;
    if (typeof chunk === "string") socket.send(chunk);
    else if (chunk.buffer instanceof ArrayBuffer) socket.send(chunk);
    // A WebSocket refuses views of shared memory: those are sent as a copy.
    else socket.send(chunk.slice());
    if (socket.bufferedAmount < HIGH_WATER_MARK) return true;
    this.#pollForDrain();
    return false;
  }

  end(): void {
    this.socket.close(1000);
  }

  close(): void {
    this.socket.close(1000);
  }

  destroy(): void {
    // The platform's WebSocket cannot drop its connection without the closing handshake.
    this.#stopDrainPoll();
    this.socket.close(1000);
  }

  pause(): void {
    // The platform's WebSocket cannot stop reading: what arrives waits in the component instead.
  }

  resume(): void {
    // Nothing was paused.
  }

  #pollForDrain(): void {
    if (this.#drainTimer !== undefined) return;
    const look = (): void => {
      this.#drainTimer = undefined;
      if (this.closed) return;
      if (this.socket.bufferedAmount < HIGH_WATER_MARK) this.events?.drain();
      else this.#drainTimer = setTimeout(look, DRAIN_POLL_MS);
    };
    this.#drainTimer = setTimeout(look, DRAIN_POLL_MS);
  }

  #stopDrainPoll(): void {
    if (this.#drainTimer !== undefined) clearTimeout(this.#drainTimer);
    this.#drainTimer = undefined;
  }
}

/**
 * Connects to a WebSocket server from a page or a worker: each message on `inbox` is sent, each message
 * received leaves from `outbox`. The same boxes as {@link TCPClient}.
 * @remarks The page's side of Kamaelia.Internet.TCPClient, on the platform's `WebSocket` (pages, Web
 * Workers, and Node 22 or later; in older Node use the `WebSocketClient` of `kamaelia/node`). It behaves
 * as that one does: strings are sent as text messages and `Uint8Array`s as binary ones; text messages
 * received leave as strings, binary ones as `Uint8Array`s. Message boundaries are kept. Sends wait in
 * `inbox` while more than 64 KiB wait unsent. The platform's WebSocket cannot stop reading, so when the
 * next component's inbox is full, received messages wait here until there is room. `ProducerFinished`
 * on `control` sends what is waiting, starts the closing handshake and goes on delivering until the
 * server has closed too; `ShutdownMicroprocess` sends what is waiting and closes without waiting.
 * Either is then passed on from `signal` and it ends. A WebSocket cannot half-close: a reply the server
 * has not sent yet when the handshake starts is lost, so wait for the replies you need before finishing.
 * When the server closes the connection it sends `ProducerFinished` from `signal` and ends. If it cannot
 * connect (nothing listens, the server refuses the upgrade, a URL that is not a WebSocket URL, a runtime
 * without `WebSocket`) or the connection is lost without a closing handshake, it ends with a
 * {@link NetworkError} (so `runThreads()` rejects); browsers do not say why a connection failed, so the
 * message lists what to check. A message that is neither a string nor bytes is skipped and reported as
 * an `ErrorInformation` on `signal`.
 * @inbox inbox - messages to send: strings (text) or bytes as `Uint8Array` (binary)
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: close once everything waiting has been sent
 * @outbox outbox - messages received: text as strings, binary as `Uint8Array`s
 * @outbox signal - the shutdown message when the connection has closed; `ErrorInformation` for skipped messages
 * @see {@link WebSocketServer} (in `kamaelia/node`) for a server, {@link TCPClient} for the same boxes over TCP.
 * @example
 * ```ts
 * // A Node server (kamaelia/node) and a page's client (kamaelia/browser), here in one program.
 * import { PureTransformer, handle } from "kamaelia";
 * import { WebSocketClient } from "kamaelia/browser";
 * import { WebSocketServer } from "kamaelia/node";
 * const shout = () => new PureTransformer((text: string) => text.toUpperCase());
 * const core = new WebSocketServer({ protocol: shout, port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * const client = handle(new WebSocketClient(`ws://127.0.0.1:${String(port)}/`));
 * client.put("hello");
 * client.put("world");
 * console.log(await client.get(), await client.get()); // HELLO WORLD
 * await client.shutdown();
 * await server.shutdown();
 * ```
 */
export class WebSocketClient extends SocketAdapter {
  /** Its inboxes: name to meaning. */
  static override Inboxes = {
    inbox: "messages to send: strings (text) or bytes as Uint8Array (binary)",
    control: "ProducerFinished or ShutdownMicroprocess: close once everything waiting has been sent",
  };
  /** Its outboxes: name to meaning. */
  static override Outboxes = {
    outbox: "messages received: text as strings, binary as Uint8Arrays",
    signal: "the shutdown message when the connection has closed; ErrorInformation for skipped messages",
  };

  /** @param url - the server's address, `ws://host:port/path` or `wss://...` */
  constructor(readonly url: string) {
    super(null, "client");
    this.peerAddress = url;
  }

  protected override connect(signal: AbortSignal): Promise<Transport> {
    return new Promise((resolve, reject) => {
      const what = `connect to ${this.url}`;
      const Socket = platformWebSocket();
      if (Socket === undefined) {
        const missing = new Error("this runtime has no WebSocket (Node before 22). In Node, use the WebSocketClient of kamaelia/node");
        reject(networkError(this, what, missing));
        return;
      }
      let socket: WebSocket;
      try {
        socket = new Socket(this.url);
      } catch (error) {
        const reason = error instanceof Error ? error.message.replace(/\.+$/, "") : String(error);
        reject(networkError(this, what, new Error(`${reason}. Give a ws:// or wss:// URL`, { cause: error })));
        return;
      }
      const abandon = (): void => {
        socket.close();
      };
      signal.addEventListener("abort", abandon, { once: true });
      const transport = new PlatformWebSocketTransport(socket, (failure) => {
        signal.removeEventListener("abort", abandon);
        if (failure === undefined) resolve(transport);
        else reject(networkError(this, what, failure));
      });
    });
  }
}
