import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource, Pipeline, ProducerFinished, Scheduler, chunks_to_lines, handle } from "kamaelia";
import { TCPClient } from "kamaelia/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pageOutput, recordTranscript } from "../../recipe-test.js";
import { logServer, logger, main, relayServer } from "./main.js";

let folder = "";

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "aggregating-logger-"));
});

// The logger runs on the default scheduler, in the background of the test: each test checks that it
// has left nothing running there.
afterEach(async () => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
  await rm(folder, { recursive: true });
});

describe("An aggregating logger and relay", () => {
  it("writes exactly the three lines two clients sent in pieces to the file, and relays them live", async () => {
    const file = join(folder, "log.txt");
    const log = logServer();
    const relay = relayServer();
    const running = handle(logger(file, log, relay));
    const [logAt, relayAt] = await Promise.all([log.ready, relay.ready]);
    // The listener's connection subscribes to LOGGER in the scheduler cycles that follow its arrival,
    // before the scheduler next turns to the network, where the clients' lines come from.
    const listener = handle(new Pipeline(new TCPClient("127.0.0.1", relayAt.port), chunks_to_lines()));

    // Two clients at once, each sending its text in pieces that cut lines anywhere.
    const send = (pieces: string[]): Promise<void> => handle(new Pipeline(new DataSource(pieces), new TCPClient("127.0.0.1", logAt.port))).done;
    await Promise.all([send(["a", "\nb", "\n"]), send(["c", "\n"])]);
    const relayed: string[] = [];
    for (let n = 0; n < 3; n++) relayed.push(String(await listener.get()));

    running.put(new ProducerFinished(), "control");
    await running.done;
    const rest: string[] = [];
    for await (const line of listener) rest.push(String(line));

    const written = await readFile(file, "utf8");
    expect(written.endsWith("\n")).toBe(true);
    const lines = written.split("\n").slice(0, -1);
    expect([...lines].sort()).toEqual(["a", "b", "c"]);
    expect([...relayed].sort()).toEqual(["a", "b", "c"]);
    // One client's lines keep their order, wherever the other's fall between them.
    expect(lines.indexOf("a")).toBeLessThan(lines.indexOf("b"));
    expect(relayed.indexOf("a")).toBeLessThan(relayed.indexOf("b"));
    expect(rest).toEqual([]);
  });

  it("prints what its page shows, and records it for the page", async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line), folder);
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
