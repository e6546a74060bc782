// Echo and fortune-cookie servers over TCP, with a client of each in the same program: servers.ts holds them all.
import { ServerCore, TCPClient } from "kamaelia/node";
import { main, type Network } from "./servers.js";

/** Real sockets: the servers listen on 127.0.0.1. */
export const tcp: Network = { Server: ServerCore, Client: TCPClient };

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main(tcp);
