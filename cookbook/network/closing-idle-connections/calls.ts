// Closing idle connections: an echo server that wraps each connection's handler in an inactivity chassis, and two callers, one quiet, one chatty.
import { Component, EchoProtocol, Graphline, NoActivityTimeout, PAR, ProducerFinished, Scheduler, type ServerAddress } from "kamaelia";

/** How to listen and connect: `{ Server: SimpleServer, Client: TCPClient }` on real sockets, `{ Server: MemoryServer, Client: MemoryClient }` in a page. */
export interface Network {
  readonly Server: new (options: { protocol: () => Component; port: number; host: string }) => Component & { readonly ready: Promise<ServerAddress> };
  readonly Client: new (host: string, port: number) => Component;
}

const HOST = "127.0.0.1";

/** A client's side of a call: says "x" at each time in `sayAt` (ms after it starts) and hangs up at `hangUpAt`, unless cut off first. */
export class Caller extends Component {
  constructor(
    readonly label: string,
    readonly sayAt: readonly number[],
    readonly hangUpAt: number,
    readonly print: (line: string) => void = (line) => { console.log(line); },
  ) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    const clock = (this.scheduler ?? Scheduler.run).clock;
    const start = clock.now();
    let said = 0;
    let echoed = 0;
    let hungUp = false;
    for (;;) {
      while (this.dataReady("inbox")) echoed += (this.recv("inbox") as Uint8Array).length; // "x" is one byte
      if (this.dataReady("control")) {
        this.print(`${this.label}: ${String(said)} sent, ${String(echoed)} echoed; ${hungUp ? "hung up itself" : "cut off by the server"}`);
        return;
      }
      const elapsed = clock.now() - start;
      while ((this.sayAt[said] ?? Infinity) <= elapsed) {
        this.send("x");
        said++;
      }
      if (!hungUp && elapsed >= this.hangUpAt) {
        hungUp = true;
        this.send(new ProducerFinished(this), "signal");
      }
      const next = Math.min(this.sayAt[said] ?? Infinity, hungUp ? Infinity : this.hangUpAt);
      const cancel = next === Infinity ? undefined : this.wakeAfter(next - elapsed);
      this.pause();
      yield;
      cancel?.();
    }
  }
}

/** A caller and its line to the server, each one's outbox and signal linked to the other's inbox and control. */
export const call = (caller: Caller, line: Component): Graphline =>
  new Graphline(
    { CALLER: caller, LINE: line },
    { linkages: { "CALLER.outbox": "LINE.inbox", "CALLER.signal": "LINE.control", "LINE.outbox": "CALLER.inbox", "LINE.signal": "CALLER.control" } },
  );

/** An echo server on `port` (0: a free one) that closes a connection once its client has been quiet for `timeout` ms. */
export function idleEchoServer({ Server }: Network, timeout: number, port = 0): InstanceType<Network["Server"]> {
  return new Server({ protocol: NoActivityTimeout(() => new EchoProtocol(), { timeout, watch: ["inbox"] }), port, host: HOST });
}

/** Two calls at once to the server at `port`: "quiet" says x at 50 ms, "chatty" every 50 ms, and both hang up at 1000 ms. */
export function calls({ Client }: Network, port: number, print?: (line: string) => void): PAR {
  const every50ms = Array.from({ length: 20 }, (_, n) => n * 50); // 0, 50, ... 950
  return new PAR(
    call(new Caller("quiet", [50], 1000, print), new Client(HOST, port)),
    call(new Caller("chatty", every50ms, 1000, print), new Client(HOST, port)),
  );
}
