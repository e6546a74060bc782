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

// A microprocess with boxes: lists of messages, each under a name.
export class Component extends Microprocess {
  readonly boxes: Record<string, unknown[]> = { inbox: [], outbox: [] };

  // Puts a message at the end of a box.
  send(message: unknown, box: string): void {
    // Your code here
  }

  // Takes the oldest message out of a box; an empty box is an error.
  recv(box: string): unknown {
    // Your code here
    return undefined;
  }

  // How many messages wait in a box.
  dataReady(box: string): number {
    // Your code here
    return 0;
  }
}

// Turns each message waiting in its inbox into capitals, in its outbox.
class Shouter extends Component {
  override *main(): Generator<unknown, void, undefined> {
    while (this.dataReady("inbox") > 0) {
      const word = this.recv("inbox");
      this.send(typeof word === "string" ? word.toUpperCase() : word, "outbox");
      yield;
    }
  }
}

const shouter = new Shouter();
shouter.send("hello", "inbox");
shouter.send("world", "inbox");
const scheduler = new Scheduler();
scheduler.activate(shouter);
scheduler.run(100);
while (shouter.dataReady("outbox") > 0) console.log(shouter.recv("outbox"));
