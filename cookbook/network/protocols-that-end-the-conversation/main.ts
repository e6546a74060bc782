// Protocols that end the conversation, over TCP: protocols.ts holds the protocols and the program that talks to them.
import { ServerCore, TCPClient } from "kamaelia/node";
import { main, type Network } from "./protocols.js";

/** Real sockets: the servers listen on 127.0.0.1. */
export const tcp: Network = { Server: ServerCore, Client: TCPClient };

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main(tcp);
