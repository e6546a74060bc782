// Multicast: one datagram sent to a group's address reaches every socket that joined the group.
import { DataSource, Pipeline, handle } from "kamaelia";
import { Multicast_receiver, Multicast_sender, type Packet } from "kamaelia/node";

const group = "239.255.42.99"; // 239.x.x.x: addresses for groups of your own
const onThisMachine = { multicast_interface: "127.0.0.1" }; // join and send on the loopback interface

/** Sends each message once to a group that two receivers joined, and prints what each receiver heard. */
export async function main(messages: readonly string[] = ["news 1", "news 2"], print: (line: string) => void = console.log): Promise<void> {
  // Two receivers join the group on one port: the first gets a free port, the second shares it.
  const first = new Multicast_receiver(group, 0, onThisMachine);
  const receivers = [handle(first)];
  const { port } = await first.ready;
  const second = new Multicast_receiver(group, port, onThisMachine);
  receivers.push(handle(second));
  await second.ready;

  // One sender: each message leaves once, as one datagram to the group, then it closes its socket.
  await handle(new Pipeline(new DataSource(messages), new Multicast_sender("0.0.0.0", 0, group, port, onThisMachine))).done;

  // Each receiver got its own copy of every datagram, as [data, [host, port]].
  for (const [n, heard] of receivers.entries()) {
    for (const _sent of messages) print(`receiver ${String(n + 1)}: ${String(((await heard.get()) as Packet)[0])}`);
    await heard.shutdown();
  }
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
