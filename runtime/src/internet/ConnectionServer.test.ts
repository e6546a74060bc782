// The server and client contract, run over every network that has it: TCP (ServerCore, TCPClient), the
// in-memory loopback (MemoryServer, MemoryClient) and WebSockets (WebSocketServer, WebSocketClient).
// One suite for all of them, so that their behaviour cannot drift apart. Real sockets on 127.0.0.1,
// port 0; tests wait for events (data, components ending, topology changes), never for time.
import { afterEach, describe, expect, it } from "vitest";
import {
  Component,
  ComponentError,
  ErrorInformation,
  ProducerFinished,
  Scheduler,
  ShutdownMicroprocess,
  handle,
  type Handle,
} from "../index.js";
import { EchoProtocol } from "../protocol/EchoProtocol.js";
import { rejection, whenTopology } from "../test-support/harness.js";
import type { ConnectionInfo, ConnectionServer, ServerAddress, ServerCoreOptions } from "./ConnectionServer.js";
import { MemoryClient, MemoryServer } from "./Memory.js";
import { NetworkError } from "./NetworkError.js";
import { ServerCore } from "./ServerCore.js";
import { TCPClient } from "./TCPClient.js";
import { WebSocketClient } from "./WebSocketClient.js";
import { WebSocketServer } from "./WebSocketServer.js";

interface Network {
  readonly name: string;
  server(options: ServerCoreOptions): ConnectionServer;
  client(address: ServerAddress): Component;
  /**
   * Whether a client can finish sending and still be sent the reply (TCP and the in-memory network
   * half-close). A WebSocket cannot: finishing closes it, so its client waits for the reply first.
   */
  readonly halfCloses: boolean;
}

const networks: readonly Network[] = [
  {
    name: "ServerCore and TCPClient",
    server: (options) => new ServerCore({ host: "127.0.0.1", ...options }),
    client: ({ port }) => new TCPClient("127.0.0.1", port),
    halfCloses: true,
  },
  {
    name: "MemoryServer and MemoryClient",
    server: (options) => new MemoryServer(options),
    client: ({ host, port }) => new MemoryClient(host, port),
    halfCloses: true,
  },
  {
    name: "WebSocketServer and WebSocketClient",
    server: (options) => new WebSocketServer({ host: "127.0.0.1", ...options }),
    client: ({ port }) => new WebSocketClient(`ws://127.0.0.1:${String(port)}`),
    halfCloses: false,
  },
];

/** What arrived, as text: strings as they are, bytes decoded as UTF-8. */
function textOf(chunks: readonly unknown[]): string {
  const decoder = new TextDecoder();
  return chunks.map((chunk) => (typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }))).join("") + decoder.decode();
}

/** The size of a chunk in bytes. */
function sizeOf(chunk: unknown): number {
  return typeof chunk === "string" ? new TextEncoder().encode(chunk).byteLength : (chunk as Uint8Array).byteLength;
}

/** Everything that leaves the component's outbox until it ends. */
async function everything(client: Handle): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const chunk of client) chunks.push(chunk);
  return chunks;
}

/**
 * Sends `messages`, then ProducerFinished, and returns everything received until the client ended.
 * Where finishing closes the connection (WebSocket), it first waits for `replyBytes` of reply.
 */
async function exchangeChunks(network: Network, client: Handle, messages: readonly unknown[], replyBytes: number): Promise<unknown[]> {
  for (const message of messages) client.put(message);
  const chunks: unknown[] = [];
  if (!network.halfCloses) {
    for (let bytes = 0; bytes < replyBytes; bytes += sizeOf(chunks[chunks.length - 1])) chunks.push(await client.get());
  }
  client.put(new ProducerFinished(), "control");
  chunks.push(...(await everything(client)));
  return chunks;
}

/** {@link exchangeChunks} for text: the reply expected is `reply`; returns the text received. */
async function exchange(network: Network, client: Handle, messages: readonly unknown[], reply: string): Promise<string> {
  return textOf(await exchangeChunks(network, client, messages, sizeOf(reply)));
}

/** The messages that left the component's `signal` before it ended. */
async function signals(client: Handle): Promise<unknown[]> {
  await client.done;
  const messages: unknown[] = [];
  for (;;) {
    try {
      messages.push(await client.get("signal"));
    } catch {
      return messages;
    }
  }
}

