/**
 * Using a component from ordinary code: put messages in, await what comes out.
 * @module
 */

import { AxonException, ComponentError } from "./AxonExceptions.js";
import { AsyncComponent } from "./AsyncComponent.js";
import type { Component } from "./Component.js";
import { ShutdownMicroprocess } from "./Ipc.js";
import { Scheduler } from "./Scheduler.js";

/** Options for {@link handle}. */
export interface HandleOptions {
  /**
   * How many messages from each outbox may wait, unread, in the handle. Unset: no limit. With a limit a
   * component that sends faster than you read is held back: `AsyncComponent.sendWhenSpace` waits, and a
   * plain `send` throws `NoSpaceInBox`, so use it with components that handle backpressure.
   */
  readonly capacity?: number;
}

/**
 * A component driven from ordinary code: see {@link handle}.
 */
export interface Handle {
  /** The component being driven. */
  readonly component: Component;
  /** Resolves when the component has ended; rejects if it (or its system) failed. */
  readonly done: Promise<void>;
  /**
   * Puts `message` into one of the component's inboxes (default `"inbox"`). Throws `NoSpaceInBox` when
   * that inbox is full, and `HandleClosed` once the component has ended.
   */
  put(message: unknown, inbox?: string): void;
  /**
   * Resolves with the next message from one of the component's outboxes (default `"outbox"`), waiting
   * for one. Rejects with `HandleClosed` once the component has ended and nothing is left.
   */
  get(outbox?: string): Promise<unknown>;
  /** Sends `ShutdownMicroprocess` to the component's `control` inbox and resolves when it has ended. */
  shutdown(): Promise<void>;
  /** The messages from `"outbox"`, until the component ends. */
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

/**
 * The component behind a {@link Handle} has ended, so nothing more can be put or got.
 * @remarks `get()` still returns messages that arrived before the end; this error comes after them.
 * @example
 * ```ts
 * import { Component, HandleClosed, handle } from "kamaelia";
 * const h = handle(new Component());
 * await h.done;
 * try {
 *   await h.get();
 * } catch (error) {
 *   console.log(error instanceof HandleClosed); // true
 * }
 * ```
 */
export class HandleClosed extends AxonException {
  /**
   * @param component - the component that ended
   * @param what - what was attempted
   */
  constructor(
    readonly component: {
      /** The component's name, as messages quote it. */
      readonly name: string;
    },
    what: string,
  ) {
    super(`${component.name} has ended, so ${what}. Check handle.done, or stop reading when iteration ends.`);
  }
}

interface Getter {
  readonly box: string;
  readonly resolve: (message: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** The container a handle uses to own the links to the component it drives. */
function isPublic(box: string): boolean {
  return !box.startsWith("_");
}

class HandleComponent extends AsyncComponent {
  static override Inboxes = [];
  static override Outboxes = [];
  readonly #child: Component;
  #getters: Getter[] = [];
  #failure: unknown = undefined;
  /** Called once when the handle's container ends, after its child. */
  onEnd: () => void = () => undefined;

  constructor(child: Component, capacity: number | undefined) {
    super();
    this.#child = child;
    // Boxes whose names start with "_" are the child's own wiring (a Graphline's _cs): leave them alone.
    for (const name of Object.keys(child.inboxes).filter(isPublic)) {
      this._createOutbox(name);
      this.link([this, name], [child, name]);
    }
    for (const name of Object.keys(child.outboxes).filter(isPublic)) {
      this._createInbox(name);
      this.link([child, name], [this, name], capacity === undefined ? {} : { pipewidth: capacity });
    }
    this.addChildren(child);
  }

  override async main(): Promise<void> {
    // Messages may have arrived before this container first ran, when arrivals do not reach _asyncWake.
    this.#serve();
    this.#child.activate(this.scheduler ?? Scheduler.run);
    await this.childrenDone();
  }

  get(box: string): Promise<unknown> {
    // Rejections carry whatever the component failed with (a ComponentError) or HandleClosed.
    /* eslint-disable @typescript-eslint/prefer-promise-reject-errors */
    if (this.dataReady(box) > 0) return Promise.resolve(this.recv(box));
    if (this.finished) return Promise.reject(this.#closed(`there is nothing more to get from ${JSON.stringify(box)}`));
    return new Promise((resolve, reject) => this.#getters.push({ box, resolve, reject }));
    /* eslint-enable @typescript-eslint/prefer-promise-reject-errors */
  }

  fail(error: unknown): void {
    this.#failure = error;
    this.#serve();
  }

  override _asyncWake(): void {
    super._asyncWake();
    this.#serve();
  }

  override _closeDown(): void {
    super._closeDown();
    this.#serve();
    this.onEnd();
  }

  #closed(what: string): unknown {
    if (this.#failure !== undefined) return this.#failure;
    const failed = this.#child.exitError;
    if (failed !== undefined) return failed instanceof ComponentError ? failed : new ComponentError(this.#child, failed);
    return new HandleClosed(this.#child, what);
  }

  #serve(): void {
    const getters = this.#getters;
    this.#getters = [];
    for (const getter of getters) {
      if (this.dataReady(getter.box) > 0) getter.resolve(this.recv(getter.box));
      else if (this.finished || this.#failure !== undefined) getter.reject(this.#closed(`there is nothing more to get from ${JSON.stringify(getter.box)}`));
      else this.#getters.push(getter);
    }
  }
}

/**
 * Drives a component from ordinary code: `put` messages into its inboxes, `await get()` what it sends,
 * iterate its output with `for await`, and `shutdown()` it.
 * @remarks Port of Axon's Handle (and LikeFile), without threads or polling: the component is
 * activated on the default scheduler, which is started if it is not running; messages are handed over
 * the moment they are sent, including those sent in the component's last step. If the component
 * fails, pending and later `get()` calls and iteration reject with its `ComponentError`. Pass
 * `{ capacity }` to hold back a component that sends faster than you read.
 * @example
 * ```ts
 * import { Component, handle } from "kamaelia";
 * class Upper extends Component {
 *   override *main() {
 *     for (;;) {
 *       while (this.dataReady("inbox")) this.send(String(this.recv("inbox")).toUpperCase());
 *       if (this.dataReady("control")) return;
 *       this.pause();
 *       yield;
 *     }
 *   }
 * }
 * const upper = handle(new Upper());
 * upper.put("hello");
 * console.log(await upper.get()); // HELLO
 * await upper.shutdown();
 * ```
 */
export function handle(component: Component, options: HandleOptions = {}): Handle {
  const scheduler = component.scheduler ?? Scheduler.run;
  const holder = new HandleComponent(component, options.capacity);
  holder.activate(scheduler);
  const running = scheduler.runThreads();
  const done = new Promise<void>((resolve, reject) => {
    holder.onEnd = () => {
      if (component.exitError === undefined) resolve();
      else reject(new ComponentError(component, component.exitError));
    };
    running.catch((error: unknown) => {
      holder.fail(error);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- runThreads rejects with a ComponentError
      reject(error);
    });
  });
  // A failure is reported through get() and done; keep it from also surfacing as unhandled.
  done.catch(() => undefined);
  const result: Handle = {
    component,
    done,
    put(message: unknown, inbox = "inbox"): void {
      if (component.finished) throw new HandleClosed(component, `nothing more can be put into ${JSON.stringify(inbox)}`);
      holder.send(message, inbox);
    },
    get(outbox = "outbox"): Promise<unknown> {
      return holder.get(outbox);
    },
    async shutdown(): Promise<void> {
      if (!component.finished) holder.send(new ShutdownMicroprocess(), "control");
      await done;
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<unknown, void, undefined> {
      for (;;) {
        let message: unknown;
        try {
          message = await holder.get("outbox");
        } catch (error) {
          if (error instanceof HandleClosed) return;
          throw error;
        }
        yield message;
      }
    },
  };
  return result;
}
