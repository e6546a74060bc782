import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { ComponentError } from "../axon/AxonExceptions.js";
import { Harness, rejection } from "../test-support/harness.js";
import { NetworkError } from "./NetworkError.js";
import { SocketAdapter, type SocketRole } from "./SocketAdapter.js";
import type { Chunk, Transport, TransportEvents } from "./Transport.js";

/** A connection that records what is done to it; the test plays the peer through `events`. */
class FakeTransport implements Transport {
  readonly calls: string[] = [];
  /** While true, writes report the connection full. */
  full = false;
  #events: TransportEvents | null = null;

  get events(): TransportEvents {
    if (this.#events === null) throw new Error("not started");
    return this.#events;
  }

  start(events: TransportEvents): void {
    this.#events = events;
    this.calls.push("start");
  }

  write(chunk: Chunk): boolean {
    this.calls.push(`write ${typeof chunk === "string" ? chunk : `[${chunk.join(",")}]`}`);
    return !this.full;
  }

  end(): void {
    this.calls.push("end");
  }

  close(): void {
    this.calls.push("close");
  }

  destroy(): void {
    this.calls.push("destroy");
  }

  pause(): void {
    this.calls.push("pause");
  }

  resume(): void {
    this.calls.push("resume");
  }
}

/** A started adapter on a fake connection, under a harness. */
function adapter(role: SocketRole): { transport: FakeTransport; harness: Harness } {
  const transport = new FakeTransport();
  const harness = new Harness(new SocketAdapter(transport, role)).settle();
  return { transport, harness };
}

/** An adapter that opens its connection itself, when the test resolves `open`. */
class Dialler extends SocketAdapter {
  readonly transport = new FakeTransport();
  open: () => void = () => undefined;
  abandoned = false;

  constructor() {
    super(null, "client");
  }

