/**
 * TCPClient: a TCP connection to a server as a component.
 * @module
 */

import { connect } from "node:net";
import { BadArgument } from "../util/BadArgument.js";
import { networkError } from "./NetworkError.js";
import { SocketAdapter } from "./SocketAdapter.js";
import { SocketTransport } from "./SocketTransport.js";
import type { Transport } from "./Transport.js";

/**
 * Connects to a TCP server: what arrives on `inbox` is sent to it, what it sends leaves from `outbox`.
 * @remarks Port of Kamaelia.Internet.TCPClient. It connects when it starts. Strings (sent as UTF-8) and
 * bytes (`Uint8Array`) on `inbox` are written to the socket in order; while the socket is full they wait
 * in `inbox` until it drains. What the server sends leaves from `outbox` as Node `Buffer`s (which are
 * `Uint8Array`s); when the next component's inbox is full the socket stops reading until there is room.
 * `ProducerFinished` on `control` writes what is waiting, ends the sending side and goes on delivering
 * what the server sends until the server closes (a request, then its whole reply); `ShutdownMicroprocess`
 * writes what is waiting and closes at once. Either is then passed on from `signal` and it ends. When
 * the server closes the connection it sends `ProducerFinished` from `signal` and ends. If it cannot
 * connect (`ECONNREFUSED`, an unknown host, ...) or the connection breaks (`ECONNRESET`), it ends with a
 * {@link NetworkError} naming the host and port (so `runThreads()` rejects), rather than reporting on
 * `signal`: a lost connection is never mistaken for a finished one. A message that is neither a string
 * nor bytes is skipped and reported as an `ErrorInformation` on `signal`.
 * @inbox inbox - data to send: strings (sent as UTF-8) or bytes as `Uint8Array`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: close once everything waiting has been sent
 * @outbox outbox - data received, as `Buffer`s
 * @outbox signal - the shutdown message when the connection has closed; `ErrorInformation` for skipped messages
 * @see {@link ServerCore} for the server side, {@link MemoryClient} for the same contract without sockets.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, PassThrough, Pipeline, PureTransformer, handle } from "kamaelia";
 * import { SimpleServer, TCPClient } from "kamaelia/node";
 * const core = new SimpleServer({ protocol: () => new PassThrough(), port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * const client = new Pipeline(
 *   new DataSource(["ping\n"]),
 *   new TCPClient("127.0.0.1", port),
 *   new PureTransformer((chunk: Uint8Array) => `server said ${String(chunk).trim()}`),
 *   new ConsoleEchoer(),
 * );
 * await handle(client).done; // server said ping
 * await server.shutdown();
 * ```
 */
export class TCPClient extends SocketAdapter {
  /**
   * @param host - the server's host name or address
   * @param port - the server's port
   */
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(null, "client");
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new BadArgument("TCPClient", "port", port, "a whole number from 1 to 65535");
    this.peerAddress = `${host}:${String(port)}`;
  }

  protected override connect(signal: AbortSignal): Promise<Transport> {
    return new Promise((resolve, reject) => {
      // Half open: after sending its last request it can still read the whole reply.
      const socket = connect({ host: this.host, port: this.port, allowHalfOpen: true });
      const failed = (error: Error): void => {
        signal.removeEventListener("abort", abandon);
        reject(networkError(this, `connect to ${this.peerAddress}`, error));
      };
      const abandon = (): void => {
        socket.destroy();
      };
      signal.addEventListener("abort", abandon, { once: true });
      socket.once("error", failed);
      socket.once("connect", () => {
        const transport = new SocketTransport(socket);
        socket.off("error", failed);
        signal.removeEventListener("abort", abandon);
        resolve(transport);
      });
    });
  }
}