/** Answers each complete line with "got <line>"; ends, passing it on, on any control message. */
class LineReply extends Component {
  override *main(): Generator<unknown, void, unknown> {
    let partial = "";
    for (;;) {
      while (this.dataReady("inbox") > 0) {
        const lines = (partial + textOf([this.recv("inbox")])).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) this.send(`got ${line}\n`);
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

/** Sends numbered chunks, one a millisecond, until told ShutdownMicroprocess (the client finishing is not enough). */
class Streamer extends Component {
  override *main(): Generator<unknown, void, unknown> {
    for (let i = 0; ; i++) {
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          this.send(message, "signal");
          return;
        }
      }
      this.send(`chunk ${String(i)}\n`);
      yield this.sleep(1);
    }
  }
}

/** Echoes, but fails on "boom". */
class Fragile extends EchoProtocol {
  protected override processMessage(message: unknown): unknown {
    if (textOf([message]) === "boom") throw new Error("boom");
    return message;
  }
}

/** Sends a greeting and closes its connection. */
class Greeter extends Component {
  override *main(): Generator<unknown, void, unknown> {
    this.send("hello, and goodbye");
    yield;
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Says goodbye, closes its connection and shuts the whole server down, all in its first and only step. */
class SayAndStop extends Component {
  static override Outboxes = { outbox: "the goodbye", signal: "closes the connection", serversignal: "shuts the server down" };
  // eslint-disable-next-line require-yield -- it says its piece and ends at once
  override *main(): Generator<unknown, void, unknown> {
    this.send("bye");
    this.send(new ProducerFinished(), "signal");
    this.send(new ShutdownMicroprocess(), "serversignal");
  }
}

/** Shuts the whole server down from its serversignal outbox when told "stop". */
class Stopper extends Component {
  static override Outboxes = { outbox: "replies", signal: "closes the connection", serversignal: "shuts the server down" };
  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) {
        if (textOf([this.recv("inbox")]) === "stop") this.send(new ShutdownMicroprocess(), "serversignal");
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

/** Reports each message it is sent on signal, as an ErrorInformation, and carries on. */
class Complainer extends Component {
  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) this.send(new ErrorInformation(this, undefined, `did not like ${textOf([this.recv("inbox")])}`), "signal");
      if (this.dataReady("control") > 0) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

let schedulers: Scheduler[] = [];

afterEach(() => {
  for (const scheduler of schedulers) scheduler.stop();
  schedulers = [];
});

/** A new scheduler on the real clock, stopped after the test. */
function newScheduler(onError?: (error: ComponentError) => void): Scheduler {
  const scheduler = new Scheduler(onError === undefined ? {} : { onError });
  schedulers.push(scheduler);
  return scheduler;
}

/** Drives `component` on `scheduler`. */
function on(scheduler: Scheduler, component: Component): Handle {
  return handle(component.activate(scheduler));
}

/** Whether the server is the only component left on its scheduler (beside the handle that drives it). */
function aloneOn(scheduler: Scheduler, server: Component): boolean {
  const threads = scheduler.listAllThreads();
  const driver = server.parent;
  return threads.length === 2 && threads.includes(server) && driver !== null && threads.includes(driver);
}

describe.each(networks)("$name", (network) => {
  /** A server with `protocol` on a new scheduler, listening on port 0. */
  async function serve(options: Omit<ServerCoreOptions, "port">, scheduler = newScheduler()) {
    const server = network.server({ port: 0, ...options });
    const driver = on(scheduler, server);
    const address = await server.ready;
    return { scheduler, server, driver, address, connect: () => on(scheduler, network.client(address)) };
  }

  it("listens on a free port when asked for port 0 and announces it on ready", async () => {
    const { address, driver } = await serve({ protocol: () => new EchoProtocol() });
    expect(address.port).toBeGreaterThan(0);
    expect(typeof address.host).toBe("string");
    await driver.shutdown();
  });

  it("echoes to each of 1,000 concurrent clients exactly what that client sent", async () => {
    const { connect, driver } = await serve({ protocol: () => new EchoProtocol() });
    const sent = Array.from({ length: 1000 }, (_, i) => [`client ${String(i)} `, "says ", `${"x".repeat(i % 50)} and goodbye`]);
    const expected = sent.map((messages) => messages.join(""));
    const received = await Promise.all(sent.map((messages, i) => exchange(network, connect(), messages, expected[i] ?? "")));
    expect(received).toEqual(expected);
    await driver.shutdown();
  }, 60_000);

  it("lets a client that has finished sending receive the whole reply, then ProducerFinished", async () => {
    const { connect, driver } = await serve({ protocol: () => new LineReply() });
    const client = connect();
    expect(await exchange(network, client, ["one\n", "two\n"], "got one\ngot two\n")).toBe("got one\ngot two\n");
    const [finished] = await signals(client);
    expect(finished).toBeInstanceOf(ProducerFinished);
    await driver.shutdown();
  });

  it("makes one handler per connection, told who connected", async () => {
    const told: ConnectionInfo[] = [];
    const { connect, driver, address } = await serve({
      protocol: (info) => {
        told.push(info);
        return new EchoProtocol();
      },
    });
    expect(await exchange(network, connect(), ["a"], "a")).toBe("a");
    expect(await exchange(network, connect(), ["b"], "b")).toBe("b");
    expect(told).toHaveLength(2);
    for (const info of told) {
      expect(info.localport).toBe(address.port);
      expect(typeof info.peer).toBe("string");
      expect(typeof info.localip).toBe("string");
      expect(info.peerport).toBeGreaterThan(0);
    }
    await driver.shutdown();
  });

  it("closes the connection when the handler sends ProducerFinished from signal, after what it sent", async () => {
    const { connect, driver } = await serve({ protocol: () => new Greeter() });
    const client = connect();
    expect(textOf(await everything(client))).toBe("hello, and goodbye");
    expect(await signals(client)).toEqual([expect.any(ProducerFinished)]);
    await driver.shutdown();
  });

  it("closes only the connection whose handler throws, reports the failure and goes on serving", async () => {
    const failures: ComponentError[] = [];
    const clientFailures: ComponentError[] = [];
    const scheduler = newScheduler((failure) => clientFailures.push(failure));
    const { connect, driver, server } = await serve({ protocol: () => new Fragile() }, scheduler);
    server.containErrors((failure) => failures.push(failure));
    const steady = connect();
    steady.put("still ");
    expect(textOf([await steady.get()])).toBe("still ");
    const doomed = connect();
    doomed.put("boom");
    await doomed.done.catch(() => undefined);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.component).toBeInstanceOf(Fragile);
    expect(String(failures[0]?.cause)).toBe("Error: boom");
    expect(server.finished).toBe(false);
    expect(await exchange(network, steady, ["here"], "here")).toBe("here");
    await whenTopology(scheduler, () => aloneOn(scheduler, server), "only the server is left");
    await driver.shutdown();
  });

  it("leaves nothing behind when a client disconnects in the middle of a reply", async () => {
    const { connect, driver, server, scheduler } = await serve({ protocol: () => new Streamer() });
    const client = connect();
    expect(textOf([await client.get()])).toMatch(/^chunk 0/);
    await client.shutdown();
    await whenTopology(scheduler, () => aloneOn(scheduler, server), "only the server is left");
    expect(server.childComponents()).toEqual([]);
    await driver.shutdown();
  });

  it("closes a connection that stalls in the middle of a request once idleTimeout has passed", async () => {
    const { connect, driver, server, scheduler } = await serve({ protocol: () => new LineReply(), idleTimeout: 50 });
    const client = connect();
    client.put("GET /index.html");
    expect(await everything(client)).toEqual([]);
    expect(await signals(client)).toEqual([expect.any(ProducerFinished)]);
    await whenTopology(scheduler, () => aloneOn(scheduler, server), "only the server is left");
    await driver.shutdown();
  });

  it("keeps a busy connection open past idleTimeout", async () => {
    const { connect, driver } = await serve({ protocol: () => new LineReply(), idleTimeout: 50 });
    const client = connect();
    for (let i = 0; i < 5; i++) {
      client.put(`line ${String(i)}\n`);
      expect(textOf([await client.get()])).toBe(`got line ${String(i)}\n`);
    }
    expect(await exchange(network, client, ["last\n"], "got last\n")).toBe("got last\n");
    await driver.shutdown();
  });

  it("closes the listener and every connection on ShutdownMicroprocess, then ends", async () => {
    const { connect, driver, server, scheduler, address } = await serve({ protocol: () => new EchoProtocol() });
    const clients = [connect(), connect(), connect()];
    await whenTopology(scheduler, () => server.childComponents().length === 3, "three connections are open");
    await driver.shutdown();
    expect(await driver.get("signal")).toBeInstanceOf(ShutdownMicroprocess);
    for (const client of clients) expect(await signals(client)).toEqual([expect.any(ProducerFinished)]);
    const late = on(newScheduler(), network.client(address));
    const failure = await rejection(late.done);
    expect((failure as ComponentError).cause).toBeInstanceOf(NetworkError);
    expect(((failure as ComponentError).cause as NetworkError).code).toBe("ECONNREFUSED");
  });

  it("stops accepting on ProducerFinished and ends once the open connections have closed", async () => {
    const { connect, driver, address } = await serve({ protocol: () => new EchoProtocol() });
    const open = connect();
    open.put("first ");
    expect(textOf([await open.get()])).toBe("first ");
    driver.put(new ProducerFinished(), "control");
    // One turn of the event loop: the server has taken the message and stopped listening.
    await new Promise((resolve) => setImmediate(resolve));
    const refused = on(newScheduler(), network.client(address));
    expect(((await rejection(refused.done)) as ComponentError).cause).toBeInstanceOf(NetworkError);
    expect(await exchange(network, open, ["last"], "last")).toBe("last");
    await driver.done;
    expect(await driver.get("signal")).toBeInstanceOf(ProducerFinished);
  });

  it("closes the connections still open on ShutdownMicroprocess after ProducerFinished", async () => {
    const { connect, driver } = await serve({ protocol: () => new EchoProtocol() });
    const open = connect();
    open.put("hello");
    expect(textOf([await open.get()])).toBe("hello");
    driver.put(new ProducerFinished(), "control");
    // One turn of the event loop: the server has taken ProducerFinished and waits for the connection.
    await new Promise((resolve) => setImmediate(resolve));
    expect(driver.component.finished).toBe(false);
    driver.put(new ShutdownMicroprocess(), "control");
    await driver.done;
    expect(await driver.get("signal")).toBeInstanceOf(ShutdownMicroprocess);
    expect(await signals(open)).toEqual([expect.any(ProducerFinished)]);
  });

  it("shuts the whole server down when a handler sends ShutdownMicroprocess from serversignal", async () => {
    const { connect, driver } = await serve({ protocol: () => new Stopper() });
    connect().put("stop");
    await driver.done;
    expect(await driver.get("signal")).toBeInstanceOf(ShutdownMicroprocess);
  });

  it("shuts the whole server down when a handler sends from serversignal in the very step it ends", async () => {
    const { connect, driver } = await serve({ protocol: () => new SayAndStop() });
    connect();
    await driver.done;
    expect(await driver.get("signal")).toBeInstanceOf(ShutdownMicroprocess);
  });

  it("passes on from its signal what handlers report there besides shutdown messages", async () => {
    const { connect, driver } = await serve({ protocol: () => new Complainer() });
    connect().put("cabbage");
    const report = await driver.get("signal");
    expect(report).toBeInstanceOf(ErrorInformation);
    expect((report as ErrorInformation).message).toBe("did not like cabbage");
    await driver.shutdown();
  });

  it("carries 2 MiB both ways intact, holding writers back while the connection is full", async () => {
    const { connect, driver } = await serve({ protocol: () => new EchoProtocol() });
    const chunks = Array.from({ length: 32 }, (_, i) => new Uint8Array(64 * 1024).fill(i));
    const back = (await exchangeChunks(network, connect(), chunks, 32 * 64 * 1024)) as Uint8Array[];
    const received = new Uint8Array(back.reduce((total, chunk) => total + chunk.byteLength, 0));
    let at = 0;
    for (const chunk of back) {
      received.set(chunk, at);
      at += chunk.byteLength;
    }
    const expected = new Uint8Array(32 * 64 * 1024);
    chunks.forEach((chunk, i) => {
      expected.set(chunk, i * chunk.byteLength);
    });
    expect(received.byteLength).toBe(expected.byteLength);
    expect(received.every((byte, i) => byte === expected[i])).toBe(true);
    await driver.shutdown();
  });

  it("ends with a NetworkError and rejects ready when the port is already in use", async () => {
    const { driver, address } = await serve({ protocol: () => new EchoProtocol() });
    const second = network.server({ protocol: () => new EchoProtocol(), port: address.port, host: address.host });
    const failed = on(newScheduler(), second);
    const readyFailure = await rejection(second.ready);
    expect(readyFailure).toBeInstanceOf(NetworkError);
    expect((readyFailure as NetworkError).code).toBe("EADDRINUSE");
    expect(((await rejection(failed.done)) as ComponentError).cause).toBe(readyFailure);
    await driver.shutdown();
  });

  it("ends a client with a NetworkError naming the address when nothing listens there", async () => {
    const { driver, address } = await serve({ protocol: () => new EchoProtocol() });
    await driver.shutdown();
    const client = on(newScheduler(), network.client(address));
    const failure = (await rejection(client.done)) as ComponentError;
    const cause = failure.cause as NetworkError;
    expect(cause).toBeInstanceOf(NetworkError);
    expect(cause.code).toBe("ECONNREFUSED");
    expect(cause.message).toContain(String(address.port));
    expect(cause.message).toContain("Nothing listens there: start the server first, or check the host and port.");
  });
});
