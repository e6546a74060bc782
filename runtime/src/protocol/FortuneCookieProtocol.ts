/**
 * FortuneCookieProtocol: a few fortunes for each client, then goodbye.
 * @module
 */

import { DataSource } from "../util/DataSource.js";

/** The fortunes a FortuneCookieProtocol sends when it is given none, one line each. */
const FORTUNES: readonly string[] = [
  "A component that does one thing well is worth two that do everything.\n",
  "Messages wait patiently in inboxes; so should you.\n",
  "Today you will link an outbox to an inbox, and it will be good.\n",
];

/**
 * Sends each of its fortunes, in order, then `ProducerFinished`, and ends: a protocol whose server says
 * its piece to each client and hangs up.
 * @remarks Port of Kamaelia.Protocol.FortuneCookieProtocol. Kamaelia's ran the Unix `fortune` command
 * for one random cookie and trickled it out at 40 characters a second; this one sends a list of
 * fortunes it is given (by default three short ones, each ending with a newline) as
 * {@link DataSource} does, one per scheduler cycle, so it runs anywhere and says the same each time.
 * What a client sends is ignored. When the fortunes run out it sends `ProducerFinished` from `signal`,
 * which makes a server close the connection. `ShutdownMicroprocess` on `control` is passed on from
 * `signal` at once and it ends without sending the rest.
 * @inbox inbox - data from the client: ignored
 * @inbox control - `ShutdownMicroprocess` to stop early
 * @outbox outbox - the fortunes, one message each
 * @outbox signal - `ProducerFinished` when every fortune has been sent
 * @example
 * ```ts
 * import { ConsoleEchoer, FortuneCookieProtocol, Pipeline } from "kamaelia";
 * await new Pipeline(new FortuneCookieProtocol(["You will write a test.", "It will pass."]), new ConsoleEchoer()).run(); // You will write a test., It will pass.
 * ```
 */
export class FortuneCookieProtocol extends DataSource {
  static override Inboxes = {
    inbox: "data from the client: ignored",
    control: "ShutdownMicroprocess to stop early",
  };
  static override Outboxes = {
    outbox: "the fortunes, one message each",
    signal: "ProducerFinished when every fortune has been sent",
  };

  /** @param fortunes - what to send, in order; by default three short fortunes, each ending with a newline */
  constructor(fortunes: readonly string[] = FORTUNES) {
    super([...fortunes]);
  }
}
