// What is particular to the in-memory network; the contract it shares with TCP and WebSockets is in
// ConnectionServer.test.ts. The in-memory network needs no real I/O, so these run on virtual time.
import { describe, expect, it } from "vitest";
import { Component, ProducerFinished, Scheduler, VirtualClock, handle, type Handle } from "../index.js";
import { EchoProtocol } from "../protocol/EchoProtocol.js";
import { MemoryClient, MemoryServer } from "./Memory.js";

/** All the bytes that leave the component's outbox until it ends, as UTF-8 text. */
async function text(driver: Handle): Promise<string> {
  const decoder = new TextDecoder();
  let all = "";
  for await (const chunk of driver) all += decoder.decode(chunk as Uint8Array, { stream: true });
  return all + decoder.decode();
}

/** Waits for a complete line, then answers it. */
class LineReply extends Component {
  override *main(): Generator<unknown, void, unknown> {
    const decoder = new TextDecoder();
    let partial = "";
    for (;;) {
      while (this.dataReady("inbox") > 0) {
        partial += decoder.decode(this.recv("inbox") as Uint8Array, { stream: true });
        if (partial.includes("\n")) this.send(`got ${partial}`);
      }
      if (this.dataReady("control") > 0) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

describe("MemoryServer and MemoryClient", () => {
  it("close a connection idleTimeout ms of virtual time after a client stalled mid-request", async () => {
    const clock = new VirtualClock();
    const scheduler = new Scheduler({ clock });
    const core = new MemoryServer({ protocol: () => new LineReply(), port: 0, idleTimeout: 30_000 });
    const server = handle(core.activate(scheduler));
    const { host, port } = await core.ready;
    const client = handle(new MemoryClient(host, port).activate(scheduler));
    client.put("GET /index.html");
    expect(await text(client)).toBe("");
    expect(clock.now()).toBe(30_000);
    expect(await client.get("signal")).toBeInstanceOf(ProducerFinished);
    await server.shutdown();
  });

  it("deliver strings as UTF-8 bytes, as a byte stream would", async () => {
    const scheduler = new Scheduler({ clock: new VirtualClock() });
    const core = new MemoryServer({ protocol: () => new EchoProtocol(), port: 0 });
    const server = handle(core.activate(scheduler));
    const { host, port } = await core.ready;
    const client = handle(new MemoryClient(host, port).activate(scheduler));
    client.put("héllo ");
    client.put(new Uint8Array([104, 105]));
    client.put(new ProducerFinished(), "control");
    const received: unknown[] = [];
    for await (const chunk of client) received.push(chunk);
    expect(received.every((chunk) => chunk instanceof Uint8Array)).toBe(true);
    expect(new TextDecoder().decode(new Uint8Array((received as Uint8Array[]).flatMap((chunk) => [...chunk])))).toBe("héllo hi");
    await server.shutdown();
  });

  it("tell servers on different host names apart, even on the same port", async () => {
    const scheduler = new Scheduler({ clock: new VirtualClock() });
    const hello = new MemoryServer({ protocol: () => new LineReply(), port: 7, host: "hello.example" });
    const echo = new MemoryServer({ protocol: () => new EchoProtocol(), port: 7, host: "echo.example" });
    const servers = [handle(hello.activate(scheduler)), handle(echo.activate(scheduler))];
    await Promise.all([hello.ready, echo.ready]);
    const toEcho = handle(new MemoryClient("echo.example", 7).activate(scheduler));
    toEcho.put("plain echo\n");
    toEcho.put(new ProducerFinished(), "control");
    expect(await text(toEcho)).toBe("plain echo\n");
    const toHello = handle(new MemoryClient("hello.example", 7).activate(scheduler));
    toHello.put("hi\n");
    toHello.put(new ProducerFinished(), "control");
    expect(await text(toHello)).toBe("got hi\n");
    for (const server of servers) await server.shutdown();
  });
});
