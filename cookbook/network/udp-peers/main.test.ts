import { Scheduler, handle } from "kamaelia";
import { SimplePeer, type Packet } from "kamaelia/node";
import { afterEach, describe, expect, it } from "vitest";
import { pageOutput, printed, recordTranscript } from "../../recipe-test.js";
import { main } from "./main.js";

// The peers run on the default scheduler, driven by handles: each test checks that it has left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

describe("UDP peers", () => {
  it("prints exactly ping 1, ping 2, ping 3, in order, once the three datagrams have arrived over loopback", async () => {
    const { lines, sink } = printed();
    await main(["ping 1", "ping 2", "ping 3"], { sink });
    expect(lines).toEqual(["ping 1", "ping 2", "ping 3"]);
  });

  it("hands on each datagram as [data, [host, port]], the address being the sender's", async () => {
    const receiver = new SimplePeer({ localaddr: "127.0.0.1" });
    const heard = handle(receiver);
    const sender = new SimplePeer({ localaddr: "127.0.0.1", receiver_addr: "127.0.0.1", receiver_port: (await receiver.ready).port });
    const saying = handle(sender);
    const from = await sender.ready;
    saying.put("ping 1");
    const [data, address] = (await heard.get()) as Packet;
    expect(String(data)).toBe("ping 1");
    expect(address).toEqual(["127.0.0.1", from.port]);
    await Promise.all([saying.shutdown(), heard.shutdown()]);
  });

  it("shows on its page exactly what the program prints", async () => {
    const { lines, sink } = printed();
    await main(undefined, { sink });
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
