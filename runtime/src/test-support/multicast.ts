/**
 * Whether multicast can be tested on this machine's loopback interface, for the tests and examples that
 * need it (some containers have no multicast on their loopback interface).
 * @module
 */

import { createSocket } from "node:dgram";

/**
 * Why multicast cannot be tested on the loopback interface here, or undefined when it can: a socket that
 * joined a group on 127.0.0.1 must get back a datagram it sent to the group from 127.0.0.1.
 * @param group - a group of the caller's own, so that tests running at the same time are not disturbed
 */
export async function loopbackMulticastMissing(group: string): Promise<string | undefined> {
  const socket = createSocket({ type: "udp4", reuseAddr: true });
  let guard: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(0, group, resolve);
    });
    socket.addMembership(group, "127.0.0.1");
    socket.setMulticastInterface("127.0.0.1");
    socket.setMulticastLoopback(true);
    const back = new Promise<boolean>((resolve) => {
      socket.once("message", () => {
        resolve(true);
      });
      // A failure guard only: where multicast works, the datagram is back at once.
      guard = setTimeout(() => {
        resolve(false);
      }, 2_000);
    });
    socket.send("probe", socket.address().port, group);
    return (await back) ? undefined : "a datagram sent to a multicast group on 127.0.0.1 did not come back within 2 s";
  } catch (error) {
    return `joining a multicast group on 127.0.0.1 failed (${String(error)})`;
  } finally {
    clearTimeout(guard);
    socket.close();
  }
}
