/**
 * WebSocketClient: a WebSocket connection to a server as a component, with TCPClient's boxes.
 * @module
 */

import { WebSocket, type RawData } from "ws";
import { networkError } from "./NetworkError.js";
import { SocketAdapter } from "./SocketAdapter.js";
import { MessageTransport, type Chunk, type Transport } from "./Transport.js";

/** How many bytes may wait unsent before a write reports the socket full. */
const HIGH_WATER_MARK = 64 * 1024;

/** A message as a component receives it: text as a string, binary as bytes. */
function messageOf(data: RawData, isBinary: boolean): Chunk {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return isBinary ? bytes : bytes.toString("utf8");
}

/**
 * An open `ws` WebSocket as a {@link Transport}: one message per chunk. WebSockets cannot half-close,
 * so ending closes (with the closing handshake, after what was sent).
 * @internal
 */
export class WebSocketTransport extends MessageTransport implements Transport {
  #blocked = false;

  constructor(readonly socket: WebSocket) {
    super();
    socket.on("error", (error) => {
      this.error ??= error;
    });
    socket.on("message", (data, isBinary) => {
      this.received(messageOf(data, isBinary));
    });
    socket.once("close", (code) => {
      // 1006: the connection was lost without a closing handshake.
      if (code === 1006) this.error ??= new Error("the connection was lost without a closing handshake (code 1006)");
      this.ended();
    });
  }

  write(chunk: Chunk): boolean {
    const socket = this.socket;
    if (socket.readyState !== WebSocket.OPEN) return true;
    socket.send(chunk, () => {
      if (this.#blocked && socket.bufferedAmount < HIGH_WATER_MARK) {
        this.#blocked = false;
        this.events?.drain();
      }
    });
    if (socket.bufferedAmount < HIGH_WATER_MARK) return true;
    this.#blocked = true;
    return false;
  }

  end(): void {
    this.socket.close(1000);
  }

  close(): void {
    this.socket.close(1000);
  }

  destroy(): void {
    this.socket.terminate();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }
}

/**
 * Connects to a WebSocket server: each message on `inbox` is sent, each message received leaves from
 * `outbox`. The same boxes as {@link TCPClient}.
 * @remarks Uses the `ws` package (Node only). Strings are sent as text messages and `Uint8Array`s as
 * binary ones; text messages received leave as strings, binary ones as `Buffer`s (which are
 * `Uint8Array`s). Unlike TCP, message boundaries are kept. Sends wait in `inbox` while more than 64 KiB
 * wait unsent. `ProducerFinished` on `control` sends what is waiting, starts the closing handshake and
 * goes on delivering until the server has closed too; `ShutdownMicroprocess` sends what is waiting and
 * closes without waiting. Either is then passed on from `signal` and it ends. Unlike a TCP connection a
 * WebSocket cannot half-close: a reply the server has not sent yet when the handshake starts is lost, so
 * wait for the replies you need before finishing. When the server closes
 * the connection it sends `ProducerFinished` from `signal` and ends. If it cannot connect (`ECONNREFUSED`,
 * a server that refuses the upgrade, ...) or the connection is lost without a closing handshake, it ends
 * with a {@link NetworkError}. A message that is neither a string nor bytes is skipped and reported as
 * an `ErrorInformation` on `signal`.
 * @inbox inbox - messages to send: strings (text) or bytes as `Uint8Array` (binary)
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: close once everything waiting has been sent
 * @outbox outbox - messages received: text as strings, binary as `Buffer`s
 * @outbox signal - the shutdown message when the connection has closed; `ErrorInformation` for skipped messages
 * @see {@link WebSocketServer} for the server side, {@link TCPClient} for the same boxes over TCP.
 * @example
 * ```ts
 * import { PassThrough, handle } from "kamaelia";
 * import { WebSocketClient, WebSocketServer } from "kamaelia/node";
 * const core = new WebSocketServer({ protocol: () => new PassThrough(), port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * const client = handle(new WebSocketClient(`ws://127.0.0.1:${String(port)}`));
 * client.put("hello");
 * client.put("world");
 * console.log(await client.get(), await client.get()); // hello world
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
    outbox: "messages received: text as strings, binary as Buffers",
    signal: "the shutdown message when the connection has closed; ErrorInformation for skipped messages",
  };

  /** @param url - the server's address, `ws://host:port/path` or `wss://...` */
  constructor(readonly url: string) {
    super(null, "client");
    this.peerAddress = url;
  }

  protected override connect(signal: AbortSignal): Promise<Transport> {
    return new Promise((resolve, reject) => {
      let socket: WebSocket;
      try {
        socket = new WebSocket(this.url);
      } catch (error) {
        reject(networkError(this, `connect to ${this.url}`, error));
        return;
      }
      const abandon = (): void => {
        socket.terminate();
      };
      const failed = (error: Error): void => {
        signal.removeEventListener("abort", abandon);
        reject(networkError(this, `connect to ${this.url}`, error));
      };
      signal.addEventListener("abort", abandon, { once: true });
      socket.once("error", failed);
      socket.once("open", () => {
        const transport = new WebSocketTransport(socket);
        socket.off("error", failed);
        signal.removeEventListener("abort", abandon);
        resolve(transport);
      });
    });
  }
}
