// kamaelia/browser's WebSocketClient in Chromium, built (runtime/dist), talking to a real kamaelia/node
// WebSocketServer started in this test's process on 127.0.0.1, port 0.
import { createServer } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { Component, DataSource, EchoProtocol, ProducerFinished, ShutdownMicroprocess, handle, type Handle, type ServerCoreOptions } from "kamaelia";
import { WebSocketServer } from "kamaelia/node";

type Kamaelia = typeof import("../../src/index.js");
type KamaeliaBrowser = typeof import("../../src/browser.js");

/** Where the page imports the built entries from. */
const entries = { index: "/runtime/dist/index.js", browser: "/runtime/dist/browser.js" };

/** A server handle and the ws:// URL it listens at; shut down at the end of each test. */
let servers: Handle[] = [];

test.afterEach(async () => {
  await Promise.all(servers.map((server) => server.shutdown()));
  servers = [];
});

async function serve(protocol: ServerCoreOptions["protocol"]): Promise<string> {
  const core = new WebSocketServer({ protocol, port: 0, host: "127.0.0.1" });
  servers.push(handle(core));
  const { port } = await core.ready;
  return `ws://127.0.0.1:${String(port)}/`;
}

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  if (address === null || typeof address === "string") throw new Error("the probe server has no port");
  return address.port;
}

/** A protocol handler that echoes and keeps what it receives, and tells which shutdown message ended it. */
class Recorder extends Component {
  readonly received: unknown[] = [];
  readonly ended: Promise<string>;
  #end: (name: string) => void = () => undefined;

  constructor() {
    super();
    this.ended = new Promise((resolve) => (this.#end = resolve));
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) {
        const message = this.recv("inbox");
        this.received.push(message);
        this.send(message, "outbox");
      }
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) {
          this.#end(message.constructor.name);
          return;
        }
      }
      this.pause();
      yield;
    }
  }
}

async function openPage(page: Page): Promise<void> {
  await page.goto("/runtime/test/browser/fixture/page.html");
}

test("sends text and bytes to a Node WebSocketServer and receives each message back, whole and of its kind", async ({ page }) => {
  const url = await serve(() => new EchoProtocol());
  await openPage(page);
  const replies = await page.evaluate(
    async ({ url, entries }) => {
      const { handle } = (await import(entries.index)) as Kamaelia;
      const { WebSocketClient } = (await import(entries.browser)) as KamaeliaBrowser;
      const client = handle(new WebSocketClient(url));
      client.put("hello");
      client.put(new Uint8Array([1, 2, 3]));
      client.put("world");
      const received = [await client.get(), await client.get(), await client.get()];
      await client.shutdown();
      return received.map((message) => (message instanceof Uint8Array ? { bytes: [...message] } : message));
    },
    { url, entries },
  );
  expect(replies).toEqual(["hello", { bytes: [1, 2, 3] }, "world"]);
});

test("when the server closes the connection, sends ProducerFinished from signal after what the server sent, and ends", async ({ page }) => {
  const url = await serve(() => new DataSource(["goodbye"]));
  await openPage(page);
  const seen = await page.evaluate(
    async ({ url, entries }) => {
      const { ProducerFinished, handle } = (await import(entries.index)) as Kamaelia;
      const { WebSocketClient } = (await import(entries.browser)) as KamaeliaBrowser;
      const client = handle(new WebSocketClient(url));
      const message = await client.get();
      const signal = await client.get("signal");
      await client.done;
      return { message, signal: signal instanceof ProducerFinished ? "ProducerFinished" : String(signal), finished: client.component.finished };
    },
    { url, entries },
  );
  expect(seen).toEqual({ message: "goodbye", signal: "ProducerFinished", finished: true });
});

test("on ShutdownMicroprocess closes the connection after what it sent, and the server's handler is told", async ({ page }) => {
  const handlers: Recorder[] = [];
  const url = await serve(() => {
    const recorder = new Recorder();
    handlers.push(recorder);
    return recorder;
  });
  await openPage(page);
  const signal = await page.evaluate(
    async ({ url, entries }) => {
      const { ShutdownMicroprocess, handle } = (await import(entries.index)) as Kamaelia;
      const { WebSocketClient } = (await import(entries.browser)) as KamaeliaBrowser;
      const client = handle(new WebSocketClient(url));
      // Connected once the first echo is back (shut down while connecting, it would just give up).
      client.put("one");
      await client.get();
      client.put("two");
      await client.shutdown();
      const signal = await client.get("signal");
      return signal instanceof ShutdownMicroprocess ? "ShutdownMicroprocess" : String(signal);
    },
    { url, entries },
  );
  expect(signal).toBe("ShutdownMicroprocess");
  expect(handlers).toHaveLength(1);
  const [handler] = handlers;
  expect(await handler?.ended).toBe("ShutdownMicroprocess");
  expect(handler?.received).toEqual(["one", "two"]);
});

