// The chatty server over TCP, taught from a file: chatty.ts holds the chain, its protocols and the program.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SimpleReader, SimpleServer, TCPClient } from "kamaelia/node";
import { main, type Network } from "./chatty.js";

/** Real sockets: the servers listen on 127.0.0.1. */
export const tcp: Network = { Server: SimpleServer, Client: TCPClient };

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) {
  const corpus = join(await mkdtemp(join(tmpdir(), "chatty-")), "corpus.txt");
  await writeFile(corpus, "the cat sat\n");
  await main(tcp, new SimpleReader(corpus), ["hello", "what did the cat do?"]);
}
