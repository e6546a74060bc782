/**
 * Multicast_transceiver: a member of a multicast group that both sends to it and receives from it.
 * @module
 */

import type { Socket } from "node:dgram";
import { isData } from "../protocol/bytes.js";
import { unhandled } from "../util/unhandled.js";
import { joinGroup, requireGroup, requirePort, sendingOptions, setUpSending, type MulticastOptions, type Sending } from "./Multicast.js";
import { UDPPeer, type Outgoing } from "./UDP.js";

/**
 * A UDP socket that joins a multicast group, sends each message arriving on `inbox` to the group as a
 * datagram, and sends each datagram it receives from `outbox` as `[data, [host, port]]`.
 * @remarks Port of Kamaelia.Internet.Multicast_transceiver, with the same arguments: the local address
 * and port to bind to, and the group's address and port to send to. Kamaelia preferred it to a sender
 * and a receiver, since it models what multicast is: every member may talk and every member hears. The
 * members of a group share its port: bind to it (port 0 for the first member picks a free one, read
 * from `ready`) and leave `remote_port` 0, which sends to the port it is bound to. Bind to `"0.0.0.0"`:
 * a socket bound to a unicast address such as `"127.0.0.1"` hears no multicast (and on Linux, one bound
 * to `"0.0.0.0"` also hears the groups other sockets of the machine joined on that port, so give each
 * group a port of its own). It joins the group on `multicast_interface` and sends from it, if given
 * (`"127.0.0.1"` stays on this machine); datagrams cross at most `ttl` routers (default 255, as in
 * Kamaelia). It hears its own datagrams too, as every member on this machine does (see `loopback`). Messages and packets are as for {@link Multicast_sender} and {@link Multicast_receiver}:
 * strings or `Uint8Array`s in, `[data, [host, port]]` out (Kamaelia's was `(address, data)`), anything
 * else on `inbox` reported as an `ErrorInformation` from `signal` and skipped. Multicast, like UDP, may
 * lose, duplicate or reorder datagrams, and says nothing of it. `ProducerFinished` or
 * `ShutdownMicroprocess` on `control`: what waits on `inbox` is sent, the socket is closed (leaving the
 * group), the message is passed on from `signal`, and it ends (Kamaelia's never ended). A socket that
 * cannot be bound, or a group it cannot join, ends it with a `NetworkError` (and `ready` rejects with
 * it). Arguments it cannot work with throw a `BadArgument`.
 * @inbox inbox - data to send to the group: strings or `Uint8Array`s, one datagram each
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: send what waits, close, pass it on, end
 * @outbox outbox - datagrams sent to the group, its own among them: `[data, [host, port]]`
 * @outbox signal - the shutdown message when it ends; `ErrorInformation` for what it could not send
 * @see {@link Multicast_sender} and {@link Multicast_receiver}, which only send or only receive.
 * @example
 * ```ts
 * import { handle } from "kamaelia";
 * import { Multicast_transceiver, type Packet } from "kamaelia/node";
 * const onThisMachine = { multicast_interface: "127.0.0.1" };
 * const alice = new Multicast_transceiver("0.0.0.0", 0, "239.255.42.3", 0, onThisMachine);
 * const a = handle(alice);
 * const { port } = await alice.ready;
 * const bob = new Multicast_transceiver("0.0.0.0", port, "239.255.42.3", 0, onThisMachine);
 * const b = handle(bob);
 * await bob.ready;
 * a.put("hello from alice");
 * console.log(String(((await b.get()) as Packet)[0])); // hello from alice
 * b.put("hello from bob");
 * console.log(String(((await a.get()) as Packet)[0])); // hello from alice
 * console.log(String(((await a.get()) as Packet)[0])); // hello from bob
 * await Promise.all([a.shutdown(), b.shutdown()]);
 * ```
 */
export class Multicast_transceiver extends UDPPeer {
  static override Inboxes = {
    inbox: "data to send to the group: strings or Uint8Arrays, one datagram each",
    control: "ProducerFinished or ShutdownMicroprocess: send what waits, close, pass it on, end",
  };
  static override Outboxes = {
    outbox: "datagrams sent to the group, its own among them: [data, [host, port]]",
    signal: "the shutdown message when it ends; ErrorInformation for what it could not send",
  };

  readonly #group: string;
  #port: number;
  readonly #sending: Sending;

  /**
   * @param local_addr - the local address to bind to: `"0.0.0.0"` (see above)
   * @param local_port - the group's port to bind to, 0 for any free one
   * @param remote_addr - the group's address, from 224.0.0.0 to 239.255.255.255 (such as `"239.255.42.99"`)
   * @param remote_port - the port to send to; 0 (default) for the port it is bound to
   * @param options - the interface to join the group on and send from, the TTL and loopback
   */
  constructor(local_addr: string, local_port: number, remote_addr: string, remote_port = 0, options: MulticastOptions = {}) {
    const port = requirePort("Multicast_transceiver", "local_port", local_port, 0);
    const group = requireGroup("Multicast_transceiver", "remote_addr", remote_addr);
    super({ localaddr: local_addr, localport: port }, { reuseAddr: true, receives: true });
    this.#group = group;
    this.#port = requirePort("Multicast_transceiver", "remote_port", remote_port, 0);
    this.#sending = sendingOptions("Multicast_transceiver", options, 255);
  }

  protected override prepare(socket: Socket): void {
    joinGroup(this, socket, this.#group, this.#sending.multicast_interface);
    setUpSending(this, socket, this.#sending);
    if (this.#port === 0) this.#port = socket.address().port;
  }

  protected override outgoing(message: unknown): Outgoing | undefined {
    if (isData(message)) return [this.#group, this.#port, message];
    this.send(unhandled(this, "inbox", message, "strings or Uint8Arrays to send"), "signal");
    return undefined;
  }
}
