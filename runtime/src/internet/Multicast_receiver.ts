/**
 * Multicast_receiver: joins a multicast group and sends on the datagrams sent to it.
 * @module
 */

import type { Socket } from "node:dgram";
import { unhandled } from "../util/unhandled.js";
import { joinGroup, requireGroup, requirePort, type MulticastOptions } from "./Multicast.js";
import { UDPPeer, type Outgoing } from "./UDP.js";

/**
 * A UDP socket that joins a multicast group and sends each datagram sent to the group from `outbox`,
 * as `[data, [host, port]]`.
 * @remarks Port of Kamaelia.Internet.Multicast_receiver, with the same arguments: the group's address
 * and port. It binds to the group's address, as Kamaelia's did, so it hears only datagrams sent to that
 * group (on Linux, a socket bound to `"0.0.0.0"` also hears the groups other sockets of the machine
 * joined on its port), and joins the group on `multicast_interface` if given (`"127.0.0.1"` stays on
 * this machine). Several receivers may share a group's port (Kamaelia's could not): port 0 picks a free
 * one, read from `ready` (which resolves with `{ port, host }` once it has bound and joined), for the
 * next receivers and the senders. A packet is the same `[data, [host, port]]` as the UDP peers send
 * (Kamaelia's was `(address, data)`), so `SimpleDetupler(0)` keeps the data; data is a `Buffer`.
 * Packets that arrive while the destination inbox is full wait. Multicast, like UDP, may lose, duplicate
 * or reorder datagrams, and says nothing of it. `ProducerFinished` or `ShutdownMicroprocess` on `control`:
 * the socket is closed (leaving the group), the message is passed on from `signal`, and it ends
 * (Kamaelia's never ended). A socket that cannot be bound, or a group it cannot join, ends it with a
 * `NetworkError` (and `ready` rejects with it). Arguments it cannot work with (an `address` that is not
 * a multicast address, say) throw a `BadArgument`.
 * @inbox inbox - not used: a message sent here is reported from `signal` and skipped
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: close, pass it on, end
 * @outbox outbox - datagrams sent to the group: `[data, [host, port]]`
 * @outbox signal - the shutdown message when it ends; `ErrorInformation` for a message on `inbox`
 * @see {@link Multicast_sender} to send to a group, {@link Multicast_transceiver} to do both.
 * @example
 * ```ts
 * import { handle } from "kamaelia";
 * import { Multicast_receiver, Multicast_sender, type Packet } from "kamaelia/node";
 * const onThisMachine = { multicast_interface: "127.0.0.1" };
 * const receiver = new Multicast_receiver("239.255.42.2", 0, onThisMachine);
 * const heard = handle(receiver);
 * const { port } = await receiver.ready;
 * const sender = handle(new Multicast_sender("127.0.0.1", 0, "239.255.42.2", port, onThisMachine));
 * sender.put("news");
 * const [data, [host]] = (await heard.get()) as Packet;
 * console.log(String(data), "from", host); // news from 127.0.0.1
 * await Promise.all([sender.shutdown(), heard.shutdown()]);
 * ```
 */
export class Multicast_receiver extends UDPPeer {
  static override Inboxes = {
    inbox: "not used: a message sent here is reported from signal and skipped",
    control: "ProducerFinished or ShutdownMicroprocess: close, pass it on, end",
  };
  static override Outboxes = {
    outbox: "datagrams sent to the group: [data, [host, port]]",
    signal: "the shutdown message when it ends; ErrorInformation for a message on inbox",
  };

  readonly #group: string;
  readonly #multicastInterface: string | undefined;

  /**
   * @param address - the group's address, from 224.0.0.0 to 239.255.255.255 (such as `"239.255.42.99"`)
   * @param port - the group's port, 0 for any free one
   * @param options - the interface to join the group on
   */
  constructor(address: string, port: number, options: Pick<MulticastOptions, "multicast_interface"> = {}) {
    const group = requireGroup("Multicast_receiver", "address", address);
    super({ localaddr: group, localport: requirePort("Multicast_receiver", "port", port, 0) }, { reuseAddr: true, receives: true });
    this.#group = group;
    this.#multicastInterface = options.multicast_interface;
  }

  protected override prepare(socket: Socket): void {
    joinGroup(this, socket, this.#group, this.#multicastInterface);
  }

  protected override outgoing(message: unknown): Outgoing | undefined {
    this.send(
      unhandled(this, "inbox", message, "nothing, since a Multicast_receiver only receives: send to the group with a Multicast_sender or a Multicast_transceiver"),
      "signal",
    );
    return undefined;
  }
}
