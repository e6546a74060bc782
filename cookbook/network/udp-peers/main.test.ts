import { Scheduler, handle } from "kamaelia";
import { SimplePeer, type Packet } from "kamaelia/node";
import { afterEach, describe, expect, it } from "vitest";
import { pageOutput, printed, recordTranscript } from "../../recipe-test.js";
import { main } from "./main.js";
import { main as multicast } from "./multicast.js";
import { loopbackMulticastMissing } from "../../../runtime/src/test-support/multicast.js";

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

const missing = await loopbackMulticastMissing("239.255.42.199");
if (missing !== undefined) console.warn(`Multicast recipe tests skipped: loopback multicast is unavailable here: ${missing}.`);

describe.skipIf(missing !== undefined)("multicast to two receivers", () => {
  it("prints each message sent once to the group once per receiver, in order: both receivers joined it", async () => {
    const { lines, sink } = printed();
    await multicast(["a", "b", "c"], sink);
    expect(lines).toEqual(["receiver 1: a", "receiver 1: b", "receiver 1: c", "receiver 2: a", "receiver 2: b", "receiver 2: c"]);
  });

  it("shows on its page exactly what the multicast program prints", async () => {
    const { lines, sink } = printed();
    await multicast(undefined, sink);
    recordTranscript(new URL("multicast-transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url, "multicastOutput"));
  });
});
