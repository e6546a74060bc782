import { Backplane, Pipeline, ProducerFinished, Scheduler, chunks_to_lines, handle, type Handle } from "kamaelia";
import { TCPClient } from "kamaelia/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pageOutput, recordTranscript } from "../../recipe-test.js";
import { chatServer, main } from "./chat.js";
import { memory } from "./in-the-page.js";
import { tcp } from "./main.js";

// The room runs on the default scheduler, in the background of the test: each test checks that it has
// left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

describe("A chat room on a Backplane", () => {
  let backplane: Handle;
  let server: Handle;
  let port = 0;

  beforeEach(async () => {
    backplane = handle(new Backplane("CHAT"));
    const core = chatServer(tcp);
    server = handle(core);
    port = (await core.ready).port;
  });

  afterEach(async () => {
    await server.shutdown();
    await backplane.shutdown();
  });

  /** A client that has joined the room: it has said hello and heard its own hello come back, as `n says hello`. */
  async function joined(n: number): Promise<Handle> {
    const client = handle(new Pipeline(new TCPClient("127.0.0.1", port), chunks_to_lines()));
    client.put("hello\n");
    expect(await client.get()).toBe(`${String(n)} says hello`);
    return client;
  }

  /** Hangs `client` up and returns the lines it heard from then until the server closed its connection. */
  async function leave(client: Handle): Promise<string[]> {
    client.put(new ProducerFinished(), "control");
    const rest: string[] = [];
    for await (const line of client) rest.push(String(line));
    return rest;
  }

  it("with clients 1 and 2 connected, client 1 saying hi reaches both as exactly 1 says hi, and nothing else", async () => {
    const one = await joined(1);
    const two = await joined(2);
    expect(await one.get()).toBe("2 says hello");
    one.put("hi\n");
    expect(await one.get()).toBe("1 says hi");
    expect(await two.get()).toBe("1 says hi");
    expect(await leave(two)).toEqual([]);
    expect(await leave(one)).toEqual([]);
  });

  it("goes on for client 1 when client 2 drops its connection, and numbers a newcomer 3", async () => {
    const one = await joined(1);
    const two = await joined(2);
    expect(await one.get()).toBe("2 says hello");
    await two.shutdown(); // closes the connection at once
    one.put("still here\n");
    expect(await one.get()).toBe("1 says still here");
    expect(one.component.finished).toBe(false);
    const three = await joined(3);
    expect(await one.get()).toBe("3 says hello");
    three.put("hi 1\n");
    expect(await one.get()).toBe("3 says hi 1");
    expect(await three.get()).toBe("3 says hi 1");
    expect(await leave(three)).toEqual([]);
    expect(await leave(one)).toEqual([]);
  });
});

describe("The chat room program", () => {
  it("prints what its page shows, and records it for the page", async () => {
    const lines: string[] = [];
    await main(tcp, (line) => lines.push(line));
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });

  it("prints the same in the page, on the in-memory network", async () => {
    const lines: string[] = [];
    await main(memory, (line) => lines.push(line));
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
