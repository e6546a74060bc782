/**
 * SingleServer: a TCP server for one connection, which is its own inbox and outbox.
 * @module
 */

import { createServer, type AddressInfo, type Server } from "node:net";
import { BadArgument } from "../util/BadArgument.js";
import { readyPromise, type ServerAddress } from "./ConnectionServer.js";
import { NetworkError, networkError } from "./NetworkError.js";
import { SocketAdapter } from "./SocketAdapter.js";
import { SocketTransport } from "./SocketTransport.js";
import type { Transport } from "./Transport.js";

/** Options for a {@link SingleServer}. */
export interface SingleServerOptions {
  /** The port to listen on; 0 picks a free one (read it from `ready`). */
  readonly port: number;
  /** The address to listen on. Default: every interface. */
  readonly host?: string;
}

/**
 * Listens for one TCP connection and then is that connection: `inbox` goes to the client, what the
 * client sends leaves from `outbox`.
 * @remarks Port of Kamaelia.Internet.SingleServer. It listens when it starts (`ready` resolves with the
 * real address) and accepts the first client only: then it stops listening, so later clients are
 * refused. Until a client connects, what arrives on `inbox` waits there. From then on it behaves as
 * {@link TCPClient}: strings (as UTF-8) and `Uint8Array`s on `inbox` are written, respecting the
 * socket's backpressure; what the client sends leaves from `outbox` as `Buffer`s; when the client closes
 * the connection it sends `ProducerFinished` from `signal` and ends. `ProducerFinished` on `control`
 * writes what is waiting, ends the sending side and goes on delivering until the client closes;
 * `ShutdownMicroprocess` writes what is waiting and closes at once (before any client came, it just
 * stops listening); either is then passed on from `signal`. If it cannot listen, or the connection
 * breaks, it ends with a {@link NetworkError}, and `ready` rejects if it never listened.
 * @inbox inbox - data to send to the client: strings (sent as UTF-8) or bytes as `Uint8Array`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: close once everything waiting has been sent
 * @outbox outbox - data from the client, as `Buffer`s
 * @outbox signal - the shutdown message when the connection has closed; `ErrorInformation` for skipped messages
 * @example
 * ```ts
 * import { ProducerFinished, handle } from "kamaelia";
 * import { SingleServer, TCPClient } from "kamaelia/node";
 * const single = new SingleServer({ port: 0, host: "127.0.0.1" });
 * const server = handle(single);
 * server.put("just for you");
 * server.put(new ProducerFinished(), "control");
 * const { port } = await single.ready;
 * for await (const chunk of handle(new TCPClient("127.0.0.1", port))) console.log(String(chunk)); // just for you
 * await server.done;
 * ```
 */
export class SingleServer extends SocketAdapter {
  /** Its inboxes: name to meaning. */
  static override Inboxes = {
    inbox: "data to send to the client: strings (sent as UTF-8) or bytes as Uint8Array",
    control: "ProducerFinished or ShutdownMicroprocess: close once everything waiting has been sent",
  };
  /** Its outboxes: name to meaning. */
  static override Outboxes = {
    outbox: "data from the client, as Buffers",
    signal: "the shutdown message when the connection has closed; ErrorInformation for skipped messages",
  };

  /**
   * Resolves with the address once it listens (the real port when 0 was asked for); rejects with the
   * error that ended it if it could not listen, or if it was shut down first.
   */
  readonly ready: Promise<ServerAddress>;
  readonly #settleReady: (address: ServerAddress | Error) => void;
  readonly #options: SingleServerOptions;
  #accepted = false;

  /** @param options - where to listen */
  constructor(options: SingleServerOptions) {
    super(null, "client");
    const { port } = options;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BadArgument("SingleServer", "port", port, "a whole number from 0 to 65535 (0 picks a free port)");
    this.#options = options;
    [this.ready, this.#settleReady] = readyPromise();
  }

  protected override connect(signal: AbortSignal): Promise<Transport> {
    const { port, host } = this.#options;
    const where = `${host ?? "every interface"} port ${String(port)}`;
    return new Promise<Transport>((resolve, reject) => {
      const server: Server = createServer({ allowHalfOpen: true });
      const stop = (): void => {
        server.close();
        this.#settleReady(new NetworkError(`${this.name} was shut down before it was listening, so it has no address.`, ""));
      };
      signal.addEventListener("abort", stop, { once: true });
      server.on("connection", (socket) => {
        // Only the first client: any that connected before listening stopped are dropped.
        if (this.#accepted) {
          socket.destroy();
          return;
        }
        this.#accepted = true;
        const transport = new SocketTransport(socket);
        this.peerAddress = `${socket.remoteAddress ?? "the client"}:${String(socket.remotePort ?? "")}`;
        signal.removeEventListener("abort", stop);
        server.close();
        resolve(transport);
      });
      server.once("error", (error) => {
        signal.removeEventListener("abort", stop);
        server.close();
        const failure = networkError(this, `listen on ${where}`, error);
        this.#settleReady(failure);
        reject(failure);
      });
      server.listen(host === undefined ? { port } : { port, host }, () => {
        const address = server.address() as AddressInfo;
        this.#settleReady({ port: address.port, host: address.address });
      });
    });
  }
}
