// A microprocess: an object whose main() is a generator, stepped one yield at a time by next().
export class Microprocess {
  // True once main() has run to its end.
  done = false;
  // The generator main() made, kept from the first next() on.
  #steps: Iterator<unknown> | undefined;

  // What the microprocess does: subclasses override it.
  *main(): Generator<unknown, void, undefined> {
    yield;
  }

  // Runs main() on to its next yield, or to its end: then done becomes true.
  next(): void {
    this.#steps ??= this.main();
    if (this.#steps.next().done === true) this.done = true;
  }
}

// A microprocess that prints a word a few times, yielding after each line.
class Printer extends Microprocess {
  constructor(readonly word: string, readonly times: number) {
    super();
  }

  override *main(): Generator<unknown, void, undefined> {
    for (let i = 1; i <= this.times; i += 1) {
      console.log(`${this.word} ${String(i)}`);
      yield;
    }
  }
}

const tick = new Printer("tick", 2);
const tock = new Printer("tock", 2);
// Step both by hand, taking turns.
for (let turn = 1; turn <= 3; turn += 1) {
  tick.next();
  tock.next();
}
console.log(`done: ${String(tick.done)}, ${String(tock.done)}`);
