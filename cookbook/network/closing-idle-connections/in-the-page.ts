// Closing idle connections, in the page: the same server and callers on the in-memory network, as one system.
import { Component, EchoProtocol, Graphline, MemoryClient, MemoryServer, NoActivityTimeout, PAR, ProducerFinished, Scheduler } from "kamaelia";

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

/** The in-memory network is this page's own: a fixed port is free, and the clients can be made before the server listens. */
const PORT = 1500;

/** An echo server that closes connections whose client has been quiet for 100 ms, and two callers; the server stops when both calls are over. */
export function system(print?: (line: string) => void): Graphline {
  const every50ms = Array.from({ length: 20 }, (_, n) => n * 50); // 0, 50, ... 950
  return new Graphline(
    {
      SERVER: new MemoryServer({ protocol: NoActivityTimeout(() => new EchoProtocol(), { timeout: 100, watch: ["inbox"] }), port: PORT }),
      CALLS: new PAR(
        call(new Caller("quiet", [50], 1000, print), new MemoryClient("localhost", PORT)),
        call(new Caller("chatty", every50ms, 1000, print), new MemoryClient("localhost", PORT)),
      ),
    },
    { linkages: { "CALLS.signal": "SERVER.control" } },
  );
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
