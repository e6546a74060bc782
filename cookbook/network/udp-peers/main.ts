// UDP peers: one SimplePeer sends datagrams, another receives each one with the address it came from.
import { ConsoleEchoer, DataSource, Pipeline, PureTransformer, SimpleDetupler, handle, type ConsoleEchoerOptions } from "kamaelia";
import { SimplePeer } from "kamaelia/node";

/** Sends each message as a datagram from one peer to another on 127.0.0.1, and prints what arrives. */
export async function main(messages: readonly string[] = ["ping 1", "ping 2", "ping 3"], print: ConsoleEchoerOptions = {}): Promise<void> {
  // The receiver: [data, [host, port]] for each datagram; SimpleDetupler(0) keeps the data.
  const receiver = new SimplePeer({ localaddr: "127.0.0.1" });
  const listening = handle(
    new Pipeline(receiver, new SimpleDetupler(0), new PureTransformer(String), new ConsoleEchoer({ ...print, forwarder: true })),
  );
  const { port } = await receiver.ready; // port 0 asked for: this is the one it got

  // The sender: every message to the receiver's port, then it closes its socket.
  const sender = new SimplePeer({ localaddr: "127.0.0.1", receiver_addr: "127.0.0.1", receiver_port: port });
  await handle(new Pipeline(new DataSource(messages), sender)).done;

  // UDP has no "that was the last one": the receiver is stopped once every datagram has arrived.
  for (const _sent of messages) await listening.get(); // one line back per datagram
  await listening.shutdown();
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
