/**
 * A Node `net.Socket` as a {@link Transport}.
 * @module
 * @internal
 */

import type { Socket } from "node:net";
import type { ConnectionInfo } from "./ConnectionServer.js";
import type { Chunk, Transport, TransportEvents } from "./Transport.js";

/**
 * Wraps a connected socket. It listens for errors from the start, so that a connection reset before
 * anyone reads it is reported as a close rather than crashing the process, and replays what happened
 * before `start`.
 * @internal
 */
export class SocketTransport implements Transport {
  #events: TransportEvents | null = null;
  #ended = false;
  #closed = false;
  #error: Error | undefined = undefined;

  constructor(readonly socket: Socket) {
    socket.on("error", (error) => {
      this.#error ??= error;
    });
    socket.once("end", () => {
      this.#ended = true;
      this.#events?.end();
    });
    socket.once("close", () => {
      this.#closed = true;
      this.#events?.close(this.#error);
    });
  }

  start(events: TransportEvents): void {
    this.#events = events;
    const socket = this.socket;
    socket.on("data", (chunk: Buffer) => {
      events.data(chunk);
    });
    socket.on("drain", () => {
      events.drain();
    });
    if (this.#ended) events.end();
    if (this.#closed) events.close(this.#error);
  }

  write(chunk: Chunk): boolean {
    const socket = this.socket;
    if (socket.destroyed || socket.writableEnded) return true;
    return socket.write(chunk);
  }

  end(): void {
    this.socket.end();
  }

  close(): void {
    const socket = this.socket;
    if (socket.destroyed) return;
    socket.end(() => {
      socket.destroy();
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }
}

/** Who is at each end of an accepted socket (Kamaelia's fallbacks when the socket has already gone). @internal */
export function socketInfo(socket: Socket, port: number): ConnectionInfo {
  return {
    peer: socket.remoteAddress ?? "0.0.0.0",
    peerport: socket.remotePort ?? 0,
    localip: socket.localAddress ?? "127.0.0.1",
    localport: socket.localPort ?? port,
  };
}
