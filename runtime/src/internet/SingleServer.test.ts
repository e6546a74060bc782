import { afterEach, describe, expect, it } from "vitest";
import { ComponentError, ProducerFinished, Scheduler, ShutdownMicroprocess, handle, type Component, type Handle } from "../index.js";
import { rejection, thrown } from "../test-support/harness.js";
import { NetworkError } from "./NetworkError.js";
import { SingleServer } from "./SingleServer.js";
import { TCPClient } from "./TCPClient.js";

let schedulers: Scheduler[] = [];

afterEach(() => {
  for (const scheduler of schedulers) scheduler.stop();
  schedulers = [];
});

/** Drives `component` on a scheduler of its own, stopped after the test. */
function drive(component: Component): Handle {
  const scheduler = new Scheduler();
  schedulers.push(scheduler);
  return handle(component.activate(scheduler));
}

/** All the text that leaves the component's outbox until it ends. */
async function text(driver: Handle): Promise<string> {
  let all = "";
  for await (const chunk of driver) all += String(chunk);
  return all;
}

describe("SingleServer", () => {
  it("is the connection of its client: its inbox goes to the client, what the client sends leaves its outbox", async () => {
    const single = new SingleServer({ port: 0, host: "127.0.0.1" });
    const server = drive(single);
    const { port } = await single.ready;
    const client = drive(new TCPClient("127.0.0.1", port));
    client.put("from the client");
    expect(String(await server.get())).toBe("from the client");
    server.put("from the server");
    expect(String(await client.get())).toBe("from the server");
    await client.shutdown();
  });

  it("sends what waited in its inbox once a client connects, and ProducerFinished when the client closes", async () => {
    const single = new SingleServer({ port: 0, host: "127.0.0.1" });
    const server = drive(single);
    server.put("queued before anyone came");
    const { port } = await single.ready;
    const client = drive(new TCPClient("127.0.0.1", port));
    expect(String(await client.get())).toBe("queued before anyone came");
    client.put(new ProducerFinished(), "control");
    await server.done;
    expect(await server.get("signal")).toBeInstanceOf(ProducerFinished);
    await client.done;
  });

  it("accepts only its first client and refuses the next", async () => {
    const single = new SingleServer({ port: 0, host: "127.0.0.1" });
    const server = drive(single);
    const { port } = await single.ready;
    const first = drive(new TCPClient("127.0.0.1", port));
    first.put("hi");
    expect(String(await server.get())).toBe("hi");
    const second = drive(new TCPClient("127.0.0.1", port));
    const failure = (await rejection(second.done)) as ComponentError;
    expect((failure.cause as NetworkError).code).toBe("ECONNREFUSED");
    await first.shutdown();
  });

  it("with ProducerFinished, writes what waits, ends its side and delivers what the client sends until it closes", async () => {
    const single = new SingleServer({ port: 0, host: "127.0.0.1" });
    const server = drive(single);
    const finished = new ProducerFinished();
    server.put("question?");
    server.put(finished, "control");
    const { port } = await single.ready;
    const client = drive(new TCPClient("127.0.0.1", port));
    expect(String(await client.get())).toBe("question?");
    client.put("answer!");
    client.put(new ProducerFinished(), "control");
    expect(await text(server)).toBe("answer!");
    expect(await server.get("signal")).toBe(finished);
    await client.done;
  });

  it("stops listening on ShutdownMicroprocess before any client came, and passes it on", async () => {
    const single = new SingleServer({ port: 0, host: "127.0.0.1" });
    const server = drive(single);
    const { port } = await single.ready;
    await server.shutdown();
    expect(await server.get("signal")).toBeInstanceOf(ShutdownMicroprocess);
    const late = drive(new TCPClient("127.0.0.1", port));
    expect(((await rejection(late.done)) as ComponentError).cause).toBeInstanceOf(NetworkError);
  });

  it("ends with a NetworkError and rejects ready when its port is in use", async () => {
    const first = new SingleServer({ port: 0, host: "127.0.0.1" });
    drive(first);
    const { port } = await first.ready;
    const second = new SingleServer({ port, host: "127.0.0.1" });
    const failed = drive(second);
    const failure = (await rejection(second.ready)) as NetworkError;
    expect(failure.code).toBe("EADDRINUSE");
    expect(((await rejection(failed.done)) as ComponentError).cause).toBe(failure);
  });

  it("refuses a port that is not a whole number from 0 to 65535", () => {
    expect(thrown(() => new SingleServer({ port: 70000 }))).toMatchInlineSnapshot(
      `"BadArgument: new SingleServer(): port must be a whole number from 0 to 65535 (0 picks a free port), not 70000."`,
    );
  });
});
