// What is particular to ServerCore and SimpleServer; the contract they share with every server is in
// ConnectionServer.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { BadComponent, Component, ComponentError, ProducerFinished, Scheduler, handle, type Handle } from "../index.js";
import { EchoProtocol } from "../protocol/EchoProtocol.js";
import { thrown, whenTopology } from "../test-support/harness.js";
import { ServerCore, SimpleServer } from "./ServerCore.js";
import { TCPClient } from "./TCPClient.js";

let schedulers: Scheduler[] = [];

afterEach(() => {
  for (const scheduler of schedulers) scheduler.stop();
  schedulers = [];
});

/** Drives `component` on `scheduler` (a new one by default, stopped after the test). */
function drive(component: Component, scheduler = newScheduler()): Handle {
  return handle(component.activate(scheduler));
}

function newScheduler(): Scheduler {
  const scheduler = new Scheduler();
  schedulers.push(scheduler);
  return scheduler;
}

/** All the text that leaves the component's outbox until it ends. */
async function text(driver: Handle): Promise<string> {
  let all = "";
  for await (const chunk of driver) all += String(chunk);
  return all;
}

/** Says goodbye and ends, without a word on signal. */
class Goodbye extends Component {
  override *main(): Generator<unknown, void, unknown> {
    this.send("goodbye");
    yield;
  }
}

describe("ServerCore", () => {
  it("listens on every interface unless given a host", async () => {
    const core = new ServerCore({ protocol: () => new EchoProtocol(), port: 0 });
    const server = drive(core);
    const { host, port } = await core.ready;
    expect(["::", "0.0.0.0"]).toContain(host);
    const client = drive(new TCPClient("127.0.0.1", port));
    client.put("anyone there?");
    client.put(new ProducerFinished(), "control");
    expect(await text(client)).toBe("anyone there?");
    await server.shutdown();
  });

  it("closes the connection of a handler that ends without a word, once what it sent has gone", async () => {
    const core = new ServerCore({ protocol: () => new Goodbye(), port: 0, host: "127.0.0.1" });
    const server = drive(core);
    const { port } = await core.ready;
    const client = drive(new TCPClient("127.0.0.1", port));
    expect(await text(client)).toBe("goodbye");
    await server.shutdown();
  });

  it("reports a protocol factory that returns no component, drops that connection and goes on", async () => {
    const failures: ComponentError[] = [];
    let calls = 0;
    const core = new ServerCore({
      protocol: () => (++calls === 1 ? (EchoProtocol as unknown as Component) : new EchoProtocol()),
      port: 0,
      host: "127.0.0.1",
    }).containErrors((failure) => failures.push(failure));
    const scheduler = new Scheduler({ onError: () => undefined });
    schedulers.push(scheduler);
    const server = drive(core, scheduler);
    const { port } = await core.ready;
    await drive(new TCPClient("127.0.0.1", port), scheduler).done.catch(() => undefined);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.cause).toBeInstanceOf(BadComponent);
    const client = drive(new TCPClient("127.0.0.1", port), scheduler);
    client.put("fine now");
    client.put(new ProducerFinished(), "control");
    expect(await text(client)).toBe("fine now");
    await server.shutdown();
  });

  it("drops every connection when it is stopped rather than shut down", async () => {
    const core = new ServerCore({ protocol: () => new EchoProtocol(), port: 0, host: "127.0.0.1" });
    const scheduler = newScheduler();
    drive(core, scheduler);
    const { port } = await core.ready;
    const client = drive(new TCPClient("127.0.0.1", port));
    await whenTopology(scheduler, () => core.childComponents().length === 1, "the connection is open");
    core.stop();
    await client.done;
    expect(scheduler.listAllThreads()).toEqual([]);
  });

  it("refuses options it cannot work with", () => {
    const protocol = (): Component => new EchoProtocol();
    expect(thrown(() => new ServerCore({ protocol: "echo" as unknown as () => Component, port: 0 }))).toMatchInlineSnapshot(
      `"BadArgument: new ServerCore(): protocol must be a function that returns a new protocol handler component, e.g. () => new EchoProtocol(), not echo."`,
    );
    expect(thrown(() => new ServerCore({ protocol, port: -1 }))).toMatchInlineSnapshot(
      `"BadArgument: new ServerCore(): port must be a whole number from 0 to 65535 (0 picks a free port), not -1."`,
    );
    expect(thrown(() => new SimpleServer({ protocol, port: 0, idleTimeout: 0 }))).toMatchInlineSnapshot(
      `"BadArgument: new SimpleServer(): idleTimeout must be a number of milliseconds greater than 0, not 0."`,
    );
  });
});

describe("SimpleServer", () => {
  it("calls its protocol factory with nothing", async () => {
    const argumentCounts: number[] = [];
    const core = new SimpleServer({
      protocol: (...args: unknown[]) => {
        argumentCounts.push(args.length);
        return new EchoProtocol();
      },
      port: 0,
      host: "127.0.0.1",
    });
    const server = drive(core);
    const { port } = await core.ready;
    const client = drive(new TCPClient("127.0.0.1", port));
    client.put("ping");
    client.put(new ProducerFinished(), "control");
    expect(await text(client)).toBe("ping");
    expect(argumentCounts).toEqual([0]);
    await server.shutdown();
  });
});
