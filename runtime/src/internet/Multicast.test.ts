import { createSocket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { ComponentError, ErrorInformation, ProducerFinished, ShutdownMicroprocess, handle, type Handle } from "../index.js";
import { rejection, stopDefaultScheduler, thrown } from "../test-support/harness.js";
import { Multicast_receiver } from "./Multicast_receiver.js";
import { Multicast_sender } from "./Multicast_sender.js";
import { Multicast_transceiver } from "./Multicast_transceiver.js";
import { NetworkError } from "./NetworkError.js";
import type { Packet } from "./UDP.js";
import { loopbackMulticastMissing } from "../test-support/multicast.js";

const host = "127.0.0.1";
const onThisMachine = { multicast_interface: host };
// Groups of their own, so that other tests running at the same time cannot be heard.
const group = "239.255.77.1";
const otherGroup = "239.255.77.2";

/** Binds a plain socket, without address reuse, where a peer was bound: it succeeds only once the peer's socket is closed. */
async function bindAgain(address: string, port: number): Promise<void> {
  const socket = createSocket("udp4");
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, address, resolve);
  });
  socket.close();
}

const missing = await loopbackMulticastMissing("239.255.77.99");
const onLoopback = describe.skipIf(missing !== undefined);
if (missing !== undefined) console.warn(`Multicast tests skipped: loopback multicast is unavailable here: ${missing}.`);

afterEach(() => {
  expect(stopDefaultScheduler()).toEqual([]);
});

/** A Multicast_receiver of `address` on `port` (0: a free one), running, with its handle and port. */
async function receiver(address: string, port: number): Promise<{ peer: Multicast_receiver; heard: Handle; port: number }> {
  const peer = new Multicast_receiver(address, port, onThisMachine);
  const heard = handle(peer);
  return { peer, heard, port: (await peer.ready).port };
}

/** The data of the next packet `heard` sends, as text. */
async function nextText(heard: Handle): Promise<string> {
  return String(((await heard.get()) as Packet)[0]);
}

onLoopback("Multicast_sender", () => {
  it("sends each message to the group, and every receiver that joined it gets each one, with the sender's address", async () => {
    const first = await receiver(group, 0);
    const second = await receiver(group, first.port);
    const sender = new Multicast_sender(host, 0, group, first.port, onThisMachine);
    const talking = handle(sender);
    const from = await sender.ready;
    talking.put("one");
    talking.put(new Uint8Array([0x74, 0x77, 0x6f]));
    for (const { heard } of [first, second]) {
      expect(await heard.get()).toEqual([Buffer.from("one"), [host, from.port]]);
      expect(await nextText(heard)).toBe("two");
    }
    await Promise.all([talking.shutdown(), first.heard.shutdown(), second.heard.shutdown()]);
  });

  it("sends what waits, closes its socket and passes ProducerFinished on", async () => {
    const member = await receiver(group, 0);
    const sender = new Multicast_sender(host, 0, group, member.port, onThisMachine);
    const talking = handle(sender);
    const { port } = await sender.ready;
    const done = new ProducerFinished();
    talking.put("last words");
    talking.put(done, "control");
    expect(await talking.get("signal")).toBe(done);
    await talking.done;
    expect(await nextText(member.heard)).toBe("last words");
    await bindAgain(host, port);
    await member.heard.shutdown();
  });

  it("reports a message it cannot send and carries on", async () => {
    const member = await receiver(group, 0);
    const talking = handle(new Multicast_sender("0.0.0.0", 0, group, member.port, onThisMachine));
    talking.put({ not: "data" });
    talking.put("fine");
    const report = (await talking.get("signal")) as ErrorInformation;
    expect(String(report.message)).toMatch(/^Multicast_sender_\d+ skipped an Object on its "inbox" inbox: it accepts strings or Uint8Arrays to send\.$/);
    expect(await nextText(member.heard)).toBe("fine");
    await Promise.all([talking.shutdown(), member.heard.shutdown()]);
  });

  it("ends with a NetworkError, and ready rejects, when it cannot send from its multicast_interface", async () => {
    // 198.51.100.0/24 is kept for documentation: no machine's interface has such an address.
    const sender = new Multicast_sender("0.0.0.0", 0, group, 1500, { multicast_interface: "198.51.100.7" });
    const running = handle(sender);
    const error = await rejection(sender.ready);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe("EADDRNOTAVAIL");
    expect((error as NetworkError).message.replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"Multicast_sender_N could not send multicast from interface 198.51.100.7: setMulticastInterface EADDRNOTAVAIL. That address is not one of this machine's: listen on 127.0.0.1, 0.0.0.0 or ::. Check that 198.51.100.7 is the IPv4 address of one of this machine's interfaces ("127.0.0.1" stays on this machine)."`,
    );
    expect(((await rejection(running.done)) as ComponentError).cause).toBe(error);
  });
});

onLoopback("Multicast_receiver", () => {
  it("hears nothing sent to another group on its port: the first packet it gets is the one sent to its own group", async () => {
    const member = await receiver(group, 0);
    const outsider = await receiver(otherGroup, member.port);
    const toGroup = handle(new Multicast_sender(host, 0, group, member.port, onThisMachine));
    toGroup.put("for the group only");
    // Once a member has it, a copy for the outsider would already wait in the outsider's socket.
    expect(await nextText(member.heard)).toBe("for the group only");
    const toOther = handle(new Multicast_sender(host, 0, otherGroup, member.port, onThisMachine));
    toOther.put("marker");
    expect(await nextText(outsider.heard)).toBe("marker");
    await Promise.all([toGroup.shutdown(), toOther.shutdown(), member.heard.shutdown(), outsider.heard.shutdown()]);
  });

  it("closes its socket, leaving the group, and passes ShutdownMicroprocess on", async () => {
    const member = await receiver(group, 0);
    const stop = new ShutdownMicroprocess();
    member.heard.put(stop, "control");
    expect(await member.heard.get("signal")).toBe(stop);
    await member.heard.done;
    await bindAgain(group, member.port);
  });

  it("reports a message sent to its inbox, since it only receives", async () => {
    const member = await receiver(group, 0);
    member.heard.put("hello?");
    const report = (await member.heard.get("signal")) as ErrorInformation;
    expect(String(report.message).replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"Multicast_receiver_N skipped the string "hello?" on its "inbox" inbox: it accepts nothing, since a Multicast_receiver only receives: send to the group with a Multicast_sender or a Multicast_transceiver."`,
    );
    await member.heard.shutdown();
  });

  it("ends with a NetworkError, and ready rejects, when it cannot join the group on its multicast_interface", async () => {
    const peer = new Multicast_receiver(group, 0, { multicast_interface: "198.51.100.7" });
    const running = handle(peer);
    const error = await rejection(peer.ready);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message.replace(/_\d+/, "_N").replace(/: addMembership \w+\./, ": addMembership <code>.")).toMatchInlineSnapshot(
      `"Multicast_receiver_N could not join multicast group 239.255.77.1 on interface 198.51.100.7: addMembership <code>. Check that 198.51.100.7 is the IPv4 address of one of this machine's interfaces ("127.0.0.1" stays on this machine)."`,
    );
    expect(((await rejection(running.done)) as ComponentError).cause).toBe(error);
  });
});

