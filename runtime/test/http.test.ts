// The HTTP server end to end: HTTPProtocol on ServerCore over real loopback sockets (and on MemoryServer),
// spoken to by fetch and by raw sockets.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  Component,
  DataSource,
  HTTPProtocol,
  MemoryClient,
  MemoryServer,
  OneShot,
  Pipeline,
  ProducerFinished,
  Scheduler,
  handle,
  type ConnectionInfo,
  type Handle,
  type HTTPServerOptions,
} from "../src/index.js";
import { MinimalFactory, ServerCore } from "../src/node.js";
import { Collector, responseText, whenTopology } from "../src/test-support/harness.js";

let site: string;
let schedulers: Scheduler[] = [];

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), "http-e2e-"));
  await writeFile(join(site, "index.html"), "<h1>home</h1>");
  await writeFile(join(site, "style.css"), "h1 { color: red }");
});

afterAll(async () => {
  await rm(site, { recursive: true, force: true });
});

afterEach(() => {
  for (const scheduler of schedulers) scheduler.stop();
  schedulers = [];
});

/** Streams a chunk every few milliseconds, for ever: a response a client walks away from. */
class Endless extends Component {
  override *main(): Generator<unknown, void, unknown> {
    this.send({ contentType: "text/plain" });
    for (;;) {
      this.send("x".repeat(1024));
      yield this.sleep(2);
    }
  }
}

const hello = (): Component => new OneShot({ contentType: "text/plain", data: "hello", complete: true });

interface Running {
  readonly base: string;
  readonly port: number;
  readonly scheduler: Scheduler;
  readonly server: Handle;
  /** How many connections the server has made a protocol for. */
  connections: number;
  /** The Endless handlers made so far. */
  readonly endless: Endless[];
}

/** An HTTP server on ServerCore on 127.0.0.1, port 0, with a few routes. */
async function start(options: HTTPServerOptions = {}, serverIdleTimeout?: number): Promise<Running> {
  const scheduler = new Scheduler();
  schedulers.push(scheduler);
  const endless: Endless[] = [];
  const protocol = HTTPProtocol(
    [
      ["/hello", hello],
      [
        "/endless",
        () => {
          const handler = new Endless();
          endless.push(handler);
          return handler;
        },
      ],
      ["/", MinimalFactory("index.html", site)],
    ],
    { onError: () => undefined, ...options },
  );
  const running = { connections: 0, endless };
  const core = new ServerCore({
    protocol: (info: ConnectionInfo) => {
      running.connections++;
      return protocol(info);
    },
    port: 0,
    host: "127.0.0.1",
    ...(serverIdleTimeout === undefined ? {} : { idleTimeout: serverIdleTimeout }),
  });
  const server = handle(core.activate(scheduler));
  const { port } = await core.ready;
  return Object.assign(running, { base: `http://127.0.0.1:${String(port)}`, port, scheduler, server });
}

/** Sends `text` over a new connection (without ending it) and resolves with all that comes back once the server closes. */
function exchange(port: number, ...texts: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      resolve(responseText(received));
    });
    for (const text of texts) socket.write(text);
  });
}

describe("HTTP over TCP", () => {
  it("serves a static file, a routed handler and a 404 to fetch", async () => {
    const { base, server } = await start();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toBe("<h1>home</h1>");
    const style = await fetch(`${base}/style.css`);
    expect([style.headers.get("content-type"), style.headers.get("content-length"), await style.text()]).toEqual(["text/css; charset=utf-8", "17", "h1 { color: red }"]);
    const greeting = await fetch(`${base}/hello`);
    expect(await greeting.text()).toBe("hello");
    const missing = await fetch(`${base}/nothing.html`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("404 Not Found");
    await server.shutdown();
  });

  it("answers request after request on one kept-alive connection", async () => {
    const running = await start();
    const socket = connect(running.port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += String(chunk)));
    const receivedUntil = (done: (text: string) => boolean): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (!done(received)) return;
          socket.off("data", check);
          resolve();
        };
        socket.on("data", check);
        check();
      });
    socket.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    await receivedUntil((text) => text.endsWith("hello"));
    socket.write("GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n");
    await receivedUntil((text) => text.endsWith("h1 { color: red }"));
    const closed = new Promise((resolve) => socket.on("close", resolve));
    socket.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    await closed;
    expect(received.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(4);
    expect(running.connections).toBe(1);
    await running.server.shutdown();
  });

  it("answers malformed, oversized-head and oversized-body requests with 400, 431 and 413, then closes", async () => {
    const { port, server } = await start({ maxHeaderBytes: 256, maxBodyBytes: 16 });
    expect(await exchange(port, "GET /hello HTTP/1.1\r\nHost x\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(await exchange(port, `GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(300)}`)).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(await exchange(port, "POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n")).toMatch(/^HTTP\/1\.1 413 Content Too Large\r\n/);
    expect(await exchange(port, "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    await server.shutdown();
  });

  it("times out a client that stalls in the middle of a request (HTTP idleTimeout: 408)", async () => {
    const { port, server } = await start({ idleTimeout: 50 });
    expect(await exchange(port, "GET /hello HTTP/1.1\r\nHo")).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    await server.shutdown();
  });

  it("times out a client that stalls in the middle of a request (server idleTimeout: 400)", async () => {
    const { port, server } = await start({}, 50);
    expect(await exchange(port, "GET /hello HTTP/1.1\r\nHo")).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    await server.shutdown();
  });

  it("leaves no component behind when a client disconnects in the middle of a response", async () => {
    const running = await start();
    const { scheduler } = running;
    const before = scheduler.listAllThreads();
    const socket = connect(running.port, "127.0.0.1");
    await new Promise<void>((resolve) => {
      socket.once("data", () => {
        socket.destroy();
        resolve();
      });
      socket.write("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n");
    });
    await whenTopology(scheduler, () => running.endless[0]?.finished === true && scheduler.listAllThreads().length === before.length, "the connection's components have ended");
    expect(running.endless).toHaveLength(1);
    expect(scheduler.listAllThreads()).toEqual(before);
    await running.server.shutdown();
  });
});

describe("HTTP over the in-memory network", () => {
  it("serves the same protocol on a MemoryServer to a MemoryClient", async () => {
    const scheduler = new Scheduler();
    schedulers.push(scheduler);
    const core = new MemoryServer({ protocol: HTTPProtocol([["/hello", hello]]), port: 0 });
    const server = handle(core.activate(scheduler));
    const { host, port } = await core.ready;
    const collector = new Collector();
    new Pipeline(new DataSource(["GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"]), new MemoryClient(host, port), collector).activate(scheduler);
    await whenTopology(scheduler, () => collector.finished, "the client has read the whole response");
    expect(responseText(collector.received)).toBe(
      "HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 5\r\ncontent-type: text/plain\r\nserver: Kamaelia\r\n\r\nhello",
    );
    expect(collector.control).toEqual([expect.any(ProducerFinished)]);
    await server.shutdown();
  });
});
