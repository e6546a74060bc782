import { pageOutput } from "../../recipe-test.js";
import { Backplane, Scheduler, handle } from "kamaelia";
import { WebSocketClient } from "kamaelia/node";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket as NodeWebSocket } from "ws";
import { main } from "./main.js";
import { chatServer } from "./server.js";

// The room and its clients run on the default scheduler, in the background of the test: each test checks
// that it has left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

/** Opens the room on a free port; `close` shuts the server and its Backplane down. */
async function openRoom(): Promise<{ url: string; close: () => Promise<void> }> {
  const backplane = handle(new Backplane("CHAT"));
  const core = chatServer(0);
  const server = handle(core);
  const { port } = await core.ready;
  return {
    url: `ws://127.0.0.1:${String(port)}/`,
    close: async () => {
      await server.shutdown();
      await backplane.shutdown();
    },
  };
}

/**
 * Runs `body` with a platform `WebSocket`, as pages and Node 22 have: in older Node the `ws` package's,
 * whose WebSocket has the same interface.
 */
async function withPlatformWebSocket(body: () => Promise<void>): Promise<void> {
  const scope = globalThis as { WebSocket?: unknown };
  if (scope.WebSocket !== undefined) {
    await body();
    return;
  }
  scope.WebSocket = NodeWebSocket;
  try {
    await body();
  } finally {
    delete scope.WebSocket;
  }
}

describe("A browser client for a Node server", () => {
  it("a kamaelia/node WebSocketClient sending hi receives exactly 1 says hi", async () => {
    const room = await openRoom();
    try {
      const client = handle(new WebSocketClient(room.url));
      client.put("hi");
      expect(await client.get()).toBe("1 says hi");
      await client.shutdown();
    } finally {
      await room.close();
    }
  });

  it("tags what each connection says with its own number, and every client in the room hears it", async () => {
    const room = await openRoom();
    try {
      const one = handle(new WebSocketClient(room.url));
      // Each client hears its own hello once its connection has joined the room.
      one.put("hello");
      expect(await one.get()).toBe("1 says hello");
      const two = handle(new WebSocketClient(room.url));
      two.put("hello");
      expect(await two.get()).toBe("2 says hello");
      expect(await one.get()).toBe("2 says hello");
      one.put("hi");
      expect([await one.get(), await two.get()]).toEqual(["1 says hi", "1 says hi"]);
      await Promise.all([one.shutdown(), two.shutdown()]);
    } finally {
      await room.close();
    }
  });

  it("the page's program, with the platform's WebSocket, prints exactly 1 says hi, as its page shows", async () => {
    const room = await openRoom();
    const lines: string[] = [];
    try {
      await withPlatformWebSocket(() => main(room.url, (line) => lines.push(line)));
    } finally {
      await room.close();
    }
    expect(lines).toEqual(["1 says hi"]);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
