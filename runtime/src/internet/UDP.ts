/**
 * UDP peers: send what arrives on the inbox as packets, and send on the packets that arrive.
 * @module
 */

import { createSocket, type Socket } from "node:dgram";
import { isIPv6 } from "node:net";
import { Component } from "../axon/Component.js";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { NoSpaceInBox } from "../axon/AxonExceptions.js";
import { isData } from "../protocol/bytes.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { readyPromise, type ServerAddress } from "./ConnectionServer.js";
import { NetworkError, networkError } from "./NetworkError.js";

/** A packet received: its data and where it came from, `[data, [host, port]]`. */
export type Packet = readonly [data: Buffer, from: readonly [host: string, port: number]];

/** Options for the UDP peers: where to listen and (for SimplePeer and TargettedPeer) where to send. */
export interface UDPPeerOptions {
  /** The local address to bind to. Default `"0.0.0.0"` (every IPv4 interface); an IPv6 address makes an IPv6 socket. */
  readonly localaddr?: string;
  /** The local port to bind to; 0 (default) picks a free one (read it from `ready`). */
  readonly localport?: number;
  /** Where packets go. Default `"0.0.0.0"`. */
  readonly receiver_addr?: string;
  /** The port packets go to. Default 0: set one, or for a TargettedPeer send one to `target`. */
  readonly receiver_port?: number;
}

/** A packet waiting to go: its data and where to. @internal */
export type Outgoing = readonly [host: string, port: number, data: string | Uint8Array];

/** How a peer's socket is set up beyond where it binds: what the multicast peers change. @internal */
export interface SocketSetup {
  /** Lets other sockets bind the same address and port, as the members of a multicast group do. */
  readonly reuseAddr: boolean;
  /** Whether the packets received leave `outbox` (a Multicast_sender's do not). */
  readonly receives: boolean;
}

/** Whether `port` is a whole number from 0 to 65535. @internal */
export function isPort(port: unknown): port is number {
  return typeof port === "number" && Number.isInteger(port) && port >= 0 && port <= 65535;
}

/**
 * What the UDP and multicast peers share: a bound socket, packets received sent on from `outbox`, and
 * what to send taken from `inbox` (Kamaelia's BasicPeer).
 * @internal
 */
export abstract class UDPPeer extends Component {
  /** Resolves with the local address and port once the socket is bound; rejects if it cannot bind. */
  readonly ready: Promise<ServerAddress>;
  readonly #settleReady: (address: ServerAddress | Error) => void;
  readonly #localaddr: string;
  readonly #localport: number;
  readonly #setup: SocketSetup;

