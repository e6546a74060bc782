/**
 * WebSocketServer: ServerCore's contract over WebSockets.
 * @module
 */

import { WebSocketServer as WsServer, type AddressInfo } from "ws";
import { ConnectionServer, type ListenerEvents, type Listening } from "./ConnectionServer.js";
import { networkError } from "./NetworkError.js";
import { WebSocketTransport } from "./WebSocketClient.js";

/**
 * A WebSocket server that makes a protocol handler component for each connection, as {@link ServerCore}
 * does for TCP.
 * @remarks Uses the `ws` package (Node only), listening on `port` (0 picks a free one; `ready` resolves
 * with the real address) and `host` (default every interface), on any path. Each connection gets a
 * handler from `protocol({ peer, peerport, localip, localport })`, wired both ways: each message
 * received arrives on the handler's `inbox` (text as a string, binary as a `Buffer`), each string or
 * `Uint8Array` it sends from `outbox` is sent as a text or binary message. When the client closes, the
 * handler is sent `ShutdownMicroprocess` on `control`; `ProducerFinished` or `ShutdownMicroprocess` on
 * the handler's `signal` (or the handler ending) closes the connection, with the closing handshake,
 * after what it sent. Everything else is as {@link ServerCore}: `idleTimeout`, a failing handler closing
 * only its connection and being reported (`containErrors`), reports from handlers on `signal`,
 * `ProducerFinished` and `ShutdownMicroprocess` on `control`, a {@link NetworkError} if it cannot listen.
 * @inbox inbox - not used (there so that a server can stand in a Pipeline)
 * @inbox control - `ProducerFinished`: stop accepting, end when every connection has closed; `ShutdownMicroprocess`: close everything and end
 * @outbox outbox - not used (there so that a server can stand in a Pipeline)
 * @outbox signal - what protocol handlers send from `signal` besides shutdown messages; the shutdown message when it ends
 * @see {@link WebSocketClient} for the other end.
 * @example
 * ```ts
 * import { PureTransformer, handle } from "kamaelia";
 * import { WebSocketClient, WebSocketServer } from "kamaelia/node";
 * const shout = () => new PureTransformer((text: string) => text.toUpperCase());
 * const core = new WebSocketServer({ protocol: shout, port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * const client = handle(new WebSocketClient(`ws://127.0.0.1:${String(port)}/shout`));
 * client.put("hello");
 * console.log(await client.get()); // HELLO
 * await client.shutdown();
 * await server.shutdown();
 * ```
 */
export class WebSocketServer extends ConnectionServer {
  protected override listen(events: ListenerEvents): Promise<Listening> {
    const { port, host } = this.options;
    const where = `${host ?? "every interface"} port ${String(port)}`;
    return new Promise((resolve, reject) => {
      const server = new WsServer(host === undefined ? { port } : { port, host });
      server.on("connection", (socket, request) => {
        const { remoteAddress, remotePort, localAddress, localPort } = request.socket;
        events.connection(new WebSocketTransport(socket), {
          peer: remoteAddress ?? "0.0.0.0",
          peerport: remotePort ?? 0,
          localip: localAddress ?? "127.0.0.1",
          localport: localPort ?? port,
        });
      });
      const failed = (error: Error): void => {
        server.close();
        reject(networkError(this, `listen on ${where}`, error));
      };
      server.once("error", failed);
      server.once("listening", () => {
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
