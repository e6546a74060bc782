/**
 * What the Node tests of this part's network steps share. Importing it marks the process as a test, so
 * that a step's solution, imported for its protocol, does not also run its demo (each program ends with
 * `if (!("kamaeliaRecipeTest" in globalThis)) await main();`, as the cookbook's recipes do): import it
 * before the solution. It also serves a protocol on real sockets, and reads whole lines from a client.
 * @module
 */
import { handle, type Component, type Handle } from "kamaelia";
import { ServerCore, TCPClient } from "kamaelia/node";

Object.assign(globalThis, { kamaeliaRecipeTest: true });

/**
 * Reads what a client receives as whole lines, without their line breaks, however the bytes were cut
 * on the way: each call resolves with the next line.
 */
export function lineReader(client: Handle): () => Promise<string> {
  const decoder = new TextDecoder();
  let buffered = "";
  return async () => {
    for (;;) {
      const end = buffered.indexOf("\n");
      if (end >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        return line;
      }
      buffered += decoder.decode((await client.get()) as Uint8Array, { stream: true });
    }
  };
}

/**
 * Serves `protocol` with `ServerCore` on a free port of 127.0.0.1, on the default scheduler: `connect()`
 * makes a client to it, driven by a handle; `server.shutdown()` stops it.
 */
export async function serveOnNode(protocol: () => Component): Promise<{ server: Handle; host: string; port: number; connect: () => Handle }> {
  const core = new ServerCore({ protocol, port: 0, host: "127.0.0.1" });
  const server = handle(core);
  const { host, port } = await core.ready;
  return { server, host, port, connect: () => handle(new TCPClient(host, port)) };
}
