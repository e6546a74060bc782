// Echo and fortune-cookie servers over TCP, with a client of each in the same program, on one scheduler.
import { ConsoleEchoer, DataSource, EchoProtocol, FortuneCookieProtocol, Pipeline, chunks_to_lines, handle } from "kamaelia";
import { ServerCore, TCPClient } from "kamaelia/node";

const HOST = "127.0.0.1";

/** An echo server on a free port: each connection gets a new EchoProtocol. */
export function echoServer(): ServerCore {
  return new ServerCore({ protocol: () => new EchoProtocol(), port: 0, host: HOST });
}

/** A fortune-cookie server on a free port: each connection is sent the cookies (the protocol's own by default), then closed. */
export function fortuneServer(cookies?: readonly string[]): ServerCore {
  return new ServerCore({ protocol: () => new FortuneCookieProtocol(cookies), port: 0, host: HOST });
}

/** Runs both servers and, in turn, a client of each that prints what it hears; `print` says where lines go. */
export async function main(print = (line: string): void => { console.log(line); }, cookies?: readonly string[]): Promise<void> {
  const echo = echoServer();
  const fortune = fortuneServer(cookies);
  const servers = [handle(echo), handle(fortune)];
  const [echoAt, fortuneAt] = await Promise.all([echo.ready, fortune.ready]);

  // Sends one line, then ProducerFinished: the server echoes the line and closes, which ends the client.
  await handle(new Pipeline(
    new DataSource(["hello\n"]),
    new TCPClient(HOST, echoAt.port),
    chunks_to_lines(),
    new ConsoleEchoer({ sink: print, tag: "echo: " }),
  )).done;

  // Sends nothing: prints what the server says until the server hangs up.
  await handle(new Pipeline(
    new TCPClient(HOST, fortuneAt.port),
    chunks_to_lines(),
    new ConsoleEchoer({ sink: print, tag: "fortune: " }),
  )).done;

  for (const server of servers) await server.shutdown();
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
