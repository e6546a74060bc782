/**
 * MaxSizePacketiser: cuts data into packets no bigger than a size.
 * @module
 */

import { BadArgument } from "../util/BadArgument.js";
import { PureTransformer } from "../util/PureTransformer.js";
import { unhandled } from "../util/unhandled.js";
import { isData, toBytes } from "./bytes.js";

/**
 * Cuts each message into packets of at most `maxsize` bytes, in order, for a transport such as UDP
 * that drops packets that are too big.
 * @remarks Port of Kamaelia.Protocol.Packetise.MaxSizePacketiser. Each message is cut on its own
 * (nothing is held back to fill a packet): a `Uint8Array` into `Uint8Array` slices, a string into slices
 * of its UTF-8 bytes. An empty message makes no packet (Kamaelia sent an empty one). A message that is
 * not a string or `Uint8Array` is skipped and reported as an `ErrorInformation` from `signal`. Shutdown is
 * as for {@link PureTransformer} (Kamaelia's never ended).
 * @inbox inbox - data: strings or `Uint8Array`s
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - packets: `Uint8Array`s of at most `maxsize` bytes
 * @outbox signal - the shutdown message when it ends; other control messages; `ErrorInformation` for a message it cannot cut
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, MaxSizePacketiser, Pipeline, PureTransformer } from "kamaelia";
 * await new Pipeline(
 *   new DataSource(["abcdefgh", "ij"]),
 *   new MaxSizePacketiser(3),
 *   new PureTransformer((packet: Uint8Array) => new TextDecoder().decode(packet)),
 *   new ConsoleEchoer(),
 * ).run(); // abc, def, gh, ij
 * ```
 */
export class MaxSizePacketiser extends PureTransformer {
  static override Inboxes = {
    inbox: "data: strings or Uint8Arrays",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "packets: Uint8Arrays of at most maxsize bytes",
    signal: "the shutdown message when it ends; other control messages; ErrorInformation for a message it cannot cut",
  };

  readonly #maxsize: number;

  /** @param maxsize - the most bytes in a packet; default 1000 */
  constructor(maxsize = 1000) {
    super();
    if (!(Number.isSafeInteger(maxsize) && maxsize >= 1)) throw new BadArgument("MaxSizePacketiser", "maxsize", maxsize, "a whole number of bytes, 1 or more");
    this.#maxsize = maxsize;
  }

  protected override processMessage(message: unknown): unknown {
    if (!isData(message)) {
      this.send(unhandled(this, "inbox", message, "strings or Uint8Arrays"), "signal");
      return undefined;
    }
    const bytes = toBytes(message);
    for (let at = 0; at < bytes.length; at += this.#maxsize) this.send(bytes.subarray(at, at + this.#maxsize), "outbox");
    return undefined;
  }
}
