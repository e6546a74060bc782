/**
 * The client side of the network workloads, run in a process of its own so that the server's process
 * measures only the server. Written with plain `node:net`, the same for every server measured.
 * Started by `startClients` (below) with `fork`; it connects, says "ready", waits for "go", and then:
 * - `echo <clients> <round trips> <bytes>`: every client sends `bytes` bytes, waits until they have all come
 *   back (checking them), and repeats; says "done" when all clients have finished, then closes them.
 * - `idle <connections>`: the connections send nothing; on "go" they are all closed, and it says "done".
 * @module
 */

import { fork } from "node:child_process";
import { connect } from "node:net";

/** How many connections may be opening at once: more would overflow the server's accept backlog. */
const OPENING_AT_ONCE = 256;

/**
 * Opens one connection to 127.0.0.1:`port`.
 * @param {number} port
 * @returns {Promise<import("node:net").Socket>}
 */
function openConnection(port) {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" }, () => {
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

/**
 * Opens `count` connections to 127.0.0.1:`port`, a few hundred at a time.
 * @param {number} port
 * @param {number} count
 * @returns {Promise<import("node:net").Socket[]>}
 */
async function openConnections(port, count) {
  /** @type {import("node:net").Socket[]} */
  const sockets = [];
  for (let start = 0; start < count; start += OPENING_AT_ONCE) {
    const batch = Math.min(OPENING_AT_ONCE, count - start);
    sockets.push(...(await Promise.all(Array.from({ length: batch }, () => openConnection(port)))));
  }
  return sockets;
}

/**
 * One client's round trips: send `bytes` bytes, wait for all of them to come back, again `rounds` times.
 * @param {import("node:net").Socket} socket
 * @param {number} rounds
 * @param {number} bytes
 * @param {number} seed the value of the first round's bytes
 * @returns {Promise<void>}
 */
function roundTrips(socket, rounds, bytes, seed) {
  return new Promise((resolve, reject) => {
    let round = 0;
    let received = 0;
    const send = () => {
      socket.write(Buffer.alloc(bytes, (seed + round) & 255));
    };
    socket.on("data", (/** @type {Buffer} */ chunk) => {
      if (chunk[0] !== ((seed + round) & 255)) {
        reject(new Error(`round trip ${String(round)} came back with the wrong bytes`));
        return;
      }
      received += chunk.byteLength;
      if (received < bytes) return;
      if (received > bytes) {
        reject(new Error(`round trip ${String(round)} came back with ${String(received)} bytes, not ${String(bytes)}`));
        return;
      }
      received = 0;
      round++;
      if (round === rounds) resolve();
      else send();
    });
    socket.once("error", reject);
    send();
  });
}

/**
 * Waits for the next message from the parent.
 * @returns {Promise<unknown>}
 */
function nextMessage() {
  return new Promise((resolve) => process.once("message", resolve));
}

/** Runs in the forked process. */
async function clientProcess() {
  const [mode = "", ...sizes] = process.argv.slice(2);
  const [port = 0, count = 0, rounds = 0, bytes = 0] = sizes.map(Number);
  const sockets = await openConnections(port, count);
  process.send?.("ready");
  await nextMessage();
  if (mode === "echo") await Promise.all(sockets.map((socket, i) => roundTrips(socket, rounds, bytes, i)));
  for (const socket of sockets) socket.destroy();
  process.send?.("done");
  process.disconnect();
}

/**
 * Starts the clients in a new process. `ready` resolves once every connection is open; `go()` starts them
 * (the round trips, or closing the idle connections); `done` resolves when they have finished.
 * @param {"echo" | "idle"} mode
 * @param {number[]} args the port, then the sizes for the mode
 */
export function startClients(mode, args) {
  const child = fork(new URL(import.meta.url), [mode, ...args.map(String)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  /** @type {(message: unknown) => void} */
  let onMessage = () => undefined;
  child.on("message", (message) => {
    onMessage(message);
  });
  const exited = new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      if (code === 0) resolve(undefined);
      else reject(new Error(`The client process failed (exit code ${String(code)}); its error is printed above.`));
    });
  });
  /** @param {string} expected */
  const message = (expected) =>
    Promise.race([
      new Promise((resolve) => {
        onMessage = (received) => {
          if (received === expected) resolve(undefined);
        };
      }),
      exited.then(() => {
        throw new Error(`The client process ended before saying "${expected}".`);
      }),
    ]);
  const ready = message("ready");
  return {
    ready,
    /** Starts the clients and resolves when they have finished. */
    async go() {
      await ready;
      const done = message("done");
      child.send("go");
      await done;
      await exited;
    },
  };
}

if (process.send !== undefined && process.argv[1] !== undefined && new URL(import.meta.url).pathname === process.argv[1]) {
  await clientProcess();
}
