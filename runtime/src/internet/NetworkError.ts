/**
 * The error for a connection that could not be made, a port that could not be listened on, or a
 * connection lost on the way.
 * @module
 */

import { AxonException } from "../axon/AxonExceptions.js";

/** What to do about each system error code, for the messages. */
const hints: Readonly<Record<string, string>> = {
  ECONNREFUSED: "Nothing listens there: start the server first, or check the host and port.",
  ENOTFOUND: "The host name could not be resolved: check its spelling.",
  EAI_AGAIN: "The host name could not be resolved: check its spelling and the network.",
  ETIMEDOUT: "The host did not answer: check that it is up and reachable.",
  EHOSTUNREACH: "The host cannot be reached: check that it is up and reachable.",
  ENETUNREACH: "The network cannot be reached: check the connection.",
  EADDRINUSE: "Something else listens on that port: pick another one, or port 0 for any free one.",
  EACCES: "Listening there needs privileges: pick a port of 1024 or more, or port 0 for any free one.",
  EADDRNOTAVAIL: "That address is not one of this machine's: listen on 127.0.0.1, 0.0.0.0 or ::.",
  ECONNRESET: "The peer dropped the connection.",
  EPIPE: "The peer had already closed the connection.",
};

/**
 * A network operation failed: connecting, listening, or a connection dropped by the peer.
 * @remarks Clients (`TCPClient`, `MemoryClient`, `WebSocketClient`) end with it when they cannot connect
 * or when the connection breaks; servers end with it when they cannot listen. `runThreads()` then
 * rejects with a `ComponentError` whose `cause` is this error. The message names the component, the
 * address and the system error code (`ECONNREFUSED`, `EADDRINUSE`, ...), and says what to do.
 * @example
 * ```ts
 * import { MemoryClient, NetworkError } from "kamaelia";
 * try {
 *   await new MemoryClient("nowhere", 1).run();
 * } catch (error) {
 *   const cause = (error as Error).cause;
 *   console.log(cause instanceof NetworkError, (cause as NetworkError).code); // true ECONNREFUSED
 * }
 * ```
 */
export class NetworkError extends AxonException {
  /**
   * @param message - what happened, to which component, at which address
   * @param code - the system error code, such as `"ECONNREFUSED"`, or `""` when there is none
   * @param options - the underlying error as `cause`
   */
  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The code of a system error (`error.code`), or `""`. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/**
 * A {@link NetworkError} saying that `component` could not `what` (e.g. "connect to 127.0.0.1:80")
 * because of `error`, with what to do about it.
 * @internal
 */
export function networkError(component: { readonly name: string }, what: string, error: unknown): NetworkError {
  const code = codeOf(error);
  const reason = error instanceof Error ? error.message : String(error);
  const hint = hints[code];
  return new NetworkError(`${component.name} could not ${what}: ${reason}.${hint === undefined ? "" : ` ${hint}`}`, code, { cause: error });
}
