/**
 * What every server shares, whatever carries its connections: a protocol handler per connection,
 * wired both ways, closed and cleaned up the same way.
 * @module
 */

import { BadComponent } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Container } from "../chassis/Container.js";
import { InactivityChassis } from "../chassis/InactivityChassis.js";
import { BadArgument, requirePositive } from "../util/BadArgument.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { NetworkError } from "./NetworkError.js";
import { SocketAdapter } from "./SocketAdapter.js";
import type { Transport } from "./Transport.js";

/** Who is at each end of a new connection, as a server's protocol factory is told. */
export interface ConnectionInfo {
  /** The client's address. */
  readonly peer: string;
  /** The client's port. */
  readonly peerport: number;
  /** The address this end of the connection is on. */
  readonly localip: string;
  /** The port this end of the connection is on (the server's). */
  readonly localport: number;
}

/** Where a server listens, once it does: see `ready`. */
export interface ServerAddress {
  /** The port, the one picked when 0 was asked for. */
  readonly port: number;
  /** The address it listens on, e.g. `"127.0.0.1"`, or `"::"` for every interface. */
  readonly host: string;
}

/** Options for {@link ServerCore} and the servers that share its contract. */
export interface ServerCoreOptions {
  /**
   * Makes the protocol handler for a new connection, told who connected. Return a new component, not
   * activated: the server wires and activates it.
   */
  readonly protocol: (info: ConnectionInfo) => Component;
  /** The port to listen on; 0 picks a free one (read it from `ready`). */
  readonly port: number;
  /** The address to listen on. Default: every interface (`MemoryServer`: `"localhost"`). */
  readonly host?: string;
  /**
   * Milliseconds a connection may pass with nothing received or sent before its handler is sent
   * `ProducerFinished` (see {@link InactivityChassis}). Default: no limit.
   */
  readonly idleTimeout?: number;
}

/** What a listening endpoint tells the server about. @internal */
export interface ListenerEvents {
  /** A new connection. */
  connection(transport: Transport, info: ConnectionInfo): void;
  /** The listener failed after it had started listening. */
  error(error: unknown): void;
}

/**
 * A server's `ready` promise and the function that settles it (with an address, or the error that
 * ended the server). Whoever awaits `ready` sees a rejection; nobody awaiting it is not an unhandled
 * rejection, since the server's own failure reports it.
 * @internal
 */
export function readyPromise(): [Promise<ServerAddress>, (address: ServerAddress | Error) => void] {
  let settle: (address: ServerAddress | Error) => void = () => undefined;
  const ready = new Promise<ServerAddress>((resolve, reject) => {
    settle = (address) => {
      if (address instanceof Error) reject(address);
      else resolve(address);
    };
  });
  ready.catch(() => undefined);
  return [ready, settle];
}

/** A listening endpoint. @internal */
export interface Listening {
  readonly address: ServerAddress;
  /** Stops accepting connections; open ones stay open. */
  close(): void;
}

/**
 * The base of ServerCore, SimpleServer, MemoryServer and WebSocketServer: subclasses only say how to
 * listen; accepting, wiring, closing and cleaning up happen here, so all servers behave alike.
 * @remarks See {@link ServerCore} for the contract.
 * @internal
 */
export abstract class ConnectionServer extends Container {
  static override Inboxes = {
    inbox: "not used (there so that a server can stand in a Pipeline)",
    control: "ProducerFinished: stop accepting, end when every connection has closed; ShutdownMicroprocess: close everything and end",
  };
  static override Outboxes = {
    outbox: "not used (there so that a server can stand in a Pipeline)",
    signal: "what protocol handlers send from signal besides shutdown messages; the shutdown message when it ends",
  };

  /**
   * Resolves with the address once the server listens (the real port when 0 was asked for); rejects
   * with the error that ended the server if it could not listen, or if it was shut down first.
   */
  readonly ready: Promise<ServerAddress>;
  /** The port and host asked for. */
  protected readonly options: ServerCoreOptions;
  readonly #settleReady: (address: ServerAddress | Error) => void;
  /** Connections that have ended, to forget at the next step. */
  #ended: ServedConnection[] = [];
  readonly #open = new Set<ServedConnection>();
  /** A shutdown message a handler sent from its `serversignal` outbox. */
  #askedByHandler: ProducerFinished | ShutdownMicroprocess | undefined = undefined;

