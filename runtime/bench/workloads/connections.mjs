/**
 * W6: many idle TCP connections held open by a server: what each costs in memory.
 * Usage: `node --expose-gc connections.mjs <kamaelia|net> <connections>`. Another process opens the
 * connections; once the server holds all of them, the heap used and RSS of this (the server's) process
 * are measured after a full collection, less what they were before the first connection, per connection.
 * Then the clients close every connection and the server must be left with none. `kamaelia` is
 * ServerCore giving each connection an EchoProtocol; `net` is a `node:net` server piping each socket into
 * itself.
 * @module
 */

import { startClients } from "../clients.mjs";
import { kamaelia, net, untilConnections } from "../servers.mjs";
import { check, report, workloadArgs } from "../support.mjs";

const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
check(gc !== undefined, "run with node --expose-gc");

/** Heap used and RSS after a full collection. */
function memory() {
  gc?.();
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed, rss };
}

const implementations = { kamaelia, net };
const { implementation, sizes } = workloadArgs();
const [connections = 10_000] = sizes;
check(Object.hasOwn(implementations, implementation), `unknown implementation "${implementation}": use ${Object.keys(implementations).join(", ")}`);
const makeServer = implementations[/** @type {keyof typeof implementations} */ (implementation)];

// A small first round warms everything up, so that the measured round differs only by its connections.
const warm = await makeServer();
const warmLoad = startClients("idle", [warm.port, 100]);
await untilConnections(warm, 100);
await warmLoad.go();
await untilConnections(warm, 0);
await warm.close();

const server = await makeServer();
const before = memory();
const load = startClients("idle", [server.port, connections]);
await load.ready;
await untilConnections(server, connections);
const held = memory();
await load.go();
await untilConnections(server, 0);
await server.close();
report({
  connections,
  perConnection: { heap: (held.heap - before.heap) / connections, rss: (held.rss - before.rss) / connections },
  total: held,
});
