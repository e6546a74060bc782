/**
 * Multicast_sender: sends what arrives on its inbox to a multicast group.
 * @module
 */

import type { Socket } from "node:dgram";
import { isData } from "../protocol/bytes.js";
import { unhandled } from "../util/unhandled.js";
import { requireGroup, requirePort, sendingOptions, setUpSending, type MulticastOptions, type Sending } from "./Multicast.js";
import { UDPPeer, type Outgoing } from "./UDP.js";

/**
 * A UDP socket that sends each message arriving on `inbox` as a datagram to a multicast group: every
 * socket that joined the group (a {@link Multicast_receiver}, say) receives it.
 * @remarks Port of Kamaelia.Internet.Multicast_sender, with the same arguments: the local address and
 * port to bind to (`"0.0.0.0"` and 0 for any), and the group's address and port to send to. Messages are
 * strings (sent as UTF-8) or `Uint8Array`s, one datagram each (keep them small: see `MaxSizePacketiser`
 * in `kamaelia`); anything else is reported as an `ErrorInformation` from `signal` and skipped. Datagrams
 * leave from `multicast_interface` if given (`"127.0.0.1"` keeps them on this machine), cross at most
 * `ttl` routers (default 10, as in Kamaelia) and reach the group's members on this machine too (see
 * `loopback`). It joins no group, so it hears nothing: `outbox` is not used. `ready` resolves
 * with the bound address (`{ port, host }`) once it is bound and set up. Multicast, like UDP, may
 * lose, duplicate or reorder datagrams, and says nothing of it. A datagram that cannot be sent is
 * reported as an `ErrorInformation` carrying a `NetworkError`. `ProducerFinished` or
 * `ShutdownMicroprocess` on `control`: what waits on `inbox` is sent, the socket is closed, the message
 * is passed on from `signal`, and it ends (Kamaelia's never ended). A socket that cannot be bound, or an
 * interface it cannot send from, ends it with a `NetworkError` (and `ready` rejects with it). Arguments
 * it cannot work with (a `remote_addr` that is not a multicast address, say) throw a `BadArgument`.
 * @inbox inbox - data to send to the group: strings or `Uint8Array`s, one datagram each
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: send what waits, close, pass it on, end
 * @outbox outbox - not used
 * @outbox signal - the shutdown message when it ends; `ErrorInformation` for what it could not send
 * @see {@link Multicast_receiver} to receive from a group, {@link Multicast_transceiver} to do both.
 * @example
 * ```ts
 * import { handle } from "kamaelia";
 * import { Multicast_receiver, Multicast_sender, type Packet } from "kamaelia/node";
 * const onThisMachine = { multicast_interface: "127.0.0.1" };
 * const first = new Multicast_receiver("239.255.42.1", 0, onThisMachine);
 * const one = handle(first);
 * const { port } = await first.ready;
 * const second = new Multicast_receiver("239.255.42.1", port, onThisMachine);
 * const two = handle(second);
 * await second.ready;
 * const sender = handle(new Multicast_sender("0.0.0.0", 0, "239.255.42.1", port, onThisMachine));
 * sender.put("to every member");
 * console.log(String(((await one.get()) as Packet)[0])); // to every member
 * console.log(String(((await two.get()) as Packet)[0])); // to every member
 * await Promise.all([sender.shutdown(), one.shutdown(), two.shutdown()]);
 * ```
 */
export class Multicast_sender extends UDPPeer {
  static override Inboxes = {
    inbox: "data to send to the group: strings or Uint8Arrays, one datagram each",
    control: "ProducerFinished or ShutdownMicroprocess: send what waits, close, pass it on, end",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the shutdown message when it ends; ErrorInformation for what it could not send",
  };

  readonly #group: string;
  readonly #port: number;
  readonly #sending: Sending;

  /**
   * @param local_addr - the local address to bind to, `"0.0.0.0"` for any
   * @param local_port - the local port to bind to, 0 for any free one
   * @param remote_addr - the group's address, from 224.0.0.0 to 239.255.255.255 (such as `"239.255.42.99"`)
   * @param remote_port - the port the group's members listen on
   * @param options - the interface to send from, the TTL and loopback
   */
  constructor(local_addr: string, local_port: number, remote_addr: string, remote_port: number, options: MulticastOptions = {}) {
    const port = requirePort("Multicast_sender", "local_port", local_port, 0);
    const group = requireGroup("Multicast_sender", "remote_addr", remote_addr);
    super({ localaddr: local_addr, localport: port }, { reuseAddr: false, receives: false });
    this.#group = group;
    this.#port = requirePort("Multicast_sender", "remote_port", remote_port, 1);
    this.#sending = sendingOptions("Multicast_sender", options, 10);
  }

  protected override prepare(socket: Socket): void {
    setUpSending(this, socket, this.#sending);
  }

  protected override outgoing(message: unknown): Outgoing | undefined {
    if (isData(message)) return [this.#group, this.#port, message];
    this.send(unhandled(this, "inbox", message, "strings or Uint8Arrays to send"), "signal");
    return undefined;
  }
}
