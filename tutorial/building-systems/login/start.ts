// A protocol can hold a conversation: it asks for a name, greets, and then speaks for the user. What it
// remembers (here, who is logged in) decides what each line means: a small state machine.
import { Component, ConsoleEchoer, DataSource, MemoryClient, MemoryServer, Pipeline, chunks_to_lines, handle } from "kamaelia";

/** The login protocol: asks for a name, greets, then sends each line back as said by that user. */
export class Login extends Component {
  override *main() {
    this.send("What is your name?\n");
    // Who is logged in on this connection; undefined until the name has arrived.
    let user: string | undefined;
    for (;;) {
      while (this.dataReady("inbox")) {
        const line = String(this.recv("inbox"));
        // Your code here: while nobody is logged in, an empty line asks for the name again, and any
        // other line is the name: remember it in user and send "hello <name>\n". Once logged in, send
        // each line back as "<name>: <line>\n". For now it only echoes.
        this.send(`${line}\n`);
      }
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
  return new Pipeline(chunks_to_lines(), new Login());
}

/** Starts the server, has a client log in and say something, then stops the server. */
export async function main(): Promise<void> {
  const core = new MemoryServer({ protocol, port: 0 });
  const server = handle(core);
  const { host, port } = await core.ready;
  const client = new Pipeline(
    new DataSource(["\n", "alice\n", "hi there\n"]),
    new MemoryClient(host, port),
    chunks_to_lines(),
    new ConsoleEchoer({ tag: "client got: " }),
  );
  await handle(client).done;
  await server.shutdown();
}

// Run as a program; the step's Node test imports the protocol instead.
if (!("kamaeliaRecipeTest" in globalThis)) await main();
