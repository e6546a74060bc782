/**
 * TestResult: fails the system when a falsy message arrives; stops it on request.
 * @module
 */

import { AxonException } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { Ipc, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { repr } from "./repr.js";

/**
 * Asks a {@link TestResult} to stop the whole system: every component on its scheduler.
 * @remarks Port of Kamaelia.Util.TestResult.StopSystem. Kamaelia raised `StopSystemException` to halt
 * the scheduler; here the scheduler is stopped and `runThreads()` (or `run()`) resolves normally.
 * @example
 * ```ts
 * import { Ipc, StopSystem } from "kamaelia";
 * console.log(new StopSystem() instanceof Ipc); // true
 * ```
 */
export class StopSystem extends Ipc {}

/**
 * A {@link TestResult} received a falsy message.
 * @remarks Kamaelia raised Python's `AssertionError` here. It ends the TestResult with this error, so
 * `runThreads()` (or `run()`) rejects with a `ComponentError` whose `cause` is this.
 * @example
 * ```ts
 * import { ComponentError, DataSource, Pipeline, TestResult, TestResultFailed } from "kamaelia";
 * try {
 *   await new Pipeline(new DataSource([true, 0]), new TestResult()).run();
 * } catch (error) {
 *   if (error instanceof ComponentError) console.log(error.cause instanceof TestResultFailed); // true
 * }
 * ```
 */
export class TestResultFailed extends AxonException {
  /**
   * @param component - the TestResult
   * @param received - the falsy message
   */
  constructor(
    readonly component: {
      /** The component's name, as messages quote it. */
      readonly name: string;
    },
    readonly received: unknown,
  ) {
    super(
      `${component.name} received ${repr(received)}, which is falsy: every message sent to a TestResult must be truthy. ` +
        `Look at what feeds its inbox.`,
    );
  }
}

/**
 * Checks that every message it receives is truthy, for tests: a falsy one ends it with an error, and a
 * `StopSystem` message stops the whole system.
 * @remarks Port of Kamaelia.Util.TestResult. Truthy means what it means in JavaScript: `0`, `""`,
 * `false`, `null`, `undefined` and `NaN` fail (an empty array does not, unlike Python's empty list).
 * A falsy message ends it with a {@link TestResultFailed} error, which fails the system unless a
 * container contains it. Nothing leaves `outbox`. `StopSystem` on `control` stops its scheduler: every
 * component ends and `runThreads()` resolves. `ShutdownMicroprocess` or `ProducerFinished` (after every
 * waiting message has been checked) is passed on from `signal` and it ends; Kamaelia's never ended.
 * Other control messages are passed on from `signal`.
 * @inbox inbox - messages that must all be truthy
 * @inbox control - `StopSystem` (stop everything), or `ProducerFinished` or `ShutdownMicroprocess`
 * @outbox outbox - not used
 * @outbox signal - the shutdown message when it ends, and other control messages
 * @example
 * ```ts
 * import { Comparator, DataSource, Graphline, TestResult } from "kamaelia";
 * await new Graphline(
 *   { A: new DataSource(["x", "y"]), B: new DataSource(["x", "y"]), COMPARE: new Comparator(), CHECK: new TestResult() },
 *   { linkages: { "A.outbox": "COMPARE.inA", "B.outbox": "COMPARE.inB", "A.signal": "COMPARE.control", "COMPARE.outbox": "CHECK.inbox", "COMPARE.signal": "CHECK.control" } },
 * ).run();
 * console.log("the streams match"); // the streams match
 * ```
 */
export class TestResult extends Component {
  static override Inboxes = {
    inbox: "messages that must all be truthy",
    control: "StopSystem (stop everything), or ProducerFinished or ShutdownMicroprocess",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the shutdown message when it ends, and other control messages",
  };

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) {
        const message = this.recv("inbox");
        if (!message) throw new TestResultFailed(this, message);
      }
      let finished: ProducerFinished | undefined;
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof StopSystem) {
          this.scheduler?.stop();
          return;
        }
        if (message instanceof ShutdownMicroprocess) {
          this.send(message, "signal");
          return;
        }
        if (message instanceof ProducerFinished) finished ??= message;
        else this.send(message, "signal");
      }
      if (finished !== undefined) {
        this.send(finished, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}
