import { ProducerFinished, Scheduler, handle } from "kamaelia";
import { TCPClient } from "kamaelia/node";
import { afterEach, describe, expect, it } from "vitest";
import { pageOutput, recordTranscript } from "../../recipe-test.js";
import { memory } from "./in-the-page.js";
import { tcp } from "./main.js";
import { echoServer, fortuneServer, main } from "./servers.js";

const COOKIE = "You will read this cookie exactly once.\n";

// Servers and clients run on the default scheduler, in the background of the test: each test checks
// that it has left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

/** Starts `core`, connects a TCPClient, sends `text` (and then ProducerFinished), and collects what comes back until the server closes. */
async function converse(core: ReturnType<typeof echoServer>, text?: string): Promise<{ received: string; signal: unknown }> {
  const server = handle(core);
  try {
    const client = handle(new TCPClient("127.0.0.1", (await core.ready).port));
    if (text !== undefined) {
      client.put(text);
      client.put(new ProducerFinished(), "control");
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of client) chunks.push(chunk as Uint8Array);
    return { received: Buffer.concat(chunks).toString("utf8"), signal: await client.get("signal") };
  } finally {
    await server.shutdown();
  }
}

describe("Echo and fortune-cookie servers", () => {
  it("echoes hello\\n back as exactly hello\\n, then closes the connection", async () => {
    const { received, signal } = await converse(echoServer(tcp), "hello\n");
    expect(received).toBe("hello\n");
    expect(signal).toBeInstanceOf(ProducerFinished);
  });

  it("sends an injected one-entry cookie list, exactly, and the client's signal then carries producerFinished", async () => {
    const { received, signal } = await converse(fortuneServer(tcp, [COOKIE]));
    expect(received).toBe(COOKIE);
    expect(signal).toBeInstanceOf(ProducerFinished);
  });

  it("prints the echoed line and then exactly the injected cookie, with both halves in one program", async () => {
    const lines: string[] = [];
    await main(tcp, (line) => lines.push(line), [COOKIE]);
    expect(lines).toEqual(["echo: hello", `fortune: ${COOKIE.trimEnd()}`]);
  });

  it("prints what its page shows, and records it for the page", async () => {
    const lines: string[] = [];
    await main(tcp, (line) => lines.push(line));
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});

describe("Echo and fortune-cookie servers in the page, on the in-memory network", () => {
  it("prints the echoed line and then exactly the injected cookie", async () => {
    const lines: string[] = [];
    await main(memory, (line) => lines.push(line), [COOKIE]);
    expect(lines).toEqual(["echo: hello", `fortune: ${COOKIE.trimEnd()}`]);
  });

  it("prints what the page shows, as the TCP version does", async () => {
    const lines: string[] = [];
    await main(memory, (line) => lines.push(line));
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
