/**
 * ServerCore and SimpleServer: TCP servers that give each connection its own protocol handler.
 * @module
 */

import { createServer, type AddressInfo } from "node:net";
import type { Component } from "../axon/Component.js";
import { ConnectionServer, type ConnectionInfo, type ListenerEvents, type Listening, type ServerCoreOptions } from "./ConnectionServer.js";
import { networkError } from "./NetworkError.js";
import { SocketTransport, socketInfo } from "./SocketTransport.js";

/**
 * A TCP server that makes a protocol handler component for each connection and wires it to that
 * connection both ways.
 * @remarks Port of Kamaelia.Chassis.ConnectedServer.ServerCore (with TCPServer and the
 * ConnectedSocketAdapter folded in). It listens on `port` (0 picks a free one) and `host` (default every
 * interface); `ready` resolves with the real address once it listens. For each connection it calls
 * `protocol({ peer, peerport, localip, localport })` and wires the new handler: bytes from the client
 * arrive on the handler's `inbox` (Node `Buffer`s, which are `Uint8Array`s); strings or `Uint8Array`s the
 * handler sends from `outbox` go to the client (strings as UTF-8), respecting the socket's backpressure.
 * When the client has finished sending, the handler is sent `ProducerFinished` on `control` and may
 * still reply; when the connection closes (or breaks) it is sent `ShutdownMicroprocess`. The handler's
 * `signal` closes its connection: `ProducerFinished` or `ShutdownMicroprocess` there (or the handler
 * ending) closes it once everything it sent has gone. A handler with an outbox named `serversignal`
 * (as in Kamaelia) can shut the whole server down through it. With `idleTimeout`, a connection with
 * nothing received or sent for that many milliseconds has its handler sent `ProducerFinished` (see
 * {@link InactivityChassis}). A handler that throws drops only its own connection: the failure is
 * reported (to `console.error`, or to the function given to `containErrors(report)`) and the server
 * goes on. What handlers send from `signal` besides shutdown messages (such as `ErrorInformation`)
 * leaves from the server's `signal`. `ShutdownMicroprocess` on `control` stops listening, closes every
 * connection and ends the server once their handlers have ended; `ProducerFinished` stops listening and
 * ends it once every connection has closed on its own. Either is then passed on from `signal`. If it
 * cannot listen, it ends with a {@link NetworkError} (`EADDRINUSE`, ...) and `ready` rejects with it.
 * @inbox inbox - not used (there so that a server can stand in a Pipeline)
 * @inbox control - `ProducerFinished`: stop accepting, end when every connection has closed; `ShutdownMicroprocess`: close everything and end
 * @outbox outbox - not used (there so that a server can stand in a Pipeline)
 * @outbox signal - what protocol handlers send from `signal` besides shutdown messages; the shutdown message when it ends
 * @see {@link SimpleServer} when handlers need no connection details, {@link TCPClient} for the other
 * end, {@link MemoryServer} for the same contract without sockets.
 * @example
 * ```ts
 * import { Component, ProducerFinished, handle } from "kamaelia";
 * import { ServerCore, TCPClient } from "kamaelia/node";
 * class Welcome extends Component {
 *   constructor(readonly peer: string) {
 *     super();
 *   }
 *   override *main() {
 *     this.send(`welcome, ${this.peer}`);
 *     this.send(new ProducerFinished(this), "signal");
 *   }
 * }
 * const core = new ServerCore({ protocol: ({ peer }) => new Welcome(peer), port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * for await (const chunk of handle(new TCPClient("127.0.0.1", port))) console.log(String(chunk)); // welcome, 127.0.0.1
 * await server.shutdown();
 * ```
 */
export class ServerCore extends ConnectionServer {
  protected override listen(events: ListenerEvents): Promise<Listening> {
    const { port, host } = this.options;
    const where = `${host ?? "every interface"} port ${String(port)}`;
    return new Promise((resolve, reject) => {
      // Half open: a client that has finished sending can still be sent the reply.
      const server = createServer({ allowHalfOpen: true }, (socket) => {
        events.connection(new SocketTransport(socket), socketInfo(socket, port));
      });
      const failed = (error: Error): void => {
        server.close();
        reject(networkError(this, `listen on ${where}`, error));
      };
      server.once("error", failed);
      server.listen(host === undefined ? { port } : { port, host }, () => {
        server.off("error", failed);
        server.on("error", (error) => {
          events.error(networkError(this, `go on accepting connections on ${where}`, error));
        });
        const address = server.address() as AddressInfo;
        resolve({
          address: { port: address.port, host: address.address },
          close: () => {
            server.close();
          },
        });
      });
    });
  }
}

/** Options for a {@link SimpleServer}: those of {@link ServerCore}, with a factory that takes no arguments. */
export interface SimpleServerOptions extends Omit<ServerCoreOptions, "protocol"> {
  /** Makes the protocol handler for a new connection: a new component, not activated. */
  readonly protocol: () => Component;
}

/**
 * A TCP server whose protocol factory takes no arguments: otherwise {@link ServerCore}.
 * @remarks Port of Kamaelia.Chassis.ConnectedServer.SimpleServer, the older variant kept for protocols
 * that need no connection details: `protocol()` is called with nothing for each connection. Everything
 * else, boxes included, is as {@link ServerCore}.
 * @inbox inbox - not used (there so that a server can stand in a Pipeline)
 * @inbox control - `ProducerFinished`: stop accepting, end when every connection has closed; `ShutdownMicroprocess`: close everything and end
 * @outbox outbox - not used (there so that a server can stand in a Pipeline)
 * @outbox signal - what protocol handlers send from `signal` besides shutdown messages; the shutdown message when it ends
 * @example
 * ```ts
 * import { PassThrough, ProducerFinished, handle } from "kamaelia";
 * import { SimpleServer, TCPClient } from "kamaelia/node";
 * const core = new SimpleServer({ protocol: () => new PassThrough(), port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * const client = handle(new TCPClient("127.0.0.1", port));
 * client.put("hello");
 * client.put(new ProducerFinished(), "control");
 * for await (const chunk of client) console.log(String(chunk)); // hello
 * await server.shutdown();
 * ```
 */
export class SimpleServer extends ServerCore {
  readonly #protocol: () => Component;

  /** @param options - the protocol factory (called with nothing), where to listen, and the idle timeout */
  constructor(options: SimpleServerOptions) {
    super(options);
    this.#protocol = options.protocol;
  }

  protected override makeHandler(_info: ConnectionInfo): Component {
    return this.#protocol();
  }
}
