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

// Steps microprocesses in turn, round robin, dropping each one when it ends.
export class Scheduler {
  // The microprocesses still running, in the order they take their turns.
  readonly #queue: Microprocess[] = [];

  activate(mp: Microprocess): void {
    this.#queue.push(mp);
  }

  // Runs until no microprocess is left, or until it has taken `limit` steps in all.
  run(limit = Infinity): void {
    for (let steps = 0; steps < limit; steps += 1) {
      const mp = this.#queue.shift();
      if (mp === undefined) return;
      mp.next();
      if (!mp.done) this.#queue.push(mp);
    }
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

const scheduler = new Scheduler();
scheduler.activate(new Printer("tick", 3));
scheduler.activate(new Printer("tock", 2));
// Both printers end after 5 steps in all; the limit only keeps a mistake from looping for ever.
scheduler.run(100);
console.log("all done");
