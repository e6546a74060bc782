/**
 * Marshaller and DeMarshaller: every message into its wire form and back, by a marshalling object.
 * @module
 */

import { AxonException } from "../axon/AxonExceptions.js";
import { ErrorInformation } from "../axon/Ipc.js";
import { PureTransformer } from "./PureTransformer.js";
import { describeMessage } from "./unhandled.js";

/**
 * How to turn an item into its wire form and back, for {@link Marshaller} and {@link DeMarshaller}.
 * Both methods throw (preferably a {@link MarshallingError}) for what they cannot handle.
 */
export interface Marshalling {
  /** Returns `item` serialised for transmission. */
  marshall(item: unknown): unknown;
  /** Returns the item that `data` (as made by `marshall`) stands for. */
  demarshall(data: unknown): unknown;
}

/**
 * A marshalling object was given something it cannot marshall or demarshall.
 * @remarks Thrown by {@link JSONMarshalling} and `EscapedListMarshalling`; a Marshaller or DeMarshaller
 * catches it and reports it in an `ErrorInformation` on `signal`.
 * @example
 * ```ts
 * import { JSONMarshalling, MarshallingError } from "kamaelia";
 * try {
 *   JSONMarshalling.marshall(undefined);
 * } catch (error) {
 *   console.log(error instanceof MarshallingError); // true
 * }
 * ```
 */
export class MarshallingError extends AxonException {}

const utf8 = new TextDecoder();

/**
 * Marshalls items as JSON text and demarshalls JSON text (a string, or UTF-8 bytes) back into items.
 * @remarks What `JSON.stringify` cannot encode is refused: `undefined`, functions and symbols (a
 * {@link MarshallingError}), bigints and objects inside themselves (JSON's own `TypeError`); text that is
 * not JSON gives JSON's `SyntaxError`.
 * @example
 * ```ts
 * import { JSONMarshalling } from "kamaelia";
 * const text = JSONMarshalling.marshall({ x: 1, tags: ["a"] });
 * const back = JSONMarshalling.demarshall(text) as { tags: string[] };
 * console.log(text, back.tags[0]); // {"x":1,"tags":["a"]} a
 * ```
 */
export const JSONMarshalling: Marshalling = {
  marshall(item: unknown): string {
    const text = JSON.stringify(item) as string | undefined;
    if (text === undefined) {
      throw new MarshallingError(`JSONMarshalling cannot marshall ${describeMessage(item)}: JSON has no form for it. Send null or a value JSON can hold.`);
    }
    return text;
  },
  demarshall(data: unknown): unknown {
    if (data instanceof Uint8Array) return JSON.parse(utf8.decode(data));
    if (typeof data !== "string") {
      throw new MarshallingError(`JSONMarshalling cannot demarshall ${describeMessage(data)}: it takes JSON text, as a string or as UTF-8 bytes.`);
    }
    return JSON.parse(data);
  },
};

/**
 * Returns `apply(message)`; if it throws, sends an `ErrorInformation` carrying the error from
 * `component`'s `signal` and returns `undefined`, so the message is skipped.
 */
function reporting(component: PureTransformer, verb: string, message: unknown, apply: (message: unknown) => unknown): unknown {
  try {
    return apply(message);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    component.send(new ErrorInformation(component, error, `${component.name} could not ${verb} ${describeMessage(message)} and skipped it. ${reason}`), "signal");
    return undefined;
  }
}

/**
 * Marshalls each message with the marshalling object it was given (serialises it for the wire) and
 * sends the result on.
 * @remarks Port of Kamaelia.Util.Marshalling.Marshaller. Only the object's `marshall` method is used.
 * A message it throws on is skipped and reported as an `ErrorInformation` on `signal` carrying the
 * error and naming the component and what arrived; it carries on with the next. A result of
 * `undefined` sends nothing. The marshalling is expected to be stateless and to handle whole items:
 * framing is left to other components. `ShutdownMicroprocess` on `control` is passed on from `signal`
 * at once and it ends; `ProducerFinished` is passed on once every waiting message has been marshalled.
 * Other control messages are passed on from `signal`.
 * @inbox inbox - items to marshall
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the marshalled items
 * @outbox signal - `ErrorInformation` for each item skipped; the shutdown message when it ends
 * @see {@link DeMarshaller} for the way back, {@link JSONMarshalling}, `EscapedListMarshalling`.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, JSONMarshalling, Marshaller, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource([{ x: 1 }, [true, null]]), new Marshaller(JSONMarshalling), new ConsoleEchoer()).run(); // {"x":1}, [true,null]
 * ```
 */
export class Marshaller extends PureTransformer {
  static override Inboxes = {
    inbox: "items to marshall",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the marshalled items",
    signal: "ErrorInformation for each item skipped; the shutdown message when it ends",
  };

  readonly #marshalling: Pick<Marshalling, "marshall">;

  /** @param marshalling - an object whose `marshall(item)` returns the item serialised */
  constructor(marshalling: Pick<Marshalling, "marshall">) {
    super();
    this.#marshalling = marshalling;
  }

  protected override processMessage(message: unknown): unknown {
    const marshalling = this.#marshalling;
    return reporting(this, "marshall", message, (item) => marshalling.marshall(item));
  }
}

/**
 * Demarshalls each message with the marshalling object it was given (deserialises it from the wire) and
 * sends the result on.
 * @remarks Port of Kamaelia.Util.Marshalling.DeMarshaller. Only the object's `demarshall` method is
 * used. A message it throws on is skipped and reported as an `ErrorInformation` on `signal` carrying the
 * error and naming the component and what arrived; it carries on with the next. A result of `undefined`
 * sends nothing. `ShutdownMicroprocess` on `control` is passed on from `signal` at once and it ends;
 * `ProducerFinished` is passed on once every waiting message has been demarshalled. Other control
 * messages are passed on from `signal`.
 * @inbox inbox - data to demarshall
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - the demarshalled items
 * @outbox signal - `ErrorInformation` for each message skipped; the shutdown message when it ends
 * @see {@link Marshaller} for the way there.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, DeMarshaller, JSONMarshalling, Pipeline } from "kamaelia";
 * await new Pipeline(new DataSource(['{"x":1}', "[1,2]"]), new DeMarshaller(JSONMarshalling), new ConsoleEchoer()).run(); // { x: 1 }, [1, 2]
 * ```
 */
export class DeMarshaller extends PureTransformer {
  static override Inboxes = {
    inbox: "data to demarshall",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "the demarshalled items",
    signal: "ErrorInformation for each message skipped; the shutdown message when it ends",
  };

  readonly #marshalling: Pick<Marshalling, "demarshall">;

  /** @param marshalling - an object whose `demarshall(data)` returns the item `data` stands for */
  constructor(marshalling: Pick<Marshalling, "demarshall">) {
    super();
    this.#marshalling = marshalling;
  }

  protected override processMessage(message: unknown): unknown {
    const marshalling = this.#marshalling;
    return reporting(this, "demarshall", message, (data) => marshalling.demarshall(data));
  }
}