  /** @param options - the protocol factory, where to listen, and the idle timeout */
  constructor(options: ServerCoreOptions) {
    super();
    const type = this.constructor.name;
    if (typeof options.protocol !== "function") {
      throw new BadArgument(type, "protocol", options.protocol, "a function that returns a new protocol handler component, e.g. () => new EchoProtocol()");
    }
    const { port } = options;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BadArgument(type, "port", port, "a whole number from 0 to 65535 (0 picks a free port)");
    if (options.idleTimeout !== undefined) requirePositive(type, "idleTimeout", options.idleTimeout, "milliseconds");
    this.options = options;
    [this.ready, this.#settleReady] = readyPromise();
    // A failed connection closes and is reported; the server goes on.
    this.containErrors();
  }

  /**
   * Starts listening: resolves once it does, or rejects with a {@link NetworkError}. Connections and
   * later failures are reported through `events`.
   */
  protected abstract listen(events: ListenerEvents): Promise<Listening>;

  /** Makes the protocol handler for a new connection. */
  protected makeHandler(info: ConnectionInfo): Component {
    return this.options.protocol(info);
  }

  override *main(): Generator<unknown, void, unknown> {
    const incoming: [Transport, ConnectionInfo][] = [];
    const state: { listening: Listening | null; stopped: boolean; failed: boolean; failure: unknown } = {
      listening: null,
      stopped: false,
      failed: false,
      failure: undefined,
    };
    const fail = (error: unknown): void => {
      state.failed = true;
      state.failure = error;
      this.unpause();
    };
    this.listen({
      connection: (transport, info) => {
        if (state.stopped) transport.destroy();
        else {
          incoming.push([transport, info]);
          this.unpause();
        }
      },
      error: fail,
    }).then((listening) => {
      if (state.stopped) listening.close();
      else {
        state.listening = listening;
        this.#settleReady(listening.address);
        this.unpause();
      }
    }, fail);
    try {
      let shutdown: ProducerFinished | ShutdownMicroprocess | undefined;
      for (;;) {
        if (state.failed) {
          if (state.failure instanceof Error) this.#settleReady(state.failure);
          throw state.failure;
        }
        for (const [transport, info] of incoming.splice(0)) this.#serve(transport, info);
        for (const connection of this.#ended.splice(0)) {
          this.#open.delete(connection);
          this.removeChild(connection);
        }
        // ShutdownMicroprocess may still come after ProducerFinished, to stop waiting for the connections.
        if (!(shutdown instanceof ShutdownMicroprocess)) {
          const fromControl = checkShutdown(this);
          const asked = fromControl instanceof ShutdownMicroprocess ? fromControl : (this.#askedByHandler ?? fromControl);
          if (asked instanceof ShutdownMicroprocess || (shutdown === undefined && asked !== undefined)) {
            shutdown = asked;
            state.stopped = true;
            state.listening?.close();
            if (shutdown instanceof ShutdownMicroprocess) for (const connection of this.#open) connection.close(shutdown);
          }
        }
        if (shutdown !== undefined && this.#open.size === 0) {
          this.send(shutdown, "signal");
          return;
        }
        this.pause();
        yield;
      }
    } finally {
      state.stopped = true;
      state.listening?.close();
      for (const [transport] of incoming) transport.destroy();
      // Does nothing if it was listening: `ready` has settled already.
      this.#settleReady(new NetworkError(`${this.name} ended before it was listening, so it has no address.`, ""));
      // Stopped rather than shut down: drop whatever is still open.
      for (const connection of this.#open) connection.stop();
    }
  }

  #serve(transport: Transport, info: ConnectionInfo): void {
    const connection = new ServedConnection(this, transport, info, () => {
      this.#ended.push(connection);
    });
    this.#open.add(connection);
    this.addChildren(connection);
    connection.activate(this.scheduler ?? undefined);
  }

  /**
   * @internal Sends what a handler reported on its signal (besides shutdown messages) from this
   * server's `signal`. Called by the connection rather than linked, so that ten thousand connections do
   * not all feed one box.
   */
  _report(message: unknown): void {
    this.send(message, "signal");
  }

  /**
   * @internal Acts on what a handler sent from its `serversignal` outbox as if it had arrived on
   * `control` (called, not linked, for the same reason as `_report`).
   */
  _serverSignal(message: unknown): void {
    if (message instanceof ShutdownMicroprocess || (message instanceof ProducerFinished && this.#askedByHandler === undefined)) {
      this.#askedByHandler = message;
      this.unpause();
    } else if (!(message instanceof ProducerFinished)) this._report(message);
  }

  /** @internal The protocol handler for a connection, wrapped to close when idle if asked. */
  _handlerFor(info: ConnectionInfo): Component {
    const handler = this.makeHandler(info);
    if (!(handler instanceof Component)) {
      throw new BadComponent(handler, `${this.name}'s protocol factory must return a new component instance (() => new Handler()), not ${typeof handler === "function" ? "a class" : "something else"}.`);
    }
    const { idleTimeout } = this.options;
    return idleTimeout === undefined ? handler : new InactivityChassis(handler, { timeout: idleTimeout, watch: ["inbox", "outbox"] });
  }
}

/**
 * One connection of a server: the adapter for the connection and the protocol handler, wired both
 * ways. It ends when both have ended; if the handler fails, it ends with that failure (which drops
 * the connection) and the server reports it. It has no boxes of its own, and the server reaches it by
 * calls rather than links: ten thousand connections then cost ten thousand times as little.
 * @internal
 */
class ServedConnection extends Container {
  static override Inboxes = [];
  static override Outboxes = [];

  #adapter: SocketAdapter | null = null;
  #handler: Component | null = null;
  /** The message that closes the connection, if the server asked before it was wired. */
  #closeWith: ProducerFinished | ShutdownMicroprocess | undefined = undefined;

  constructor(
    readonly server: ConnectionServer,
    readonly transport: Transport,
    readonly info: ConnectionInfo,
    readonly onEnd: () => void,
  ) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    try {
      const handler = this.server._handlerFor(this.info);
      this.#handler = handler;
      const server = this.server;
      const adapter = new SocketAdapter(this.transport, "server", (message) => {
        server._report(message);
      });
      this.#adapter = adapter;
      this.link([adapter, "outbox"], [handler, "inbox"]);
      this.link([handler, "outbox"], [adapter, "inbox"]);
      this.link([adapter, "signal"], [handler, "control"]);
      this.link([handler, "signal"], [adapter, "control"]);
      // Kamaelia's protocols may shut the whole server down from an outbox of this name.
      if (Object.hasOwn(handler.outboxes, "serversignal")) {
        this._createInbox("serversignal");
        this.link([handler, "serversignal"], [this, "serversignal"]);
      }
      if (this.#closeWith !== undefined) adapter._close(this.#closeWith);
      yield* this.runChildren(adapter, handler);
      // A handler may send from serversignal in the very step it ends: nothing wakes us for that.
      this.#serverSignals();
    } finally {
      if (this.#adapter === null) this.transport.destroy();
      else if (!this.#adapter.finished) this.#adapter.stop();
      if (this.#handler?.finished === false) this.#handler.stop();
      this.onEnd();
    }
  }

  protected override onWake(): void {
    this.#serverSignals();
    // A handler that ended without a word still closes its connection, once what it sent has gone.
    if (this.#handler?.finished === true) this.#adapter?._close(new ProducerFinished(this));
  }

  /** Passes what the handler sent from its `serversignal` outbox on to the server. */
  #serverSignals(): void {
    if (!Object.hasOwn(this.inboxes, "serversignal")) return;
    while (this.dataReady("serversignal") > 0) this.server._serverSignal(this.recv("serversignal"));
  }

  /** Closes the connection once everything the handler sent has gone. */
  close(message: ProducerFinished | ShutdownMicroprocess): void {
    this.#closeWith ??= message;
    this.#adapter?._close(message);
  }
}
