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

/**
 * What message-based transports (WebSockets, in Node and in pages) share: messages and the end of the
 * connection that come before `start` are kept and reported by `start`, as {@link Transport} requires.
 * @internal
 */
export abstract class MessageTransport {
  /** Where events go once started. */
  protected events: TransportEvents | null = null;
  /** Why the connection failed, when it did: reported with its close. */
  protected error: Error | undefined = undefined;
  /** True once the connection has closed. */
  protected closed = false;
  /** Messages that arrived before `start`. */
  #early: Chunk[] = [];

  /** A message arrived: reported now, or by `start`. */
  protected received(message: Chunk): void {
    if (this.events === null) this.#early.push(message);
    else this.events.data(message);
  }

  /** The connection has closed: its end and close (with `error`, if any) are reported now, or by `start`. */
  protected ended(): void {
    this.closed = true;
    this.events?.end();
    this.events?.close(this.error);
  }

  /** Starts reporting events, first those that came before. */
  start(events: TransportEvents): void {
    this.events = events;
    for (const message of this.#early) events.data(message);
    this.#early = [];
    if (this.closed) {
      events.end();
      events.close(this.error);
    }
  }
}
