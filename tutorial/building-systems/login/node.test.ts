// The login protocol of this step's solution, served on real sockets by ServerCore, as the page shows.
import { lineReader } from "../on-node.js";
import { ProducerFinished, handle } from "kamaelia";
import { ServerCore, TCPClient } from "kamaelia/node";
import { describe, expect, it } from "vitest";
import { protocol } from "./solution.js";

describe("the login server on real sockets", () => {
  it("asks each client for a name over TCP, greets, and speaks for that client only", async () => {
    const core = new ServerCore({ protocol, port: 0, host: "127.0.0.1" });
    const server = handle(core);
    const { port } = await core.ready;
    const alice = handle(new TCPClient("127.0.0.1", port));
    const bob = handle(new TCPClient("127.0.0.1", port));
    const [fromAlice, fromBob] = [lineReader(alice), lineReader(bob)];
    expect([await fromAlice(), await fromBob()]).toEqual(["What is your name?", "What is your name?"]);
    alice.put("\n");
    expect(await fromAlice()).toBe("What is your name?");
    alice.put("alice\n");
    bob.put("bob\n");
    expect([await fromAlice(), await fromBob()]).toEqual(["hello alice", "hello bob"]);
    alice.put("hi ");
    alice.put("there\n");
    bob.put("hello\n");
    expect([await fromAlice(), await fromBob()]).toEqual(["alice: hi there", "bob: hello"]);
    alice.put(new ProducerFinished(), "control");
    bob.put(new ProducerFinished(), "control");
    await Promise.all([alice.done, bob.done]);
    await server.shutdown();
  });
});
