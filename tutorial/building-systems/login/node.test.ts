// The login protocol of this step's solution, served on real sockets by ServerCore, as the page shows.
import { lineReader, serveOnNode } from "../on-node.js";
import { ProducerFinished } from "kamaelia";
import { describe, expect, it } from "vitest";
import { protocol } from "./solution.js";

describe("the login server on real sockets", () => {
  it("asks each client for a name over TCP, greets, and speaks for that client only", async () => {
    const { server, connect } = await serveOnNode(protocol);
    const alice = connect();
    const bob = connect();
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
