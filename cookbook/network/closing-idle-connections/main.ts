// Closing idle connections: each connection's handler is wrapped in an inactivity chassis that closes it after a quiet spell.
import { Component, EchoProtocol, Graphline, NoActivityTimeout, PAR, ProducerFinished, Scheduler, handle } from "kamaelia";
import { SimpleServer, TCPClient } from "kamaelia/node";

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

/** An echo server that closes connections whose client has been quiet for `timeout` ms; then two callers. */
export async function main(print?: (line: string) => void, timeout = 200): Promise<void> {
  const server = new SimpleServer({
    protocol: NoActivityTimeout(() => new EchoProtocol(), { timeout, watch: ["inbox"] }),
    port: 0,
    host: "127.0.0.1",
  });
  const serving = handle(server);
  const { port } = await server.ready;
  const every50ms = Array.from({ length: 20 }, (_, n) => n * 50); // 0, 50, ... 950
  await handle(
    new PAR(
      call(new Caller("quiet", [50], 1000, print), new TCPClient("127.0.0.1", port)),
      call(new Caller("chatty", every50ms, 1000, print), new TCPClient("127.0.0.1", port)),
    ),
  ).done;
  await serving.shutdown();
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
