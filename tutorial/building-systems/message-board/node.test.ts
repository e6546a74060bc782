// The message board of this step's solution, served on real sockets by ServerCore, as the page shows.
import { lineReader, serveOnNode } from "../on-node.js";
import { Backplane, ProducerFinished, handle } from "kamaelia";
import { describe, expect, it } from "vitest";
import { connection } from "./solution.js";

describe("the message board on real sockets", () => {
  it("shows what one logged-in user posts over TCP to every logged-in user, and goes on when one leaves", async () => {
    const board = handle(new Backplane("BOARD"));
    const { server, connect } = await serveOnNode(connection);
    const alice = connect();
    const bob = connect();
    const [fromAlice, fromBob] = [lineReader(alice), lineReader(bob)];
    expect([await fromAlice(), await fromBob()]).toEqual(["What is your name?", "What is your name?"]);
    alice.put("alice\n");
    bob.put("bob\n");
    expect([await fromAlice(), await fromBob()]).toEqual(["hello alice", "hello bob"]);
    alice.put("anyone here?\n");
    expect([await fromAlice(), await fromBob()]).toEqual(["alice: anyone here?", "alice: anyone here?"]);
    alice.put(new ProducerFinished(), "control");
    await alice.done;
    bob.put("hi alice\n");
    expect(await fromBob()).toBe("bob: hi alice");
    bob.put(new ProducerFinished(), "control");
    await bob.done;
    await server.shutdown();
    await board.shutdown();
  });
});
