// An aggregating logger: lines from any number of clients go to one file, and live to anyone on a relay port.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Backplane, DataSource, Graphline, Pipeline, ProducerFinished, PublishTo, PureTransformer, SubscribeTo, chunks_to_lines, handle } from "kamaelia";
import { ServerCore, SimpleFileWriter, TCPClient } from "kamaelia/node";

const HOST = "127.0.0.1";
const withNewline = (line: string): string => `${line}\n`;

/** The log port: whatever each client sends is cut into lines and published to the LOGGER backplane. */
export function logServer(): ServerCore {
  return new ServerCore({ protocol: () => new Pipeline(chunks_to_lines(), new PublishTo("LOGGER")), port: 0, host: HOST });
}

/** The relay port: each client is sent every line published to LOGGER from the moment it connected. */
export function relayServer(): ServerCore {
  return new ServerCore({ protocol: () => new Pipeline(new SubscribeTo("LOGGER"), new PureTransformer(withNewline)), port: 0, host: HOST });
}

/**
 * The logger: the backplane, the one subscriber that writes `file`, and both servers. ProducerFinished
 * on its control stops the log port; once its last connection has closed, the backplane passes it on
 * to every subscriber after the last line (the file is closed, the relay's connections end); then the
 * relay port stops too.
 */
export function logger(file: string, log: ServerCore, relay: ServerCore): Graphline {
  return new Graphline(
    {
      LOGGER: new Backplane("LOGGER"),
      FILE: new Pipeline(new SubscribeTo("LOGGER"), new PureTransformer(withNewline), new SimpleFileWriter(file)),
      LOG: log,
      RELAY: relay,
    },
    { linkages: { ".control": "LOG.control", "LOG.signal": "LOGGER.control", "LOGGER.signal": "RELAY.control" } },
  );
}

/** Runs the logger with a listener on the relay port and two clients, one after the other; `print` says where lines go. */
export async function main(print = (line: string): void => { console.log(line); }, folder?: string): Promise<void> {
  const file = join(folder ?? (await mkdtemp(join(tmpdir(), "logger-"))), "log.txt");
  const log = logServer();
  const relay = relayServer();
  const running = handle(logger(file, log, relay));
  const [logAt, relayAt] = await Promise.all([log.ready, relay.ready]);

  const listener = handle(new Pipeline(new TCPClient(HOST, relayAt.port), chunks_to_lines()));
  // Each client sends its text in pieces that do not end at line breaks, then hangs up.
  for (const pieces of [["a", "\nb", "\n"], ["c\n"]]) {
    await handle(new Pipeline(new DataSource(pieces), new TCPClient(HOST, logAt.port))).done;
  }
  for (let n = 0; n < 3; n++) print(`relayed: ${String(await listener.get())}`);

  running.put(new ProducerFinished(), "control");
  await running.done;
  await listener.done;
  for (const line of (await readFile(file, "utf8")).split("\n").slice(0, -1)) print(`in the file: ${line}`);
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
