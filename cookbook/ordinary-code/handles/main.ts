// Handles: use components from plain async code - put messages in, await what comes out, iterate, stream.
import { DataSource, Pipeline, PureTransformer, fromReadableStream, handle, toAsyncIterable, toReadableStream } from "kamaelia";

/** A prefab: upper-cases each string. */
export const Upper = (): PureTransformer<string> => new PureTransformer((text: string) => text.toUpperCase());

/** Ordinary async code driving components; `print` says where its lines go. */
export async function main(print: (line: string) => void = (line) => { console.log(line); }): Promise<void> {
  // A handle: put a message into a component's inbox and await what leaves its outbox.
  const shout = handle(new Pipeline(Upper()));
  shout.put("abc");
  print(`handle: ${String(await shout.get())}`);
  await shout.shutdown();

  // A component's output as an async iterable: the loop ends when the component does.
  for await (const n of toAsyncIterable(new DataSource([1, 2, 3]))) print(`iterated: ${String(n)}`);

  // WHATWG streams: a ReadableStream into a component, its output out as a ReadableStream.
  const words = new ReadableStream<string>({
    start(controller) {
      for (const word of ["x", "y"]) controller.enqueue(word);
      controller.close();
    },
  });
  const shouted = toReadableStream(new Pipeline(fromReadableStream(words), Upper()));
  await shouted.pipeTo(new WritableStream({ write: (chunk) => { print(`streamed: ${String(chunk)}`); } }));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
