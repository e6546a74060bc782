// A web page's client for the chat room of server.ts: it joins, says hi, prints what it hears, and leaves.
import { handle } from "kamaelia";
import { WebSocketClient } from "kamaelia/browser";

/** Where server.ts serves the room. */
export const ROOM = "ws://127.0.0.1:8027/";

/** Joins the room at `url`, says hi and prints the first thing said there; `print` says where lines go. */
export async function main(url = ROOM, print = (line: string): void => { console.log(line); }): Promise<void> {
  const client = handle(new WebSocketClient(url));
  client.put("hi");
  print(String(await client.get()));
  await client.shutdown();
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
