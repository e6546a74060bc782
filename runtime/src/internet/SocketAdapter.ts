/**
 * SocketAdapter: one open connection as a component, whatever carries it.
 * @module
 * @internal
 */

import { NoSpaceInBox } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { networkError } from "./NetworkError.js";
import type { Chunk, Transport } from "./Transport.js";

/**
 * Which end of a connection an adapter serves. A client's connection is its whole life: it ends when
 * the peer closes and fails when the connection breaks. A server's connection belongs to a protocol
 * handler, which decides when to close it.
 * @internal
 */
export type SocketRole = "client" | "server";

/** What a connect attempt has come to, filled in by its promise. */
interface Opening {
  transport: Transport | null;
  failed: boolean;
  failure: unknown;
}

/**
 * Sends what arrives on `inbox` down a connection and what the connection receives from `outbox`.
 * @remarks The part that TCPClient, the servers' connections, MemoryClient and WebSocketClient share
 * (Kamaelia's ConnectedSocketAdapter). Writes respect the connection's backpressure: when it is full,
 * messages wait in `inbox` until it drains. When the component that takes from `outbox` has a full
 * inbox, the connection stops reading until there is room. A message that is neither a string nor a
 * `Uint8Array` is skipped and reported as an `ErrorInformation` on `signal`.
 *
 * `ProducerFinished` on `control` closes the connection once everything waiting in `inbox` has been
 * written, as fast as the connection takes it; `ShutdownMicroprocess` hands everything waiting to the
 * connection at once and closes it. The message is passed on from `signal` and it ends. A client given
 * `ProducerFinished` only ends its sending side and goes on delivering what the peer sends until the
 * peer closes too (a request, then its whole reply). A server connection can also be closed by a call
 * (`_close`), and reports control messages other than shutdown messages to the function it was given
 * rather than passing them on (its `signal` leads back to the handler that sent them). When the peer
 * has finished sending: a client
 * passes `ProducerFinished` on (or the one it was given) and ends; a server connection sends
 * `ProducerFinished` from `signal` and stays open for the reply, and sends `ShutdownMicroprocess` once
 * the connection has closed. A broken connection ends a client with a {@link NetworkError}; a server
 * connection just closes. Stopping it (a failure nearby) drops the connection at once.
 * @inbox inbox - data to send: strings (sent as UTF-8) or bytes as `Uint8Array`
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: close once everything waiting has been sent
 * @outbox outbox - data received
 * @outbox signal - the shutdown message when the connection has closed; `ErrorInformation` for skipped messages
 * @internal
 */
export class SocketAdapter extends Component {
  static override Inboxes = {
    inbox: "data to send: strings (sent as UTF-8) or bytes as Uint8Array",
    control: "ProducerFinished or ShutdownMicroprocess: close once everything waiting has been sent",
  };
  static override Outboxes = {
    outbox: "data received",
    signal: "the shutdown message when the connection has closed; ErrorInformation for skipped messages",
  };

  readonly #role: SocketRole;
  /** The connection, once open. */
  #transport: Transport | null;
  /** Closed on purpose, or by the peer: nothing to drop when it ends. */
  #released = false;
  #received: Chunk[] = [];
  #receivedHead = 0;
  /** The transport's buffer is full: wait for drain before writing more. */
  #blocked = false;
  /** The transport was asked to stop reading because `outbox` is full. */
  #readPaused = false;
  #peerEnded = false;
  #closed = false;
  #closeError: Error | undefined = undefined;
  /** `ProducerFinished` received: it closes once everything waiting in `inbox` has been written. */
  #finishAsked: ProducerFinished | undefined = undefined;
  /** `ShutdownMicroprocess` asked through `_close`. */
  #shutdownAsked: ShutdownMicroprocess | undefined = undefined;
  readonly #report: ((message: unknown) => void) | undefined;

  /**
   * @param transport - the open connection, or null to open one with `connect()` when it starts
   * @param role - whose end it is
   * @param report - where control messages other than shutdown messages go; default: on from `signal`
   */
  constructor(transport: Transport | null, role: SocketRole, report?: (message: unknown) => void) {
    super();
    this.#transport = transport;
    this.#role = role;
    this.#report = report;
  }

  /**
   * @internal Acts as if `message` had arrived on `control`: how a server closes its connections
   * without a link (and a box) per connection.
   */
  _close(message: ProducerFinished | ShutdownMicroprocess): void {
    if (message instanceof ShutdownMicroprocess) this.#shutdownAsked ??= message;
    else this.#finishAsked ??= message;
    this.unpause();
  }

  /** Where the connection leads, for messages: `"127.0.0.1:4000"`. */
  protected peerAddress = "the peer";

  /**
   * Opens the connection when none was given: resolves with it, or rejects with a
   * {@link NetworkError}. Aborting `signal` abandons the attempt (nothing is left open).
   */
  protected connect(_signal: AbortSignal): Promise<Transport> {
    return Promise.reject(new Error(`${this.name} was given no connection and does not know how to open one.`));
  }

