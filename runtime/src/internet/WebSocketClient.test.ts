// What is particular to WebSockets; the contract they share with TCP and the in-memory network is in
// ConnectionServer.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { ComponentError, Scheduler, handle, type Component, type Handle } from "../index.js";
import { EchoProtocol } from "../protocol/EchoProtocol.js";
import { rejection } from "../test-support/harness.js";
import { NetworkError } from "./NetworkError.js";
import { WebSocketClient } from "./WebSocketClient.js";
import { WebSocketServer } from "./WebSocketServer.js";

let schedulers: Scheduler[] = [];

afterEach(() => {
  for (const scheduler of schedulers) scheduler.stop();
  schedulers = [];
});

function drive(component: Component): Handle {
  const scheduler = new Scheduler();
  schedulers.push(scheduler);
  return handle(component.activate(scheduler));
}

describe("WebSocketServer and WebSocketClient", () => {
  it("keep each message whole, text as strings and binary as bytes", async () => {
    const core = new WebSocketServer({ protocol: () => new EchoProtocol(), port: 0, host: "127.0.0.1" });
    const server = drive(core);
    const { port } = await core.ready;
    const client = drive(new WebSocketClient(`ws://127.0.0.1:${String(port)}/any/path`));
    client.put("first");
    client.put(new Uint8Array([1, 2, 3]));
    client.put("second");
    expect(await client.get()).toBe("first");
    const bytes = await client.get();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...(bytes as Uint8Array)]).toEqual([1, 2, 3]);
    expect(await client.get()).toBe("second");
    await client.shutdown();
    await server.shutdown();
  });

  it("ends a client with a NetworkError when the address is not a WebSocket URL", async () => {
    const client = drive(new WebSocketClient("ftp://127.0.0.1/"));
    const failure = (await rejection(client.done)) as ComponentError;
    expect(failure.cause).toBeInstanceOf(NetworkError);
    expect(String(failure.cause).replace(/_\d+/, "_N")).toMatchInlineSnapshot(`"NetworkError: WebSocketClient_N could not connect to ftp://127.0.0.1/: The URL's protocol must be one of "ws:", "wss:", "http:", "https:", or "ws+unix:"."`);
  });
});