onLoopback("Multicast_transceiver", () => {
  it("sends to the group and hears every member's datagrams, its own among them", async () => {
    const alice = new Multicast_transceiver("0.0.0.0", 0, group, 0, onThisMachine);
    const a = handle(alice);
    const { port } = await alice.ready;
    const bob = new Multicast_transceiver("0.0.0.0", port, group, 0, onThisMachine);
    const b = handle(bob);
    await bob.ready;
    a.put("from alice");
    expect(await nextText(b)).toBe("from alice");
    b.put("from bob");
    expect([await nextText(a), await nextText(a)]).toEqual(["from alice", "from bob"]);
    expect(await nextText(b)).toBe("from bob");
    await Promise.all([a.shutdown(), b.shutdown()]);
  });

  it("sends to remote_port when it is given, not to the port it is bound to", async () => {
    const member = await receiver(group, 0);
    const talking = handle(new Multicast_transceiver("0.0.0.0", 0, group, member.port, onThisMachine));
    talking.put("to your port");
    expect(await nextText(member.heard)).toBe("to your port");
    await Promise.all([talking.shutdown(), member.heard.shutdown()]);
  });

  it("sends what waits, closes its socket and passes ProducerFinished on", async () => {
    const member = await receiver(group, 0);
    const peer = new Multicast_transceiver("0.0.0.0", 0, group, member.port, onThisMachine);
    const talking = handle(peer);
    const { port } = await peer.ready;
    const done = new ProducerFinished();
    talking.put("last words");
    talking.put(done, "control");
    expect(await talking.get("signal")).toBe(done);
    await talking.done;
    expect(await nextText(member.heard)).toBe("last words");
    await bindAgain("0.0.0.0", port);
    await member.heard.shutdown();
  });
});

describe("multicast peers' arguments", () => {
  it("throw a BadArgument for a group address that is not multicast, a port out of range, or a TTL out of range", () => {
    expect(thrown(() => new Multicast_receiver("127.0.0.1", 0))).toMatchInlineSnapshot(
      `"BadArgument: new Multicast_receiver(): address must be an IPv4 multicast group address, from 224.0.0.0 to 239.255.255.255 (239.x.x.x for a group of your own, such as 239.255.42.99), not 127.0.0.1."`,
    );
    expect(thrown(() => new Multicast_sender("0.0.0.0", 0, group, 0))).toMatchInlineSnapshot(
      `"BadArgument: new Multicast_sender(): remote_port must be a whole number from 1 to 65535, not 0."`,
    );
    expect(thrown(() => new Multicast_transceiver("0.0.0.0", 70_000, group))).toMatchInlineSnapshot(
      `"BadArgument: new Multicast_transceiver(): local_port must be a whole number from 0 to 65535 (0 for any free port), not 70000."`,
    );
    expect(thrown(() => new Multicast_sender("0.0.0.0", 0, group, 1500, { ttl: 256 }))).toMatchInlineSnapshot(
      `"BadArgument: new Multicast_sender(): options.ttl must be a whole number from 0 to 255, not 256."`,
    );
  });
});
