// Playlists: a chooser says which file comes next; a Carousel makes a reader for each one.
import {
  Carousel,
  ConsoleEchoer,
  DataSource,
  ForwardIteratingChooser,
  JoinChooserToCarousel,
  Pipeline,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** An in-memory stand-in for a folder: file name to contents. */
export const FILES: ReadonlyMap<string, string> = new Map([
  ["a.txt", "a1\na2"],
  ["b.txt", "b1"],
]);

/** The system: every file in `files`, in order, read line by line and printed. */
export function system(files = FILES, print: ConsoleEchoerOptions = {}): Pipeline {
  const playlist = new ForwardIteratingChooser(files.keys());
  // A new reader for each name; when it finishes, the carousel sends "NEXT" to the playlist.
  const reader = new Carousel((name) => new DataSource((files.get(String(name)) ?? "").split("\n")));
  return new Pipeline(new JoinChooserToCarousel(playlist, reader), new ConsoleEchoer(print));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
