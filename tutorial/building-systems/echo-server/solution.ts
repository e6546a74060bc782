// A server makes one protocol component for each connection: what the client sends arrives on its
// inbox, what it sends from its outbox goes back to the client. MemoryServer and MemoryClient are a
// network inside the page, with the same boxes as ServerCore and TCPClient on real sockets.
import { Component, ConsoleEchoer, DataSource, MemoryClient, MemoryServer, Pipeline, chunks_to_lines, handle } from "kamaelia";

/** The echo protocol: sends each line it receives straight back, with its line break. */
export class Echo extends Component {
  override *main() {
    for (;;) {
      while (this.dataReady("inbox")) this.send(`${String(this.recv("inbox"))}\n`);
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** What the server makes for each connection: the bytes cut into lines, then the protocol. */
export function protocol(): Pipeline {
  return new Pipeline(chunks_to_lines(), new Echo());
}

/** Starts the server, has a client send two lines and print what comes back, then stops the server. */
export async function main(): Promise<void> {
  const core = new MemoryServer({ protocol, port: 0 });
  const server = handle(core);
  const { host, port } = await core.ready;
  const client = new Pipeline(
    new DataSource(["hello\n", "world\n"]),
    new MemoryClient(host, port),
    chunks_to_lines(),
    new ConsoleEchoer({ tag: "client got: " }),
  );
  await handle(client).done;
  await server.shutdown();
}

// Run as a program; the step's Node test imports the protocol instead.
if (!("kamaeliaRecipeTest" in globalThis)) await main();
