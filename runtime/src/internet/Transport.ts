/**
 * What a connection offers the component that wraps it: TCP sockets, WebSockets and the in-memory
 * loopback all look the same from here.
 * @module
 * @internal
 */

/** A chunk of a connection: bytes, or text (sent as UTF-8 over byte streams). */
export type Chunk = string | Uint8Array;

/** What a {@link Transport} reports, each callback once it has happened. @internal */
export interface TransportEvents {
  /** Data from the peer. */
  data(chunk: Chunk): void;
  /** After a `write` returned false: the transport has room again. */
  drain(): void;
  /** The peer will send nothing more (it may still read). */
  end(): void;
  /** The connection has closed; `error` is what closed it, if something went wrong. */
  close(error?: Error): void;
}

/**
 * One open connection, as a {@link SocketAdapter} drives it. Events that happen before `start` are
 * kept and reported by `start`.
 * @internal
 */
export interface Transport {
  /** Starts reporting events. Called once. */
  start(events: TransportEvents): void;
  /** Queues a chunk to send; false when the transport's buffer is full (wait for `drain`). */
  write(chunk: Chunk): boolean;
  /** Sends nothing more: the peer is told once everything queued has gone; receiving goes on. */
  end(): void;
  /** Ends sending, then closes the connection once everything queued has gone. */
  close(): void;
  /** Closes the connection now, dropping whatever has not been sent. */
  destroy(): void;
  /** Stops reporting data until `resume` (the receiver cannot take more). */
  pause(): void;
  /** Reports data again after `pause`. */
  resume(): void;
}
