// The chat room, served over WebSocket so that web pages can join it: run it with Node, then main.ts in a page.
import { Backplane, Pipeline, PublishTo, PureTransformer, SubscribeTo, handle } from "kamaelia";
import { WebSocketServer } from "kamaelia/node";

/** Where the room is served when this file runs as a program; main.ts connects there. */
export const PORT = 8027;

const decoder = new TextDecoder();

/** One connection's protocol: what client `id` says, as text and tagged, goes to CHAT; everything said in CHAT goes back. */
export function chatProtocol(id: number): Pipeline {
  return new Pipeline(
    new PureTransformer((message: string | Uint8Array) => (typeof message === "string" ? message : decoder.decode(message))),
    new PureTransformer((text: string) => `${String(id)} says ${text}`),
    new PublishTo("CHAT"),
    new SubscribeTo("CHAT"),
  );
}

/** The room's server on `port` (0: any free one), numbering its connections from 1; a Backplane("CHAT") must be running. */
export function chatServer(port = PORT): WebSocketServer {
  let connections = 0;
  return new WebSocketServer({ protocol: () => chatProtocol(++connections), port, host: "127.0.0.1" });
}

// Run as a program, until stopped (Ctrl-C); a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) {
  handle(new Backplane("CHAT"));
  const core = chatServer();
  handle(core);
  const { port } = await core.ready;
  console.log(`The chat room is open at ws://127.0.0.1:${String(port)}/`);
}
