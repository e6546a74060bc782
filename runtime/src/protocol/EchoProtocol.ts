/**
 * EchoProtocol: sends back whatever it is sent.
 * @module
 */

import { PureTransformer } from "../util/PureTransformer.js";

/**
 * Sends every message it receives straight back out, unchanged: the protocol of an echo server.
 * @remarks Port of Kamaelia.Protocol.EchoProtocol. Give it to a server as the protocol for each
 * connection and whatever a client sends comes back to it. Shutdown is as for {@link PureTransformer}:
 * `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends; `ProducerFinished`
 * once every waiting message has been echoed (Kamaelia's ended on any control message). Other control
 * messages are passed on from `signal`.
 * @inbox inbox - data from the client
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the same data, back to the client
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, EchoProtocol, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource(["hello", "again"]), new EchoProtocol(), new ConsoleEchoer()).run(); // hello, again
 * ```
 */
export class EchoProtocol extends PureTransformer {
  static override Inboxes = {
    inbox: "data from the client",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the same data, back to the client",
    signal: "the shutdown message when it ends, and other control messages",
  };

  protected override processMessage(message: unknown): unknown {
    return message;
  }
}
