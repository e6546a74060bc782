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
    this.#box(box).push(message);
  }

  // Takes the oldest message out of a box; an empty box is an error.
  recv(box: string): unknown {
    const messages = this.#box(box);
    if (messages.length === 0) throw new Error(`recv("${box}"): the box is empty. Check dataReady("${box}") first.`);
    return messages.shift();
  }

  // How many messages wait in a box.
  dataReady(box: string): number {
    return this.#box(box).length;
  }

  #box(name: string): unknown[] {
    const messages = this.boxes[name];
    if (messages === undefined) throw new Error(`There is no box called "${name}": the boxes are ${Object.keys(this.boxes).join(", ")}.`);
    return messages;
  }
}

// Carries every message waiting in one component's box to another component's box, each time it runs.
export class Postman extends Microprocess {
  constructor(
    readonly source: Component,
    readonly sourcebox: string,
    readonly sink: Component,
    readonly sinkbox: string,
  ) {
    super();
  }

  override *main(): Generator<unknown, void, undefined> {
    // Your code here: for ever, carry every message waiting in the source's box to the sink's box, then yield.
  }
}

// Sends each of its lines from its outbox, one per step, then ends.
class Producer extends Component {
  constructor(readonly lines: string[]) {
    super();
  }

  override *main(): Generator<unknown, void, undefined> {
    for (const line of this.lines) {
      this.send(line, "outbox");
      yield;
    }
  }
}

// Prints every message that arrives in its inbox.
class Consumer extends Component {
  override *main(): Generator<unknown, void, undefined> {
    for (;;) {
      while (this.dataReady("inbox") > 0) console.log(this.recv("inbox"));
      yield;
    }
  }
}

const producer = new Producer(["hello", "world", "goodbye"]);
const consumer = new Consumer();
const scheduler = new Scheduler();
scheduler.activate(producer);
scheduler.activate(new Postman(producer, "outbox", consumer, "inbox"));
scheduler.activate(consumer);
// The postman and the consumer never end: stop after 20 steps.
scheduler.run(20);
