/**
 * The two TCP echo servers the server workloads compare: ServerCore giving each connection an
 * EchoProtocol, and a `node:net` server piping each socket into itself.
 * @module
 */

import { createServer } from "node:net";
import { EchoProtocol, Scheduler, handle } from "kamaelia";
import { ServerCore } from "kamaelia/node";
import { check } from "./support.mjs";

/**
 * A server listening on 127.0.0.1 and a free port.
 * @typedef {{ port: number, connections: () => number, close: () => Promise<void> }} EchoServer
 */

/** @returns {Promise<EchoServer>} */
export async function kamaelia() {
  const core = new ServerCore({ protocol: () => new EchoProtocol(), port: 0, host: "127.0.0.1" });
  const scheduler = new Scheduler();
  const server = handle(core.activate(scheduler));
  const { port } = await core.ready;
  return {
    port,
    connections: () => core.childComponents().length,
    close: async () => {
      await server.shutdown();
      check(scheduler.listAllThreads().length === 0, "components were left running after the server ended");
    },
  };
}

/** @returns {Promise<EchoServer>} */
export async function net() {
  let open = 0;
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    open++;
    socket.on("close", () => {
      open--;
    });
    socket.pipe(socket);
  });
  await new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve(undefined);
    });
  });
  const address = server.address();
  check(typeof address === "object" && address !== null, "the server has no address");
  return { port: address.port, connections: () => open, close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}



/**
 * Waits (a turn of the event loop at a time) until the server holds `count` connections.
 * @param {EchoServer} server
 * @param {number} count
 */
export async function untilConnections(server, count) {
  while (server.connections() !== count) await new Promise((resolve) => setImmediate(resolve));
}