  /**
   * @param options - where to listen
   * @param setup - how the socket is set up (the multicast peers share their port, and a sender hears nothing)
   */
  constructor(options: UDPPeerOptions, setup: SocketSetup = { reuseAddr: false, receives: true }) {
    super();
    this.#localaddr = options.localaddr ?? "0.0.0.0";
    this.#localport = options.localport ?? 0;
    this.#setup = setup;
    [this.ready, this.#settleReady] = readyPromise();
  }

  /** Where a message from `inbox` goes, and what to send; undefined (after reporting it) to skip it. @internal */
  protected abstract outgoing(message: unknown): Outgoing | undefined;

  /** Takes what arrived on inboxes other than `inbox` and `control`; TargettedPeer reads `target`. @internal */
  protected readOtherInboxes(): void {
    // Nothing to read by default.
  }

  /**
   * Sets the bound socket up before `ready` resolves (the multicast peers join their group here); a
   * `NetworkError` it throws ends the peer as a failed bind does. @internal
   */
  protected prepare(_socket: Socket): void {
    // Nothing to set up by default.
  }

  override *main(): Generator<unknown, void, unknown> {
    const where = `bind UDP to ${this.#localaddr} port ${String(this.#localport)}`;
    const socket: Socket = createSocket({ type: isIPv6(this.#localaddr) ? "udp6" : "udp4", reuseAddr: this.#setup.reuseAddr });
    const state: { bound: boolean; failure: unknown; sending: number } = { bound: false, failure: undefined, sending: 0 };
    const received: Packet[] = [];
    if (this.#setup.receives) {
      socket.on("message", (data, from) => {
        received.push([data, [from.address, from.port]]);
        this.unpause();
      });
    }
    socket.on("error", (error) => {
      if (state.bound) this.send(new ErrorInformation(this, error, `${this.name}'s UDP socket reported: ${error.message}`), "signal");
      else state.failure = error;
      this.unpause();
    });
    socket.bind({ port: this.#localport, address: this.#localaddr }, () => {
      try {
        this.prepare(socket);
      } catch (error) {
        state.failure = error;
        this.unpause();
        return;
      }
      const address = socket.address();
      state.bound = true;
      this.#settleReady({ port: address.port, host: address.address });
      this.unpause();
    });
    let closed = false;
    let shutdown: ProducerFinished | ShutdownMicroprocess | undefined;
    try {
      for (;;) {
        if (!state.bound && state.failure !== undefined) {
          const error = state.failure instanceof NetworkError ? state.failure : networkError(this, where, state.failure);
          this.#settleReady(error);
          throw error;
        }
        const asked = checkShutdown(this);
        if (asked instanceof ShutdownMicroprocess || shutdown === undefined) shutdown = asked ?? shutdown;
        this.readOtherInboxes();
        if (state.bound) {
          while (this.dataReady("inbox") > 0) {
            const packet = this.outgoing(this.recv("inbox"));
            if (packet !== undefined) this.#sendPacket(socket, packet, state);
          }
          this.#deliver(received);
        }
        if (shutdown !== undefined && state.bound && state.sending === 0) {
          closed = true;
          socket.close();
          this.send(shutdown, "signal");
          return;
        }
        this.pause();
        yield;
      }
    } finally {
      if (!closed) {
        this.#settleReady(new Error(`${this.name} ended before its UDP socket was bound.`));
        try {
          socket.close();
        } catch {
          // Not bound yet, or closed already.
        }
      }
    }
  }

  #sendPacket(socket: Socket, [host, port, data]: Outgoing, state: { sending: number }): void {
    const failed = (error: unknown): void => {
      const problem = networkError(this, `send a UDP packet to ${host} port ${String(port)}`, error);
      this.send(new ErrorInformation(this, problem, problem.message), "signal");
    };
    try {
      socket.send(data, port, host, (error) => {
        state.sending--;
        if (error !== null) failed(error);
        this.unpause();
      });
    } catch (error) {
      // A port or address Node refuses at once (port 0, say).
      failed(error);
      return;
    }
    state.sending++;
  }

  /** Sends on the packets received while the destination has room. */
  #deliver(received: Packet[]): void {
    while (received.length > 0) {
      try {
        this.send(received[0], "outbox");
      } catch (error) {
        if (error instanceof NoSpaceInBox) return;
        throw error;
      }
      received.shift();
    }
  }
}

/**
 * A UDP socket bound to a local address and port: sends what arrives on `inbox` as packets to one
 * fixed receiver, and sends each packet it receives from `outbox` as `[data, [host, port]]`.
 * @remarks Port of Kamaelia.Internet.UDP_ng.SimplePeer. Messages to send are strings (sent as UTF-8) or
 * `Uint8Array`s, one packet each (keep them small: see `MaxSizePacketiser` in `kamaelia`); anything else is
 * reported as an `ErrorInformation` from `signal` and skipped. Received data is a `Buffer`. `ready`
 * resolves with the bound address (`{ port, host }`) once it is bound, which tells a test or a peer the
 * port picked for port 0. Packets that arrive while the destination inbox is full wait. A packet that
 * cannot be sent is reported as an `ErrorInformation` carrying a `NetworkError`; UDP itself says
 * nothing of packets lost on the way. `ProducerFinished` or `ShutdownMicroprocess` on `control`: what
 * waits on `inbox` is sent, the socket is closed, the message is passed on from `signal`, and it ends
 * (Kamaelia's ended only on `ShutdownMicroprocess`). A socket that cannot be bound ends it with a
 * `NetworkError` (and `ready` rejects with it).
 * @inbox inbox - data to send: strings or `Uint8Array`s, one packet each
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: send what waits, close, pass it on, end
 * @outbox outbox - packets received: `[data, [host, port]]`
 * @outbox signal - the shutdown message when it ends; `ErrorInformation` for what it could not send
 * @see {@link TargettedPeer} to change where packets go, {@link PostboxPeer} to address each one.
 * @example
 * ```ts
 * import { handle } from "kamaelia";
 * import { SimplePeer } from "kamaelia/node";
 * const listener = new SimplePeer({ localaddr: "127.0.0.1" });
 * const inbox = handle(listener);
 * const { port } = await listener.ready;
 * const talker = handle(new SimplePeer({ localaddr: "127.0.0.1", receiver_addr: "127.0.0.1", receiver_port: port }));
 * talker.put("hello over UDP");
 * const [data] = (await inbox.get()) as [Buffer, [string, number]];
 * console.log(String(data)); // hello over UDP
 * await talker.shutdown();
 * await inbox.shutdown();
 * ```
 */
export class SimplePeer extends UDPPeer {
  static override Inboxes = {
    inbox: "data to send: strings or Uint8Arrays, one packet each",
    control: "ProducerFinished or ShutdownMicroprocess: send what waits, close, pass it on, end",
  };
  static override Outboxes = {
    outbox: "packets received: [data, [host, port]]",
    signal: "the shutdown message when it ends; ErrorInformation for what it could not send",
  };

  /** Where packets go: `[host, port]`. */
  protected receiver: readonly [host: string, port: number];

  /** @param options - where to listen and where to send */
  constructor(options: UDPPeerOptions = {}) {
    super(options);
    this.receiver = [options.receiver_addr ?? "0.0.0.0", options.receiver_port ?? 0];
  }

  protected override outgoing(message: unknown): Outgoing | undefined {
    if (!isData(message)) {
      this.send(unhandled(this, "inbox", message, "strings or Uint8Arrays to send"), "signal");
      return undefined;
    }
    return [this.receiver[0], this.receiver[1], message];
  }
}

/**
 * A {@link SimplePeer} whose receiver can be changed while it runs, by sending `[host, port]` to its
 * `target` inbox.
 * @remarks Port of Kamaelia.Internet.UDP_ng.TargettedPeer. A new target applies to the data sent after
 * it: each time it runs, it reads `target` before `inbox`, so a target and data sent in the same breath
 * go together. A target that is not `[host, port]` is reported as an `ErrorInformation` from `signal`
 * and skipped. Everything else is as for SimplePeer.
 * @inbox inbox - data to send: strings or `Uint8Array`s, one packet each
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: send what waits, close, pass it on, end
 * @inbox target - where to send from now on: `[host, port]`
 * @outbox outbox - packets received: `[data, [host, port]]`
 * @outbox signal - the shutdown message when it ends; `ErrorInformation` for what it could not send
 * @example
 * ```ts
 * import { handle } from "kamaelia";
 * import { SimplePeer, TargettedPeer } from "kamaelia/node";
 * const first = new SimplePeer({ localaddr: "127.0.0.1" });
 * const second = new SimplePeer({ localaddr: "127.0.0.1" });
 * const [one, two] = [handle(first), handle(second)];
 * const sender = handle(new TargettedPeer({ localaddr: "127.0.0.1" }));
 * sender.put(["127.0.0.1", (await first.ready).port], "target");
 * sender.put("to the first");
 * console.log(String(((await one.get()) as [Buffer])[0])); // to the first
 * sender.put(["127.0.0.1", (await second.ready).port], "target");
 * sender.put("to the second");
 * console.log(String(((await two.get()) as [Buffer])[0])); // to the second
 * await Promise.all([sender.shutdown(), one.shutdown(), two.shutdown()]);
 * ```
 */
export class TargettedPeer extends SimplePeer {
  static override Inboxes = {
    inbox: "data to send: strings or Uint8Arrays, one packet each",
    control: "ProducerFinished or ShutdownMicroprocess: send what waits, close, pass it on, end",
    target: "where to send from now on: [host, port]",
  };

  protected override readOtherInboxes(): void {
    while (this.dataReady("target") > 0) {
      const target = this.recv("target");
      if (Array.isArray(target) && target.length === 2 && typeof target[0] === "string" && isPort(target[1])) this.receiver = [target[0], target[1]];
      else this.send(unhandled(this, "target", target, "[host, port] pairs"), "signal");
    }
  }
}

/**
 * A UDP socket that sends each `[host, port, data]` it receives as a packet to that host and port, and
 * sends on the packets it receives as `[data, [host, port]]`.
 * @remarks Port of Kamaelia.Internet.UDP_ng.PostboxPeer: like {@link SimplePeer}, without a fixed
 * receiver. A message that is not `[host, port, data]` (data a string or `Uint8Array`) is reported as an
 * `ErrorInformation` from `signal` and skipped. Everything else is as for SimplePeer.
 * @inbox inbox - packets to send: `[host, port, data]`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: send what waits, close, pass it on, end
 * @outbox outbox - packets received: `[data, [host, port]]`
 * @outbox signal - the shutdown message when it ends; `ErrorInformation` for what it could not send
 * @example
 * ```ts
 * import { handle } from "kamaelia";
 * import { PostboxPeer, SimplePeer } from "kamaelia/node";
 * const listener = new SimplePeer({ localaddr: "127.0.0.1" });
 * const inbox = handle(listener);
 * const postbox = handle(new PostboxPeer({ localaddr: "127.0.0.1" }));
 * postbox.put(["127.0.0.1", (await listener.ready).port, "addressed"]);
 * console.log(String(((await inbox.get()) as [Buffer])[0])); // addressed
 * await Promise.all([postbox.shutdown(), inbox.shutdown()]);
 * ```
 */
export class PostboxPeer extends UDPPeer {
  static override Inboxes = {
    inbox: "packets to send: [host, port, data]",
    control: "ProducerFinished or ShutdownMicroprocess: send what waits, close, pass it on, end",
  };
  static override Outboxes = {
    outbox: "packets received: [data, [host, port]]",
    signal: "the shutdown message when it ends; ErrorInformation for what it could not send",
  };

  /** @param options - where to listen (the receiver options are not used) */
  constructor(options: Omit<UDPPeerOptions, "receiver_addr" | "receiver_port"> = {}) {
    super(options);
  }

  protected override outgoing(message: unknown): Outgoing | undefined {
    if (Array.isArray(message) && message.length === 3 && typeof message[0] === "string" && isPort(message[1]) && isData(message[2])) {
      return [message[0], message[1], message[2]];
    }
    this.send(unhandled(this, "inbox", message, "[host, port, data] triples, data a string or Uint8Array"), "signal");
    return undefined;
  }
}
