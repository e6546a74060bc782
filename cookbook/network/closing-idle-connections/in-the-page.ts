// Closing idle connections, in the page: the same server and calls on the in-memory network, as one system.
import { Graphline, MemoryClient, MemoryServer } from "kamaelia";
import { calls, idleEchoServer, type Network } from "./calls.js";

/** The in-memory network of this page. */
export const memory: Network = { Server: MemoryServer, Client: MemoryClient };

/** The in-memory network is this page's own: a fixed port is free, and the clients can be made before the server listens. */
const PORT = 1500;

/** The echo server, closing connections quiet for 100 ms, and the two calls; the server stops when both calls are over. */
export function system(print?: (line: string) => void): Graphline {
  return new Graphline(
    { SERVER: idleEchoServer(memory, 100, PORT), CALLS: calls(memory, PORT, print) },
    { linkages: { "CALLS.signal": "SERVER.control" } },
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
