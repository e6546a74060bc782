/**
 * What the multicast peers share: their options, the checks on their arguments, and setting up a
 * socket to join a group or send to one.
 * @module
 */

import type { Socket } from "node:dgram";
import { isIPv4 } from "node:net";
import { BadArgument } from "../util/BadArgument.js";
import { NetworkError, networkError } from "./NetworkError.js";
import { isPort } from "./UDP.js";

/** Options for the multicast peers, beyond Kamaelia's addresses and ports. */
export interface MulticastOptions {
  /**
   * The IPv4 address of the interface to join the group on and to send from: `"127.0.0.1"` keeps the
   * group on this machine. Default: the interface the system picks (that of its default route).
   */
  readonly multicast_interface?: string;
  /**
   * How many routers a datagram sent may cross, 0 to 255 (1 keeps it on the local network). Default, as
   * in Kamaelia: 10 for `Multicast_sender`, 255 for `Multicast_transceiver`.
   */
  readonly ttl?: number;
  /**
   * Whether datagrams sent are also delivered to the members of the group on this machine (a
   * transceiver's own socket among them). Default `true`. Datagrams sent on the loopback interface
   * come back to them whatever it says.
   */
  readonly loopback?: boolean;
}

/** Whether `address` is an IPv4 multicast address, 224.0.0.0 to 239.255.255.255. */
function isMulticast(address: string): boolean {
  const first = Number(address.split(".")[0]);
  return isIPv4(address) && first >= 224 && first <= 239;
}

/** Throws {@link BadArgument} unless `address` is an IPv4 multicast group address. @internal */
export function requireGroup(component: string, argument: string, address: unknown): string {
  if (typeof address === "string" && isMulticast(address)) return address;
  throw new BadArgument(
    component,
    argument,
    address,
    "an IPv4 multicast group address, from 224.0.0.0 to 239.255.255.255 (239.x.x.x for a group of your own, such as 239.255.42.99)",
  );
}

/** Throws {@link BadArgument} unless `port` is a port number, from `lowest` (0 or 1) to 65535. @internal */
export function requirePort(component: string, argument: string, port: unknown, lowest: 0 | 1): number {
  if (isPort(port) && port >= lowest) return port;
  throw new BadArgument(component, argument, port, lowest === 0 ? "a whole number from 0 to 65535 (0 for any free port)" : "a whole number from 1 to 65535");
}

/** How a peer sends to its group: {@link MulticastOptions} checked, with their defaults. @internal */
export interface Sending {
  readonly multicast_interface: string | undefined;
  readonly ttl: number;
  readonly loopback: boolean;
}

/** Checks `options` and fills in the defaults, `ttl` the peer's own default TTL. @internal */
export function sendingOptions(component: string, options: MulticastOptions, ttl: number): Sending {
  const chosen = options.ttl ?? ttl;
  if (!(Number.isInteger(chosen) && chosen >= 0 && chosen <= 255)) throw new BadArgument(component, "options.ttl", chosen, "a whole number from 0 to 255");
  return { multicast_interface: options.multicast_interface, ttl: chosen, loopback: options.loopback ?? true };
}

/** A {@link NetworkError}: `peer` could not `what` on its interface, and what to do about it. */
function interfaceError(peer: { readonly name: string }, what: string, multicastInterface: string | undefined, error: unknown): NetworkError {
  const failure = networkError(peer, what, error);
  const hint =
    multicastInterface === undefined
      ? 'The system found no interface for multicast (containers often have no multicast route): give multicast_interface, such as "127.0.0.1" to stay on this machine.'
      : `Check that ${multicastInterface} is the IPv4 address of one of this machine's interfaces ("127.0.0.1" stays on this machine).`;
  return new NetworkError(`${failure.message} ${hint}`, failure.code, { cause: error });
}

/** Makes the bound `socket` of `peer` a member of `group`, on `multicastInterface` if given. @internal */
export function joinGroup(peer: { readonly name: string }, socket: Socket, group: string, multicastInterface: string | undefined): void {
  try {
    socket.addMembership(group, multicastInterface);
  } catch (error) {
    throw interfaceError(peer, `join multicast group ${group} on interface ${multicastInterface ?? "(the system's choice)"}`, multicastInterface, error);
  }
}

/** Sets how the bound `socket` of `peer` sends to a group: from which interface, how far, and whether it loops back. @internal */
export function setUpSending(peer: { readonly name: string }, socket: Socket, options: Sending): void {
  const multicastInterface = options.multicast_interface;
  if (multicastInterface !== undefined) {
    try {
      socket.setMulticastInterface(multicastInterface);
    } catch (error) {
      throw interfaceError(peer, `send multicast from interface ${multicastInterface}`, multicastInterface, error);
    }
  }
  socket.setMulticastTTL(options.ttl);
  socket.setMulticastLoopback(options.loopback);
}
