/**
 * The messages components and the scheduler exchange about their lives: shutdown, new components,
 * notifications, status and errors.
 * @module
 */

import type { Microprocess } from "./Microprocess.js";

/**
 * The base of every Ipc message.
 * @remarks Port of Axon.Ipc.ipc. Test `message instanceof Ipc` to tell these messages from data.
 * @example
 * ```ts
 * import { Ipc, ProducerFinished } from "kamaelia";
 * console.log(new ProducerFinished() instanceof Ipc); // true
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a marker base class, as Axon's ipc: instanceof tells Ipc messages from data
export class Ipc {}

/**
 * Asks the scheduler to activate components, on the scheduler of the component that yields it.
 * @remarks Port of Axon.Ipc.newComponent. `yield new NewComponent(a, b)` from `main()` activates `a` and
 * `b` on the yielder's scheduler (Axon used the default scheduler; we keep children beside their parent).
 * @example
 * ```ts
 * import { Component, NewComponent } from "kamaelia";
 * class Greeter extends Component {
 *   override *main() {
 *     console.log("hello from", this.constructor.name);
 *   }
 * }
 * class Spawner extends Component {
 *   override *main() {
 *     yield new NewComponent(new Greeter());
 *   }
 * }
 * await new Spawner().run(); // hello from Greeter
 * ```
 */
export class NewComponent extends Ipc {
  readonly #components: readonly Microprocess[];
  /** @param components - the components to activate */
  constructor(...components: Microprocess[]) {
    super();
    this.#components = components;
  }
  /** The components to activate. */
  components(): readonly Microprocess[] {
    return this.#components;
  }
}

/**
 * Carried by a finished detour so that the microprocess it replaced resumes.
 * @remarks Port of Axon.Ipc.reactivate. In TypeScript `yield*` a sub-generator instead of using a detour;
 * this class remains for code that hands microprocesses over explicitly.
 * @example
 * ```ts
 * import { Microprocess, Reactivate } from "kamaelia";
 * const original = new Microprocess();
 * console.log(new Reactivate(original).original === original); // true
 * ```
 */
export class Reactivate extends Ipc {
  /** @param original - the microprocess to resume */
  constructor(readonly original: Microprocess) {
    super();
  }
}

/**
 * Asks a component to stop now: sent to its `control` inbox, passed on from its `signal` outbox.
 * @remarks Port of Axon.Ipc.shutdownMicroprocess. Components that receive it stop promptly, without
 * finishing queued work, and send it on so that the whole chain stops.
 * @example
 * ```ts
 * import { ShutdownMicroprocess } from "kamaelia";
 * console.log(new ShutdownMicroprocess().microprocesses().length); // 0
 * ```
 */
export class ShutdownMicroprocess extends Ipc {
  readonly #microprocesses: readonly Microprocess[];
  /** @param microprocesses - the microprocesses meant (none: whoever receives it) */
  constructor(...microprocesses: Microprocess[]) {
    super();
    this.#microprocesses = microprocesses;
  }
  /** The microprocesses meant. */
  microprocesses(): readonly Microprocess[] {
    return this.#microprocesses;
  }
}

/**
 * An older "please stop" message.
 * @remarks Port of Axon.Ipc.shutdown. Most components honour `ShutdownMicroprocess`; prefer it.
 * @example
 * ```ts
 * import { Ipc, Shutdown } from "kamaelia";
 * console.log(new Shutdown() instanceof Ipc); // true
 * ```
 */
export class Shutdown extends Ipc {}

/**
 * Says "no more data from me": the graceful end of a stream.
 * @remarks Port of Axon.Ipc.producerFinished. A component receiving it on `control` finishes the work
 * already in its inboxes, sends it on from `signal`, and ends.
 * @example
 * ```ts
 * import { ProducerFinished } from "kamaelia";
 * const done = new ProducerFinished("reader", "end of file");
 * console.log(done.caller, done.message); // reader end of file
 * ```
 */
export class ProducerFinished extends Ipc {
  /**
   * @param caller - who finished
   * @param message - anything it wants to say
   */
  constructor(
    readonly caller?: unknown,
    readonly message?: unknown,
  ) {
    super();
  }
}

/**
 * A general notification: who sent it and what it is about.
 * @remarks Port of Axon.Ipc.notify. Subclass it for specific events.
 * @example
 * ```ts
 * import { Notify } from "kamaelia";
 * const n = new Notify("button", { clicked: true });
 * console.log(n.caller, n.object); // button { clicked: true }
 * ```
 */
export class Notify extends Ipc {
  /**
   * @param caller - who sends it
   * @param object - what it is about
   */
  constructor(
    readonly caller: unknown,
    readonly object: unknown,
  ) {
    super();
  }
}

/**
 * A status report in words.
 * @remarks Port of Axon.Ipc.status.
 * @example
 * ```ts
 * import { Status } from "kamaelia";
 * console.log(new Status("ready").status()); // ready
 * ```
 */
export class Status extends Ipc {
  readonly #status: string;
  /** @param status - the report */
  constructor(status: string) {
    super();
    this.#status = status;
  }
  /** The report. */
  status(): string {
    return this.#status;
  }
}

/**
 * A hint that a component is about to block.
 * @remarks Port of Axon.Ipc.wouldblock; the scheduler gives it no meaning.
 * @example
 * ```ts
 * import { WouldBlock } from "kamaelia";
 * console.log(new WouldBlock("reader").caller); // reader
 * ```
 */
export class WouldBlock extends Ipc {
  /** @param caller - who would block */
  constructor(readonly caller: unknown) {
    super();
  }
}

/**
 * Reports a non-fatal error, such as a message a component could not handle and skipped.
 * @remarks Port of Axon.Ipc.errorInformation. Components send it from `signal` (or an error outbox)
 * and carry on.
 * @example
 * ```ts
 * import { ErrorInformation } from "kamaelia";
 * const info = new ErrorInformation("Marshaller_3", new TypeError("cannot encode a function"), "skipped");
 * console.log(info.caller, info.message); // Marshaller_3 skipped
 * ```
 */
export class ErrorInformation extends Ipc {
  /**
   * @param caller - who reports it
   * @param exception - the error
   * @param message - what happened, in words
   */
  constructor(
    readonly caller: unknown,
    readonly exception?: unknown,
    readonly message?: unknown,
  ) {
    super();
  }
}
