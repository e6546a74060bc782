/**
 * W5: a TCP echo server under load from another process: many clients at once, each sending a message
 * and waiting for it to come back, over and over.
 * Usage: `node echo.mjs <kamaelia|net> <clients> <round trips per client> <bytes per message>`; reports
 * round trips per second, and per second of this (the server's) process's CPU time, after two warm-up
 * runs at full size. `kamaelia` is ServerCore with EchoProtocol; `net` is a `node:net` server piping
 * each socket into itself.
 * @module
 */

import { startClients } from "../clients.mjs";
import { kamaelia, net, untilConnections } from "../servers.mjs";
import { check, report, throughput, timed, workloadArgs } from "../support.mjs";

/**
 * Runs `clients` x `rounds` round trips against a fresh server; resolves with the timing of the round trips.
 * @param {() => Promise<import("../servers.mjs").EchoServer>} makeServer
 * @param {number} clients
 * @param {number} rounds
 * @param {number} bytes
 */
async function run(makeServer, clients, rounds, bytes) {
  const server = await makeServer();
  const load = startClients("echo", [server.port, clients, rounds, bytes]);
  await load.ready;
  await untilConnections(server, clients);
  const timing = await timed(() => load.go());
  await untilConnections(server, 0);
  await server.close();
  return timing;
}

const implementations = { kamaelia, net };
const { implementation, sizes } = workloadArgs();
const [clients = 100, rounds = 2000, bytes = 64] = sizes;
check(Object.hasOwn(implementations, implementation), `unknown implementation "${implementation}": use ${Object.keys(implementations).join(", ")}`);
const makeServer = implementations[/** @type {keyof typeof implementations} */ (implementation)];
// Two full-size warm-up runs, so that every implementation is measured with its code optimised.
await run(makeServer, clients, rounds, bytes);
await run(makeServer, clients, rounds, bytes);
const { value: _value, ...timing } = await run(makeServer, clients, rounds, bytes);
report(throughput(clients * rounds, timing));