  override *main(): Generator<unknown, void, unknown> {
    let connecting: AbortController | null = null;
    let transport = this.#transport;
    try {
      if (transport === null) {
        connecting = new AbortController();
        transport = yield* this.#open(connecting.signal);
        if (transport === null) return;
        this.#transport = transport;
      }
      this.#start(transport);
      /** A client given ProducerFinished: its sending side has ended and it waits for the peer's. */
      let finishing: ProducerFinished | undefined;
      let toldPeerEnded = false;
      for (;;) {
        const delivered = this.#deliver(transport);
        if (!this.#closed) {
          if (finishing === undefined) this.#write(transport, false);
          const shutdown = this.#takeControl();
          if (shutdown instanceof ShutdownMicroprocess) {
            if (finishing === undefined) this.#write(transport, true);
            this.#released = true;
            transport.close();
            this.send(shutdown, "signal");
            return;
          }
          if (shutdown !== undefined && finishing === undefined) this.#finishAsked ??= shutdown;
          const asked = this.#finishAsked;
          // ProducerFinished acts once everything waiting has been written, as fast as the connection takes it.
          if (asked !== undefined && finishing === undefined && this.dataReady("inbox") === 0) {
            if (this.#role === "client" && !this.#peerEnded) {
              transport.end();
              finishing = asked;
            } else {
              this.#released = true;
              transport.close();
              this.send(asked, "signal");
              return;
            }
          }
        }
        if (delivered && (this.#peerEnded || this.#closed)) {
          if (this.#role === "client") {
            const error = this.#closeError;
            if (error !== undefined) throw networkError(this, `stay connected to ${this.peerAddress}`, error);
            if (finishing === undefined) this.#write(transport, true);
            this.#released = true;
            transport.close();
            this.send(finishing ?? new ProducerFinished(this), "signal");
            return;
          }
          if (this.#closed) {
            this.#released = true;
            this.send(new ShutdownMicroprocess(this), "signal");
            return;
          }
          if (!toldPeerEnded) {
            toldPeerEnded = true;
            this.send(new ProducerFinished(this), "signal");
          }
        }
        this.pause();
        yield;
      }
    } finally {
      connecting?.abort();
    }
  }

  /**
   * Takes what waits on `control` (and what `_close` asked): the shutdown message to act on, if any,
   * `ShutdownMicroprocess` first. Other messages are reported, or passed on from `signal`.
   */
  #takeControl(): ProducerFinished | ShutdownMicroprocess | undefined {
    const report = this.#report;
    let shutdown: ProducerFinished | ShutdownMicroprocess | undefined;
    if (report === undefined) shutdown = checkShutdown(this);
    else {
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof ShutdownMicroprocess) {
          if (!(shutdown instanceof ShutdownMicroprocess)) shutdown = message;
        } else if (message instanceof ProducerFinished) shutdown ??= message;
        else report(message);
      }
    }
    if (shutdown instanceof ShutdownMicroprocess) return shutdown;
    return this.#shutdownAsked ?? shutdown;
  }

  /** @internal Ending any other way than closing (stopped, failed) drops the connection. */
  override _closeDown(): void {
    if (!this.#released) this.#transport?.destroy();
    super._closeDown();
  }

  /**
   * Waits for `connect()`: null when `ShutdownMicroprocess` comes first. `ProducerFinished` is kept
   * for when it has connected (what waits in `inbox` is still to be sent).
   */
  *#open(signal: AbortSignal): Generator<unknown, Transport | null, unknown> {
    const opening: Opening = { transport: null, failed: false, failure: undefined };
    this.connect(signal).then(
      (transport) => {
        if (signal.aborted) transport.destroy();
        opening.transport = transport;
        this.unpause();
      },
      (error: unknown) => {
        opening.failed = true;
        opening.failure = error;
        this.unpause();
      },
    );
    for (;;) {
      if (opening.failed) throw opening.failure;
      if (opening.transport !== null) return opening.transport;
      const shutdown = this.#takeControl();
      if (shutdown instanceof ShutdownMicroprocess) {
        this.send(shutdown, "signal");
        return null;
      }
      if (shutdown !== undefined) this.#finishAsked ??= shutdown;
      this.pause();
      yield;
    }
  }

  /** Has the transport report into this component's fields, waking it each time. */
  #start(transport: Transport): void {
    transport.start({
      data: (chunk) => {
        this.#received.push(chunk);
        this.unpause();
      },
      drain: () => {
        this.#blocked = false;
        this.unpause();
      },
      end: () => {
        this.#peerEnded = true;
        this.unpause();
      },
      close: (error) => {
        this.#closed = true;
        this.#closeError = error;
        this.unpause();
      },
    });
  }

  /** Sends what was received from `outbox`; false while some of it waits for room there. */
  #deliver(transport: Transport): boolean {
    const received = this.#received;
    while (this.#receivedHead < received.length) {
      try {
        this.send(received[this.#receivedHead], "outbox");
      } catch (error) {
        if (!(error instanceof NoSpaceInBox)) throw error;
        if (!this.#readPaused) {
          this.#readPaused = true;
          transport.pause();
        }
        return false;
      }
      this.#receivedHead++;
    }
    if (this.#receivedHead > 0) {
      this.#received = [];
      this.#receivedHead = 0;
    }
    if (this.#readPaused) {
      this.#readPaused = false;
      transport.resume();
    }
    return true;
  }

  /** Writes what waits in `inbox` while the transport has room, or all of it when `all`. */
  #write(transport: Transport, all: boolean): void {
    while ((all || !this.#blocked) && this.dataReady("inbox") > 0) {
      const chunk = this.recv("inbox");
      if (typeof chunk !== "string" && !(chunk instanceof Uint8Array)) {
        this.send(unhandled(this, "inbox", chunk, "strings and bytes (Uint8Array)"), "signal");
        continue;
      }
      if (!transport.write(chunk)) this.#blocked = true;
    }
  }
}
