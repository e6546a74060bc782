// A chat room: each connection publishes what its client says to a Backplane, and relays everything said there.
import { Backplane, Pipeline, ProducerFinished, PublishTo, PureTransformer, SubscribeTo, chunks_to_lines, handle, type Component, type Handle, type ServerAddress } from "kamaelia";

/** How to listen and connect: `{ Server: ServerCore, Client: TCPClient }` on real sockets, `{ Server: MemoryServer, Client: MemoryClient }` in a page. */
export interface Network {
  readonly Server: new (options: { protocol: () => Component; port: number; host: string }) => Component & { readonly ready: Promise<ServerAddress> };
  readonly Client: new (host: string, port: number) => Component;
}

const HOST = "127.0.0.1";

/** One connection's protocol: lines from client `id`, tagged, go to CHAT; everything said in CHAT comes back. */
export function chatProtocol(id: number): Pipeline {
  return new Pipeline(
    chunks_to_lines(),
    new PureTransformer((line: string) => `${String(id)} says ${line}`),
    new PublishTo("CHAT"),
    new SubscribeTo("CHAT"),
    new PureTransformer((line: string) => `${line}\n`),
  );
}

/** The chat server on a free port, numbering its connections from 1; a Backplane("CHAT") must be running. */
export function chatServer({ Server }: Network): InstanceType<Network["Server"]> {
  let connections = 0;
  return new Server({ protocol: () => chatProtocol(++connections), port: 0, host: HOST });
}

/** Runs the room with two clients, who talk, and one of whom leaves; `print` says where lines go. */
export async function main(network: Network, print = (line: string): void => { console.log(line); }): Promise<void> {
  const backplane = handle(new Backplane("CHAT"));
  const core = chatServer(network);
  const server = handle(core);
  const { host, port } = await core.ready;
  // A client: strings put in go to the server; the lines it hears come out.
  const join = (): Handle => handle(new Pipeline(new network.Client(host, port), chunks_to_lines()));
  const hear = async (name: string, client: Handle): Promise<void> => {
    print(`${name} hears: ${String(await client.get())}`);
  };

  // A subscriber hears only what is said after it has joined: each client waits to hear its own hello.
  const one = join();
  one.put("hello\n");
  await hear("client 1", one);
  const two = join();
  two.put("hello\n");
  await hear("client 2", two);
  await hear("client 1", one);

  one.put("hi\n");
  await hear("client 1", one);
  await hear("client 2", two);

  // Client 2 hangs up; the room goes on.
  two.put(new ProducerFinished(), "control");
  await two.done;
  one.put("anyone there?\n");
  await hear("client 1", one);

  one.put(new ProducerFinished(), "control");
  await one.done;
  await server.shutdown();
  await backplane.shutdown();
}