  protected override connect(signal: AbortSignal): Promise<Transport> {
    signal.addEventListener("abort", () => {
      this.abandoned = true;
    });
    return new Promise((resolve) => {
      this.open = () => {
        resolve(this.transport);
      };
    });
  }
}

describe("SocketAdapter", () => {
  it("writes strings and bytes from its inbox to the connection, in order", () => {
    const { transport, harness } = adapter("client");
    harness.send("inbox", "hello", new Uint8Array([1, 2]), "bye").settle();
    expect(transport.calls).toEqual(["start", "write hello", "write [1,2]", "write bye"]);
  });

  it("holds messages in its inbox while the connection is full and writes them once it drains", () => {
    const { transport, harness } = adapter("client");
    transport.full = true;
    harness.send("inbox", "a", "b", "c").settle();
    expect(transport.calls).toEqual(["start", "write a"]);
    expect(harness.component.dataReady("inbox")).toBe(2);
    transport.full = false;
    transport.events.drain();
    harness.settle();
    expect(transport.calls).toEqual(["start", "write a", "write b", "write c"]);
  });

  it("sends what the connection receives from its outbox, in order", () => {
    const { transport, harness } = adapter("client");
    transport.events.data("one");
    transport.events.data(new Uint8Array([2]));
    harness.settle();
    expect(harness.take()).toEqual(["one", new Uint8Array([2])]);
  });

  it("stops reading while the next inbox is full and reads again once it has room", () => {
    const { transport, harness } = adapter("client");
    harness.limit("outbox", 1);
    transport.events.data("a");
    transport.events.data("b");
    harness.settle();
    expect(transport.calls).toEqual(["start", "pause"]);
    expect(harness.take()).toEqual(["a"]);
    harness.settle();
    expect(harness.take()).toEqual(["b"]);
    expect(transport.calls).toEqual(["start", "pause", "resume"]);
  });

  it("skips a message that is neither a string nor bytes and reports it on signal", () => {
    const { transport, harness } = adapter("client");
    harness.send("inbox", 42, "ok").settle();
    expect(transport.calls).toEqual(["start", "write ok"]);
    const [report] = harness.take("signal");
    expect(report).toBeInstanceOf(ErrorInformation);
    expect(String((report as ErrorInformation).message).replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"SocketAdapter_N skipped the number 42 on its "inbox" inbox: it accepts strings and bytes (Uint8Array)."`,
    );
  });

  it("as a client given ProducerFinished, writes what waits, ends its sending side and delivers until the peer closes", async () => {
    const { transport, harness } = adapter("client");
    const finished = new ProducerFinished("upstream");
    harness.send("inbox", "request").send("control", finished).settle();
    expect(transport.calls).toEqual(["start", "write request", "end"]);
    expect(harness.component.finished).toBe(false);
    transport.events.data("reply");
    transport.events.end();
    await harness.finish();
    expect(harness.take()).toEqual(["reply"]);
    expect(harness.take("signal")).toEqual([finished]);
    expect(transport.calls).toEqual(["start", "write request", "end", "close"]);
  });

  it("given ProducerFinished while the connection is full, ends its sending side only once the rest is written", () => {
    const { transport, harness } = adapter("client");
    transport.full = true;
    harness.send("inbox", "a", "b").send("control", new ProducerFinished()).settle();
    expect(transport.calls).toEqual(["start", "write a"]);
    transport.full = false;
    transport.events.drain();
    harness.settle();
    expect(transport.calls).toEqual(["start", "write a", "write b", "end"]);
  });

  it("as a client, ends with ProducerFinished when the peer has finished", async () => {
    const { transport, harness } = adapter("client");
    harness.send("inbox", "last words");
    transport.events.data("bye");
    transport.events.end();
    await harness.finish();
    expect(harness.take()).toEqual(["bye"]);
    expect(harness.take("signal")).toEqual([new ProducerFinished(harness.component)]);
    expect(transport.calls).toEqual(["start", "write last words", "close"]);
  });

  it("writes what waits and closes on ShutdownMicroprocess, passing it on", async () => {
    const { transport, harness } = adapter("client");
    transport.full = true;
    const shutdown = new ShutdownMicroprocess();
    harness.send("inbox", "a", "b").send("control", shutdown);
    await harness.finish();
    expect(transport.calls).toEqual(["start", "write a", "write b", "close"]);
    expect(harness.take("signal")).toEqual([shutdown]);
  });

  it("as a client, ends with a NetworkError when the connection breaks", async () => {
    const { transport, harness } = adapter("client");
    transport.events.close(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }));
    const failure = (await rejection(harness.finish())) as ComponentError;
    expect(failure).toBeInstanceOf(ComponentError);
    expect(failure.cause).toBeInstanceOf(NetworkError);
    expect(String(failure.cause).replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"NetworkError: SocketAdapter_N could not stay connected to the peer: read ECONNRESET. The peer dropped the connection."`,
    );
  });

  it("as a server connection, reports the peer finishing with ProducerFinished and goes on writing", () => {
    const { transport, harness } = adapter("server");
    transport.events.data("request");
    transport.events.end();
    harness.settle();
    expect(harness.take()).toEqual(["request"]);
    expect(harness.take("signal")).toEqual([new ProducerFinished(harness.component)]);
    harness.send("inbox", "reply").settle();
    expect(transport.calls).toEqual(["start", "write reply"]);
    expect(harness.component.finished).toBe(false);
  });

  it("as a server connection, sends ShutdownMicroprocess and ends when the connection closes, even broken", async () => {
    const { transport, harness } = adapter("server");
    transport.events.close(new Error("read ECONNRESET"));
    await harness.finish();
    expect(harness.take("signal")).toEqual([new ShutdownMicroprocess(harness.component)]);
    expect(transport.calls).toEqual(["start"]);
  });

  it("as a server connection, closes on ProducerFinished once what waits is written", async () => {
    const { transport, harness } = adapter("server");
    const finished = new ProducerFinished("handler");
    harness.send("inbox", "reply").send("control", finished);
    await harness.finish();
    expect(transport.calls).toEqual(["start", "write reply", "close"]);
    expect(harness.take("signal")).toEqual([finished]);
  });

  it("drops the connection when it is stopped", () => {
    const { transport, harness } = adapter("server");
    harness.component.stop();
    expect(transport.calls).toEqual(["start", "destroy"]);
  });

  it("keeps ProducerFinished that arrives while connecting for once it has connected", async () => {
    const dialler = new Dialler();
    const harness = new Harness(dialler);
    harness.send("inbox", "request").send("control", new ProducerFinished()).settle();
    expect(dialler.transport.calls).toEqual([]);
    dialler.open();
    await Promise.resolve();
    harness.settle();
    expect(dialler.transport.calls).toEqual(["start", "write request", "end"]);
    expect(dialler.finished).toBe(false);
  });

  it("abandons connecting on ShutdownMicroprocess and passes it on", async () => {
    const dialler = new Dialler();
    const harness = new Harness(dialler);
    const shutdown = new ShutdownMicroprocess();
    harness.send("control", shutdown);
    await harness.finish();
    expect(dialler.abandoned).toBe(true);
    expect(harness.take("signal")).toEqual([shutdown]);
  });
});
