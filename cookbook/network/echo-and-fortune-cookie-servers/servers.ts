// Echo and fortune-cookie servers, with a client of each, on one scheduler: on whichever network they are given.
import { ConsoleEchoer, DataSource, EchoProtocol, FortuneCookieProtocol, Pipeline, chunks_to_lines, handle, type Component, type ServerAddress } from "kamaelia";

/** How to listen and connect: `{ Server: ServerCore, Client: TCPClient }` on real sockets, `{ Server: MemoryServer, Client: MemoryClient }` in a page. */
export interface Network {
  readonly Server: new (options: { protocol: () => Component; port: number; host: string }) => Component & { readonly ready: Promise<ServerAddress> };
  readonly Client: new (host: string, port: number) => Component;
}

const HOST = "127.0.0.1";

/** An echo server on a free port: each connection gets a new EchoProtocol. */
export function echoServer({ Server }: Network): InstanceType<Network["Server"]> {
  return new Server({ protocol: () => new EchoProtocol(), port: 0, host: HOST });
}

/** A fortune-cookie server on a free port: each connection is sent the cookies (the protocol's own by default), then closed. */
export function fortuneServer({ Server }: Network, cookies?: readonly string[]): InstanceType<Network["Server"]> {
  return new Server({ protocol: () => new FortuneCookieProtocol(cookies), port: 0, host: HOST });
}

/** Runs both servers and, in turn, a client of each that prints what it hears; `print` says where lines go. */
export async function main(network: Network, print = (line: string): void => { console.log(line); }, cookies?: readonly string[]): Promise<void> {
  const echo = echoServer(network);
  const fortune = fortuneServer(network, cookies);
  const servers = [handle(echo), handle(fortune)];
  const [echoAt, fortuneAt] = await Promise.all([echo.ready, fortune.ready]);

  // Sends one line, then ProducerFinished: the server echoes the line and closes, which ends the client.
  await handle(new Pipeline(
    new DataSource(["hello\n"]),
    new network.Client(echoAt.host, echoAt.port),
    chunks_to_lines(),
    new ConsoleEchoer({ sink: print, tag: "echo: " }),
  )).done;

  // Sends nothing: prints what the server says until the server hangs up.
  await handle(new Pipeline(
    new network.Client(fortuneAt.host, fortuneAt.port),
    chunks_to_lines(),
    new ConsoleEchoer({ sink: print, tag: "fortune: " }),
  )).done;

  for (const server of servers) await server.shutdown();
}
