// The same servers and clients on the in-memory network: MemoryServer and MemoryClient keep the TCP contracts.
import { ConsoleEchoer, DataSource, EchoProtocol, FortuneCookieProtocol, MemoryClient, MemoryServer, Pipeline, chunks_to_lines, handle } from "kamaelia";

/** Runs both servers and, in turn, a client of each that prints what it hears; `print` says where lines go. */
export async function main(print = (line: string): void => { console.log(line); }, cookies?: readonly string[]): Promise<void> {
  const echo = new MemoryServer({ protocol: () => new EchoProtocol(), port: 0 });
  const fortune = new MemoryServer({ protocol: () => new FortuneCookieProtocol(cookies), port: 0 });
  const servers = [handle(echo), handle(fortune)];
  const [echoAt, fortuneAt] = await Promise.all([echo.ready, fortune.ready]);

  await handle(new Pipeline(
    new DataSource(["hello\n"]),
    new MemoryClient(echoAt.host, echoAt.port),
    chunks_to_lines(),
    new ConsoleEchoer({ sink: print, tag: "echo: " }),
  )).done;

  await handle(new Pipeline(
    new MemoryClient(fortuneAt.host, fortuneAt.port),
    chunks_to_lines(),
    new ConsoleEchoer({ sink: print, tag: "fortune: " }),
  )).done;

  for (const server of servers) await server.shutdown();
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