test("on ProducerFinished sends what waits, closes with the handshake and passes ProducerFinished on from signal", async ({ page }) => {
  const handlers: Recorder[] = [];
  const url = await serve(() => {
    const recorder = new Recorder();
    handlers.push(recorder);
    return recorder;
  });
  await openPage(page);
  const signal = await page.evaluate(
    async ({ url, entries }) => {
      const { ProducerFinished, handle } = (await import(entries.index)) as Kamaelia;
      const { WebSocketClient } = (await import(entries.browser)) as KamaeliaBrowser;
      const client = handle(new WebSocketClient(url));
      client.put("first");
      await client.get();
      for (const word of ["a", "b", "c"]) client.put(word);
      client.put(new ProducerFinished(), "control");
      await client.done;
      const signal = await client.get("signal");
      return signal instanceof ProducerFinished ? "ProducerFinished" : String(signal);
    },
    { url, entries },
  );
  expect(signal).toBe("ProducerFinished");
  expect(await handlers[0]?.ended).toBe("ShutdownMicroprocess");
  expect(handlers[0]?.received).toEqual(["first", "a", "b", "c"]);
});

test("holds messages in its inbox while the socket is full, and sends them all, in order, once it drains", async ({ page }) => {
  const url = await serve(() => new EchoProtocol());
  await openPage(page);
  const echoed = await page.evaluate(
    async ({ url, entries }) => {
      const { handle } = (await import(entries.index)) as Kamaelia;
      const { WebSocketClient } = (await import(entries.browser)) as KamaeliaBrowser;
      const client = handle(new WebSocketClient(url));
      client.put("connected?");
      await client.get();
      // 40 messages of 64 KiB: far more than the 64 KiB the socket may hold unsent.
      for (let i = 0; i < 40; i++) client.put(new Uint8Array(64 * 1024).fill(i));
      const firstBytes: number[] = [];
      for (let i = 0; i < 40; i++) firstBytes.push(((await client.get()) as Uint8Array)[0] ?? -1);
      await client.shutdown();
      return firstBytes;
    },
    { url, entries },
  );
  expect(echoed).toEqual(Array.from({ length: 40 }, (_, i) => i));
});

test("ends with a NetworkError saying what to check when nothing listens at the address", async ({ page }) => {
  const url = `ws://127.0.0.1:${String(await closedPort())}/`;
  await openPage(page);
  const failure = await page.evaluate(
    async ({ url, entries }) => {
      const { ComponentError, NetworkError, handle } = (await import(entries.index)) as Kamaelia;
      const { WebSocketClient } = (await import(entries.browser)) as KamaeliaBrowser;
      const client = handle(new WebSocketClient(url));
      try {
        await client.done;
        return "it ended without an error";
      } catch (error) {
        const cause = error instanceof ComponentError ? error.cause : error;
        return cause instanceof NetworkError ? `NetworkError: ${cause.message}` : String(cause);
      }
    },
    { url, entries },
  );
  expect(failure.replace(/_\d+/, "_N").replace(url, "ws://127.0.0.1:PORT/")).toBe(
    `NetworkError: WebSocketClient_N could not connect to ws://127.0.0.1:PORT/: the connection closed before it opened (code 1006; browsers give no reason). Check that a WebSocket server listens at that address and accepts the upgrade.`,
  );
});

test("ends with a NetworkError naming the address when it is not a WebSocket URL", async ({ page }) => {
  await openPage(page);
  const failure = await page.evaluate(async (entries) => {
    const { ComponentError, NetworkError, handle } = (await import(entries.index)) as Kamaelia;
    const { WebSocketClient } = (await import(entries.browser)) as KamaeliaBrowser;
    try {
      await handle(new WebSocketClient("ftp://127.0.0.1/")).done;
      return "it ended without an error";
    } catch (error) {
      const cause = error instanceof ComponentError ? error.cause : error;
      return cause instanceof NetworkError ? `NetworkError: ${cause.message}` : String(cause);
    }
  }, entries);
  expect(failure.replace(/_\d+/, "_N")).toBe(
    "NetworkError: WebSocketClient_N could not connect to ftp://127.0.0.1/: Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. 'ftp' is not allowed. Give a ws:// or wss:// URL.",
  );
});

test("works the same inside a module Web Worker", async ({ page }) => {
  const url = await serve(() => new EchoProtocol());
  await openPage(page);
  const result = await page.evaluate(async (url) => {
    const worker = new Worker("/runtime/test/browser/fixture/websocket-worker.js", { type: "module" });
    const answer = new Promise<unknown>((resolve) => {
      worker.addEventListener("message", (event: MessageEvent<unknown>) => { resolve(event.data); });
      worker.addEventListener("error", (event) => { resolve({ error: event.message || "the worker failed to load" }); });
    });
    worker.postMessage({ url, messages: ["ping", "pong"] });
    const data = await answer;
    worker.terminate();
    return data;
  }, url);
  expect(result).toEqual({ replies: ["ping", "pong"] });
});
