// The chat room over TCP: chat.ts holds the room's protocol, its server and two clients who talk.
import { ServerCore, TCPClient } from "kamaelia/node";
import { main, type Network } from "./chat.js";

/** Real sockets: the server listens on 127.0.0.1. */
export const tcp: Network = { Server: ServerCore, Client: TCPClient };

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main(tcp);
