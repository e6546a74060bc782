import { connect } from "node:net";
import { Component, Pipeline, ProducerFinished, Scheduler, chunks_to_lines, handle } from "kamaelia";
import { ServerCore, TCPClient } from "kamaelia/node";
import { afterEach, describe, expect, it } from "vitest";
import { pageOutput, recordTranscript } from "../../recipe-test.js";
import { memory } from "./in-the-page.js";
import { tcp } from "./main.js";
import { Muncher, ServerStopper, main, motd } from "./protocols.js";

// Servers and clients run on the default scheduler, in the background of the test: each test checks
// that it has left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

/** A server on a free port of 127.0.0.1, making `protocol()` for each connection. */
async function serve(protocol: () => Component): Promise<{ core: ServerCore; server: ReturnType<typeof handle>; port: number }> {
  const core = new ServerCore({ protocol, port: 0, host: "127.0.0.1" });
  const server = handle(core);
  return { core, server, port: (await core.ready).port };
}

/**
 * Connects a TCPClient, sends `text` (then ProducerFinished, if `hangUp`), and returns every byte the
 * server sent, as text, and what the client's signal carried once the server closed.
 */
async function transcript(port: number, text: string, hangUp = false): Promise<{ received: string; signal: unknown }> {
  const client = handle(new TCPClient("127.0.0.1", port));
  if (text !== "") client.put(text);
  if (hangUp) client.put(new ProducerFinished(), "control");
  const chunks: Uint8Array[] = [];
  for await (const chunk of client) chunks.push(chunk as Uint8Array);
  return { received: Buffer.concat(chunks).toString("utf8"), signal: await client.get("signal") };
}

/** The error a plain socket gets connecting to `port` (it fails the test if it connects). */
function connectError(port: number): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      reject(new Error(`connected to port ${String(port)}: something still listens there`));
    });
    socket.once("error", resolve);
  });
}

describe("Protocols that end the conversation", () => {
  it("gives a message-of-the-day client exactly the two lines, then EOF", async () => {
    const { server, port } = await serve(motd);
    const { received, signal } = await transcript(port, "");
    expect(received).toBe("Welcome to the munching server.\nSay a line, or quit.\n");
    expect(signal).toBeInstanceOf(ProducerFinished);
    await server.shutdown();
  });

  it("answers hi with exactly munch hi, then closes on quit without waiting for the client", async () => {
    const log: string[] = [];
    const { server, port } = await serve(() => new Pipeline(chunks_to_lines(), new Muncher((line) => log.push(line))));
    const { received, signal } = await transcript(port, "hi\nquit\n");
    expect(received).toBe("munch hi\n");
    expect(signal).toBeInstanceOf(ProducerFinished);
    expect(log).toEqual([]);
    await server.shutdown();
  });

  it("notices a client that hangs up without saying quit, after answering what it said", async () => {
    const log: string[] = [];
    const { server, port } = await serve(() => new Pipeline(chunks_to_lines(), new Muncher((line) => log.push(line))));
    const { received } = await transcript(port, "bye\n", true);
    expect(received).toBe("munch bye\n");
    expect(log).toEqual(["muncher: a client left without saying quit"]);
    await server.shutdown();
  });

  it("stops the whole server from a handler's serversignal: a second connect is refused", async () => {
    const { core, server, port } = await serve(() => new ServerStopper());
    const { received, signal } = await transcript(port, "");
    expect(received).toBe("Closing time: the server is stopping.\n");
    expect(signal).toBeInstanceOf(ProducerFinished);
    await server.done;
    expect(core.finished).toBe(true);
    expect((await connectError(port)).code).toBe("ECONNREFUSED");
  });

  it("prints what its page shows, and records it for the page", async () => {
    const lines: string[] = [];
    await main(tcp, (line) => lines.push(line));
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});

describe("Protocols that end the conversation, in the page on the in-memory network", () => {
  it("prints what the page shows, as the TCP version does", async () => {
    const lines: string[] = [];
    await main(memory, (line) => lines.push(line));
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
