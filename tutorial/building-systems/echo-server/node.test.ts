// The echo protocol of this step's solution, served on real sockets by ServerCore, as the page shows.
import { lineReader, serveOnNode } from "../on-node.js";
import { ConsoleEchoer, DataSource, Pipeline, ProducerFinished, chunks_to_lines, handle } from "kamaelia";
import { TCPClient } from "kamaelia/node";
import { describe, expect, it } from "vitest";
import { protocol } from "./solution.js";

describe("the echo server on real sockets", () => {
  it("echoes a client's lines over TCP and ends once the client has finished", async () => {
    const { server, host, port } = await serveOnNode(protocol);
    const lines: string[] = [];
    const client = new Pipeline(
      new DataSource(["hello\n", "world\n"]),
      new TCPClient(host, port),
      chunks_to_lines(),
      new ConsoleEchoer({ tag: "client got: ", sink: (line) => lines.push(line) }),
    );
    await handle(client).done;
    await server.shutdown();
    expect(lines).toEqual(["client got: hello", "client got: world"]);
  });

  it("gives each connection its own Echo, answering each client as it types", async () => {
    const { server, connect } = await serveOnNode(protocol);
    const first = connect();
    const second = connect();
    const [fromFirst, fromSecond] = [lineReader(first), lineReader(second)];
    first.put("one\n");
    second.put("two\n");
    // A line cut in two on the way still comes back whole.
    first.put("thr");
    first.put("ee\n");
    expect([await fromFirst(), await fromSecond(), await fromFirst()]).toEqual(["one", "two", "three"]);
    first.put(new ProducerFinished(), "control");
    second.put(new ProducerFinished(), "control");
    await Promise.all([first.done, second.done]);
    await server.shutdown();
  });
});
