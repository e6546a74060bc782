// The same chat room in the page: MemoryServer and MemoryClient keep the TCP contracts without sockets.
import { MemoryClient, MemoryServer } from "kamaelia";
import { main, type Network } from "./chat.js";

/** The in-memory network of this page. */
export const memory: Network = { Server: MemoryServer, Client: MemoryClient };

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main(memory);
