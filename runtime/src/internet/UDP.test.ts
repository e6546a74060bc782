import { createSocket, type RemoteInfo, type Socket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { ComponentError, ErrorInformation, ProducerFinished, ShutdownMicroprocess, handle } from "../index.js";
import { rejection, stopDefaultScheduler } from "../test-support/harness.js";
import { NetworkError } from "./NetworkError.js";
import { PostboxPeer, SimplePeer, TargettedPeer, type Packet } from "./UDP.js";

const host = "127.0.0.1";

/** A plain UDP socket on 127.0.0.1 and a free port, that queues what it receives. */
async function plainSocket(): Promise<{ socket: Socket; port: number; next: () => Promise<[string, RemoteInfo]> }> {
  const socket = createSocket("udp4");
  const queue: [string, RemoteInfo][] = [];
  const waiting: ((packet: [string, RemoteInfo]) => void)[] = [];
  socket.on("message", (data, from) => {
    const packet: [string, RemoteInfo] = [String(data), from];
    const resolve = waiting.shift();
    if (resolve === undefined) queue.push(packet);
    else resolve(packet);
  });
  await new Promise<void>((resolve) => socket.bind(0, host, resolve));
  const next = (): Promise<[string, RemoteInfo]> => {
    const packet = queue.shift();
    return packet === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(packet);
  };
  return { socket, port: socket.address().port, next };
}

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
  expect(stopDefaultScheduler()).toEqual([]);
});

async function other(): Promise<Awaited<ReturnType<typeof plainSocket>>> {
  const made = await plainSocket();
  sockets.push(made.socket);
  return made;
}

describe("SimplePeer", () => {
  it("sends each message as a packet to its receiver, from the port it is bound to", async () => {
    const far = await other();
    const peer = new SimplePeer({ localaddr: host, receiver_addr: host, receiver_port: far.port });
    const running = handle(peer);
    const { port, host: bound } = await peer.ready;
    expect(bound).toBe(host);
    running.put("hello");
    running.put(new Uint8Array([0x68, 0x69]));
    const [first, from] = await far.next();
    expect(first).toBe("hello");
    expect(from.port).toBe(port);
    expect((await far.next())[0]).toBe("hi");
    await running.shutdown();
  });

  it("sends each packet it receives as [data, [host, port]]", async () => {
    const far = await other();
    const peer = new SimplePeer({ localaddr: host });
    const running = handle(peer);
    const { port } = await peer.ready;
    far.socket.send("incoming", port, host);
    const packet = (await running.get()) as Packet;
    expect(packet).toEqual([Buffer.from("incoming"), [host, far.port]]);
    await running.shutdown();
  });

  it("sends what waits, closes its socket and passes ProducerFinished on", async () => {
    const far = await other();
    const peer = new SimplePeer({ localaddr: host, receiver_addr: host, receiver_port: far.port });
    const running = handle(peer);
    const { port } = await peer.ready;
    const done = new ProducerFinished();
    running.put("last words");
    running.put(done, "control");
    expect(await running.get("signal")).toBe(done);
    await running.done;
    expect((await far.next())[0]).toBe("last words");
    const again = createSocket("udp4");
    await new Promise<void>((resolve) => again.bind(port, host, resolve));
    again.close();
  });

  it("reports a message it cannot send and carries on", async () => {
    const far = await other();
    const running = handle(new SimplePeer({ localaddr: host, receiver_addr: host, receiver_port: far.port }));
    running.put({ not: "data" });
    running.put("fine");
    const report = (await running.get("signal")) as ErrorInformation;
    expect(String(report.message)).toMatch(/^SimplePeer_\d+ skipped an Object on its "inbox" inbox: it accepts strings or Uint8Arrays to send\.$/);
    expect((await far.next())[0]).toBe("fine");
    await running.shutdown();
  });

  it("reports a packet that cannot be sent as an ErrorInformation carrying a NetworkError", async () => {
    const running = handle(new SimplePeer({ localaddr: host, receiver_addr: host, receiver_port: 0 }));
    running.put("nowhere to go");
    const report = (await running.get("signal")) as ErrorInformation;
    expect(report.exception).toBeInstanceOf(NetworkError);
    expect(String(report.message)).toMatch(/^SimplePeer_\d+ could not send a UDP packet to 127\.0\.0\.1 port 0: /);
    await running.shutdown();
  });

  it("ends with a NetworkError, and ready rejects, when it cannot bind", async () => {
    const taken = await other();
    const peer = new SimplePeer({ localaddr: host, localport: taken.port });
    const running = handle(peer);
    const error = await rejection(peer.ready);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe("EADDRINUSE");
    expect((error as NetworkError).message.replace(/_\d+/, "_N").replaceAll(String(taken.port), "<port>")).toMatchInlineSnapshot(
      `"SimplePeer_N could not bind UDP to 127.0.0.1 port <port>: bind EADDRINUSE 127.0.0.1:<port>. Something else listens on that port: pick another one, or port 0 for any free one."`,
    );
    expect(((await rejection(running.done)) as ComponentError).cause).toBe(error);
  });
});

describe("TargettedPeer", () => {
  it("sends to the last target it was given, [host, port]", async () => {
    const [first, second] = [await other(), await other()];
    const running = handle(new TargettedPeer({ localaddr: host, receiver_addr: host, receiver_port: first.port }));
    running.put("one");
    expect((await first.next())[0]).toBe("one");
    running.put([host, second.port], "target");
    running.put("two");
    expect((await second.next())[0]).toBe("two");
    await running.shutdown();
  });

  it("reports a target that is not [host, port] and keeps the old one", async () => {
    const far = await other();
    const running = handle(new TargettedPeer({ localaddr: host, receiver_addr: host, receiver_port: far.port }));
    running.put([host, 70_000], "target");
    running.put("still here");
    const report = (await running.get("signal")) as ErrorInformation;
    expect(String(report.message)).toMatch(/skipped an Array on its "target" inbox: it accepts \[host, port\] pairs\.$/);
    expect((await far.next())[0]).toBe("still here");
    await running.shutdown();
  });
});

describe("PostboxPeer", () => {
  it("sends each [host, port, data] to that host and port", async () => {
    const [first, second] = [await other(), await other()];
    const running = handle(new PostboxPeer({ localaddr: host }));
    running.put([host, second.port, "b"]);
    running.put([host, first.port, "a"]);
    expect((await first.next())[0]).toBe("a");
    expect((await second.next())[0]).toBe("b");
    await running.shutdown();
  });

  it("reports a message that is not [host, port, data]", async () => {
    const running = handle(new PostboxPeer({ localaddr: host }));
    running.put(["127.0.0.1", "1500", "x"]);
    const report = (await running.get("signal")) as ErrorInformation;
    expect(String(report.message)).toMatch(/it accepts \[host, port, data\] triples, data a string or Uint8Array\.$/);
    const stop = new ShutdownMicroprocess();
    running.put(stop, "control");
    expect(await running.get("signal")).toBe(stop);
    await running.done;
  });
});
