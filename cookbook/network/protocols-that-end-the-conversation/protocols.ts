// Protocols that end the conversation: the server hangs up, the client says quit, the client leaves, the server stops.
import { Component, DataSource, Pipeline, ProducerFinished, ShutdownMicroprocess, chunks_to_lines, handle, type ComponentError, type Handle, type NetworkError, type ServerAddress } from "kamaelia";

/** How to listen and connect: `{ Server: ServerCore, Client: TCPClient }` on real sockets, `{ Server: MemoryServer, Client: MemoryClient }` in a page. */
export interface Network {
  readonly Server: new (options: { protocol: () => Component; port: number; host: string }) => Component & { readonly ready: Promise<ServerAddress> };
  readonly Client: new (host: string, port: number) => Component;
}

const HOST = "127.0.0.1";

/** The message of the day: a DataSource sends its lines, then ProducerFinished, so the server hangs up. */
export const motd = (): DataSource => new DataSource(["Welcome to the munching server.\n", "Say a line, or quit.\n"]);

/** Answers each line with "munch <line>" and hangs up on "quit"; notices a client that leaves first. */
export class Muncher extends Component {
  constructor(readonly log: (line: string) => void) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox")) {
        const line = String(this.recv("inbox"));
        // ProducerFinished on signal: the server closes the connection once the replies have gone.
        if (line === "quit") {
          this.send(new ProducerFinished(this), "signal");
          return;
        }
        this.send(`munch ${line}\n`);
      }
      // The client has finished sending (ProducerFinished) or has gone (ShutdownMicroprocess).
      if (this.dataReady("control")) {
        this.log("muncher: a client left without saying quit");
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** Says goodbye to its client, hangs up, and stops the whole server. */
export class ServerStopper extends Component {
  static override Outboxes = {
    outbox: "the goodbye, to the client",
    signal: "ProducerFinished: close this connection",
    serversignal: "ShutdownMicroprocess: stop the whole server",
  };

  override *main(): Generator<unknown, void, unknown> {
    this.send("Closing time: the server is stopping.\n");
    this.send(new ProducerFinished(this), "signal");
    // Kamaelia's serverShutdown: a shutdown message from an outbox named serversignal stops the server.
    this.send(new ShutdownMicroprocess(this), "serversignal");
    // Stay until the connection has closed (the server then sends a shutdown message to control).
    while (!this.dataReady("control")) {
      this.pause();
      yield;
    }
  }
}

/** Starts a server on a free port, making `protocol()` for each connection; resolves once it listens. */
async function serve({ Server }: Network, protocol: () => Component): Promise<[server: Handle, port: number]> {
  const core = new Server({ protocol, port: 0, host: HOST });
  const server = handle(core);
  return [server, (await core.ready).port];
}

/** Connects, sends `lines` (then hangs up, if `leave`), and returns the lines heard until the server closed. */
async function talk({ Client }: Network, port: number, lines: readonly string[], leave = false): Promise<string[]> {
  const client = handle(new Pipeline(new Client(HOST, port), chunks_to_lines()));
  for (const line of lines) client.put(`${line}\n`);
  if (leave) client.put(new ProducerFinished(), "control");
  const heard: string[] = [];
  for await (const line of client) heard.push(String(line));
  return heard;
}

/** Talks to each kind of server in turn; `print` says where lines go. */
export async function main(network: Network, print = (line: string): void => { console.log(line); }): Promise<void> {
  const [motdServer, motdPort] = await serve(network, motd);
  for (const line of await talk(network, motdPort, [])) print(`motd: ${line}`);
  await motdServer.shutdown();

  const [muncher, munchPort] = await serve(network, () => new Pipeline(chunks_to_lines(), new Muncher(print)));
  for (const line of await talk(network, munchPort, ["hi", "quit"])) print(`quitter: ${line}`);
  for (const line of await talk(network, munchPort, ["bye"], true)) print(`leaver: ${line}`);
  await muncher.shutdown();

  const [stopper, stopPort] = await serve(network, () => new ServerStopper());
  for (const line of await talk(network, stopPort, [])) print(`first: ${line}`);
  await stopper.done;
  // Nothing listens there any more: the next client fails to connect, with a NetworkError.
  try {
    await talk(network, stopPort, []);
  } catch (error) {
    print(`second: ${((error as ComponentError).cause as NetworkError).code}`);
  }
}
