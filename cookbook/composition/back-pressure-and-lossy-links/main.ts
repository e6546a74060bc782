// Back-pressure: a full inbox makes send() throw NoSpaceInBox; wait for room, or drop on purpose with a LossyConnector.
import {
  Component,
  ConsoleEchoer,
  LossyConnector,
  NoSpaceInBox,
  Pipeline,
  ProducerFinished,
  type ConsoleEchoerOptions,
} from "kamaelia";

/** Sends 1 to `count`, two a step, sleeping whenever the next inbox is full until a message is taken from it. */
export class Producer extends Component {
  constructor(readonly count: number) {
    super();
  }

  override *main(): Generator<undefined, void, unknown> {
    for (let n = 1; n <= this.count; n++) {
      while (!this.#trySend(n)) {
        this.pause(); // a consumer taking a message wakes us
        yield;
      }
      if (n % 2 === 0) yield;
    }
    this.send(new ProducerFinished(this), "signal");
  }

  #trySend(message: unknown): boolean {
    try {
      this.send(message, "outbox");
      return true;
    } catch (error) {
      if (error instanceof NoSpaceInBox) return false;
      throw error;
    }
  }
}

/** Takes one message a step (after `stalledSteps` steps of taking none), then reports what it got. */
export class Consumer extends Component {
  readonly received: number[] = [];
  mostWaiting = 0;

  constructor(readonly stalledSteps = 0) {
    super();
    this.setInboxSize("inbox", 2);
  }

  override *main(): Generator<undefined, void, unknown> {
    for (let step = 0; step < this.stalledSteps; step++) yield;
    for (;;) {
      this.mostWaiting = Math.max(this.mostWaiting, this.dataReady("inbox"));
      if (this.dataReady("inbox")) this.received.push(Number(this.recv("inbox")));
      else if (this.dataReady("control")) break;
      else this.pause();
      yield;
    }
    this.send(`received ${String(this.received.length)}, never more than ${String(this.mostWaiting)} waiting`, "outbox");
    this.send(this.recv("control"), "signal");
  }
}

/** The system: 100 numbers into a consumer whose inbox holds 2, through `lossy` if given. */
export function system(print: ConsoleEchoerOptions = {}, consumer = new Consumer(), lossy?: LossyConnector): Pipeline {
  const producer = new Producer(100);
  const stages = lossy === undefined ? [producer, consumer] : [producer, lossy, consumer];
  return new Pipeline(...stages, new ConsoleEchoer(print));
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) {
  await system().run();
  const lossy = new LossyConnector();
  await system({}, new Consumer(10), lossy).run();
  console.log(`the LossyConnector dropped ${String(lossy.dropped)}`);
}
