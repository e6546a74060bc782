// Closing idle connections over TCP: calls.ts holds the server, the callers and their calls.
import { handle } from "kamaelia";
import { SimpleServer, TCPClient } from "kamaelia/node";
import { calls, idleEchoServer, type Network } from "./calls.js";

/** Real sockets: the server listens on 127.0.0.1. */
export const tcp: Network = { Server: SimpleServer, Client: TCPClient };

/** The echo server, closing connections quiet for `timeout` ms, on a free port; then the two calls to it. */
export async function main(print?: (line: string) => void, timeout = 200): Promise<void> {
  const server = idleEchoServer(tcp, timeout);
  const serving = handle(server);
  const { port } = await server.ready;
  await handle(calls(tcp, port, print)).done;
  await serving.shutdown();
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
