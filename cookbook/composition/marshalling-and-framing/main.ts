// Marshalling and framing: objects to bytes and back, whole and in order, however a stream cuts them up.
import {
  ConsoleEchoer,
  DataChunker,
  DataDeChunker,
  DataSource,
  DeFramer,
  DeMarshaller,
  Framer,
  JSONMarshalling,
  Marshaller,
  Pipeline,
  PureTransformer,
  TagWithSequenceNumber,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** Objects to bytes: JSON text, tagged with a sequence number and a length, each frame marked where it starts. */
export const Sender = (): Pipeline =>
  new Pipeline(new Marshaller(JSONMarshalling), new TagWithSequenceNumber(), new Framer(), new DataChunker());

/** Bytes to objects: find each chunk, read its frame, parse the JSON. */
export const Receiver = (): Pipeline =>
  new Pipeline(
    new DataDeChunker(),
    new DeFramer({ text: true }),
    new PureTransformer(([, json]: [number, string]) => json),
    new DeMarshaller(JSONMarshalling),
  );

/** A stand-in for a stream transport: re-slices the bytes into pieces of `size` bytes, ignoring message boundaries. */
export class Fragmenter extends PureTransformer<Uint8Array> {
  #pending = new Uint8Array(0);

  constructor(readonly size: number) {
    super();
  }

  protected override processMessage(bytes: Uint8Array): undefined {
    const all = new Uint8Array(this.#pending.length + bytes.length);
    all.set(this.#pending);
    all.set(bytes, this.#pending.length);
    let at = 0;
    for (; at + this.size <= all.length; at += this.size) this.send(all.slice(at, at + this.size), "outbox");
    this.#pending = all.slice(at);
    return undefined;
  }

  protected override flush(): void {
    if (this.#pending.length > 0) this.send(this.#pending, "outbox");
  }
}

/** The system: two objects sent, cut into 3-byte pieces on the way, received and printed. */
export function system(print: ConsoleEchoerOptions = {}): Pipeline {
  const objects = [{ id: 1 }, { id: 2, text: "a\nb" }];
  return new Pipeline(new DataSource(objects), Sender(), new Fragmenter(3), Receiver(), new ConsoleEchoer({ ...print, use_repr: true }));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
