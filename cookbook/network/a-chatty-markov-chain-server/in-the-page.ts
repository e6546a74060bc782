// The chatty server in the page: the same servers on the in-memory network, taught from a list instead of a file.
import { DataSource, MemoryClient, MemoryServer } from "kamaelia";
import { main, type Network } from "./chatty.js";

/** The in-memory network of this page. */
export const memory: Network = { Server: MemoryServer, Client: MemoryClient };

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main(memory, new DataSource(["the cat sat\n"]), ["hello", "what did the cat do?"]);
