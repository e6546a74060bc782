import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ComponentError, ProducerFinished, Scheduler, handle } from "../index.js";
import { rejection, thrown } from "../test-support/harness.js";
import { NetworkError } from "./NetworkError.js";
import { TCPClient } from "./TCPClient.js";

let cleanup: (() => void)[] = [];

afterEach(() => {
  for (const step of cleanup) step();
  cleanup = [];
});

/** A raw server on 127.0.0.1 and a free port, closed after the test; resolves with it and its port. */
async function rawServer(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer({ allowHalfOpen: true }, onConnection);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(() => server.close());
  return { server, port: (server.address() as AddressInfo).port };
}

/** A TCPClient on a scheduler of its own (stopped after the test), driven through a handle. */
function client(port: number): ReturnType<typeof handle> & { component: TCPClient } {
  const scheduler = new Scheduler();
  cleanup.push(() => {
    scheduler.stop();
  });
  return handle(new TCPClient("127.0.0.1", port).activate(scheduler)) as ReturnType<typeof handle> & { component: TCPClient };
}

/** A port nothing listens on: one that was free a moment ago. */
async function closedPort(): Promise<number> {
  const { server, port } = await rawServer(() => undefined);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("TCPClient", () => {
  it("ends with a NetworkError naming host, port and what to do when the connection is refused", async () => {
    const port = await closedPort();
    const failure = (await rejection(client(port).done)) as ComponentError;
    expect(failure.cause).toBeInstanceOf(NetworkError);
    expect((failure.cause as NetworkError).code).toBe("ECONNREFUSED");
    expect(String(failure.cause).replace(/_\d+/, "_N").replaceAll(String(port), "PORT")).toMatchInlineSnapshot(
      `"NetworkError: TCPClient_N could not connect to 127.0.0.1:PORT: connect ECONNREFUSED 127.0.0.1:PORT. Nothing listens there: start the server first, or check the host and port."`,
    );
  });

  it("ends with a NetworkError when the server drops the connection", async () => {
    const { port } = await rawServer((socket) => {
      socket.resetAndDestroy();
    });
    const failure = (await rejection(client(port).done)) as ComponentError;
    expect((failure.cause as NetworkError).code).toBe("ECONNRESET");
  });

  it("keeps messages in its inbox while the server does not read, and sends them all once it does", async () => {
    const sockets: Socket[] = [];
    const received: Buffer[] = [];
    let receivedAll: () => void = () => undefined;
    const all = new Promise<void>((resolve) => {
      receivedAll = resolve;
    });
    const { port } = await rawServer((socket) => {
      socket.pause();
      sockets.push(socket);
      socket.on("data", (chunk: Buffer) => received.push(chunk));
      socket.on("end", () => {
        receivedAll();
        socket.end();
      });
    });
    const tcp = client(port);
    const chunks = Array.from({ length: 256 }, (_, i) => new Uint8Array(64 * 1024).fill(i));
    for (const chunk of chunks) tcp.put(chunk);
    tcp.put(new ProducerFinished(), "control");
    // Waits, on real I/O, until the socket has filled up and stopped taking messages.
    while (tcp.component.dataReady("inbox") === 0 || sockets.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const waiting = tcp.component.dataReady("inbox");
    expect(waiting).toBeGreaterThan(0);
    expect(waiting).toBeLessThan(256);
    for (const socket of sockets) socket.resume();
    await all;
    await tcp.done;
    const bytes = Buffer.concat(received);
    expect(bytes.byteLength).toBe(256 * 64 * 1024);
    expect(chunks.every((chunk, i) => bytes[i * chunk.byteLength] === i && bytes[(i + 1) * chunk.byteLength - 1] === i)).toBe(true);
  });

  it("refuses a port that is not a whole number from 1 to 65535", () => {
    expect(thrown(() => new TCPClient("127.0.0.1", 0))).toMatchInlineSnapshot(`"BadArgument: new TCPClient(): port must be a whole number from 1 to 65535, not 0."`);
  });
});
