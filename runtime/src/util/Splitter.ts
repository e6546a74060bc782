/**
 * Splitter: fan-out to destinations attached and detached while it runs, and the messages that do it.
 * @module
 */

import { AdaptiveCommsComponent } from "../axon/AdaptiveCommsComponent.js";
import { Component } from "../axon/Component.js";
import { ErrorInformation, Ipc, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import type { Linkage } from "../axon/Linkage.js";
import { checkShutdown, laterEnd } from "./checkShutdown.js";
import { sendToEach } from "./sendToEach.js";
import { unhandled } from "./unhandled.js";

/**
 * Asks a {@link Splitter} or {@link PlugSplitter} (on its `configuration` inbox) to start sending to a
 * component's inboxes.
 * @remarks Port of Kamaelia.Util.Splitter.addsink. `sinkbox` receives the data; `sinkcontrol`, when
 * given, receives the shutdown messages (and, from a PlugSplitter, every control message). Either may
 * be `null` to leave that side unwired. `passthrough: 2` links to an outbox of `sink` instead (a
 * container passing the data out of itself). Asking again for a destination already attached does
 * nothing.
 * @example
 * ```ts
 * import { AddSink, Component } from "kamaelia";
 * const consumer = new Component();
 * const request = new AddSink(consumer, "inbox", "control");
 * console.log(request.sinkbox, request.sinkcontrol, request.passthrough); // inbox control 0
 * ```
 */
export class AddSink extends Ipc {
  /**
   * @param sink - the component to send to
   * @param sinkbox - its inbox for data, or `null` for none
   * @param sinkcontrol - its inbox for shutdown messages, or `null` for none
   * @param passthrough - 0 to link to inboxes of `sink`, 2 to link to its outboxes
   */
  constructor(
    readonly sink: Component,
    readonly sinkbox: string | null = "inbox",
    readonly sinkcontrol: string | null = null,
    readonly passthrough: 0 | 2 = 0,
  ) {
    super();
  }
}

/**
 * Asks a {@link Splitter} or {@link PlugSplitter} (on its `configuration` inbox) to stop sending to a
 * component's inboxes and unlink from them.
 * @remarks Port of Kamaelia.Util.Splitter.removesink. Name the same inboxes the {@link AddSink} named;
 * `null` leaves that side attached.
 * @example
 * ```ts
 * import { Component, RemoveSink } from "kamaelia";
 * const request = new RemoveSink(new Component(), "inbox", "control");
 * console.log(request.sinkbox, request.sinkcontrol); // inbox control
 * ```
 */
export class RemoveSink extends Ipc {
  /**
   * @param sink - the component to stop sending to
   * @param sinkbox - its data inbox to detach, or `null` for none
   * @param sinkcontrol - its shutdown inbox to detach, or `null` for none
   */
  constructor(
    readonly sink: Component,
    readonly sinkbox: string | null = "inbox",
    readonly sinkcontrol: string | null = null,
  ) {
    super();
  }
}

type Side = "data" | "control";

interface Attachment {
  readonly outbox: string;
  readonly linkage: Linkage;
}

/**
 * The destinations a splitter feeds: an outbox of its own per (component, inbox), data and control apart.
 * @internal
 */
export class Sinks {
  readonly #sides: Record<Side, Map<Component, Map<string, Attachment>>> = { data: new Map(), control: new Map() };

  constructor(readonly owner: AdaptiveCommsComponent) {}

  /** The outboxes that lead to data destinations. */
  outboxes(side: Side): string[] {
    const names: string[] = [];
    for (const byBox of this.#sides[side].values()) for (const { outbox } of byBox.values()) names.push(outbox);
    return names;
  }

  /**
   * Handles a message from the `configuration` inbox: attaches for {@link AddSink}, detaches for
   * {@link RemoveSink}. Returns an `ErrorInformation` describing a request it could not carry out.
   */
  configure(request: unknown): ErrorInformation | undefined {
    if (request instanceof AddSink) {
      try {
        if (request.sinkbox !== null) this.#attach("data", request.sink, request.sinkbox, request.passthrough);
        if (request.sinkcontrol !== null) this.#attach("control", request.sink, request.sinkcontrol, request.passthrough);
      } catch (error) {
        return new ErrorInformation(this.owner, error, `${this.owner.name} could not attach ${request.sink.name}: ${String(error)}`);
      }
      return undefined;
    }
    if (request instanceof RemoveSink) {
      const missing = [
        ...(request.sinkbox === null || this.#detach("data", request.sink, request.sinkbox) ? [] : [request.sinkbox]),
        ...(request.sinkcontrol === null || this.#detach("control", request.sink, request.sinkcontrol) ? [] : [request.sinkcontrol]),
      ];
      if (missing.length === 0) return undefined;
      return new ErrorInformation(
        this.owner,
        undefined,
        `${this.owner.name} could not detach ${request.sink.name}: it does not send to its ${missing.map((box) => JSON.stringify(box)).join(" and ")} inbox. Name the inboxes the AddSink named.`,
      );
    }
    return unhandled(this.owner, "configuration", request, "AddSink or RemoveSink");
  }

  #attach(side: Side, sink: Component, box: string, passthrough: 0 | 2): void {
    const attached = this.#sides[side];
    const byBox = attached.get(sink) ?? new Map<string, Attachment>();
    if (byBox.has(box)) return;
    const owner = this.owner;
    const outbox = owner.addOutbox(`${sink.name}-${box}`);
    try {
      byBox.set(box, { outbox, linkage: owner.link([owner, outbox], [sink, box], { passthrough }) });
    } catch (error) {
      owner.deleteOutbox(outbox);
      throw error;
    }
    attached.set(sink, byBox);
  }

  #detach(side: Side, sink: Component, box: string): boolean {
    const byBox = this.#sides[side].get(sink);
    const attachment = byBox?.get(box);
    if (byBox === undefined || attachment === undefined) return false;
    this.owner.unlink({ thelinkage: attachment.linkage });
    this.owner.deleteOutbox(attachment.outbox);
    byBox.delete(box);
    if (byBox.size === 0) this.#sides[side].delete(sink);
    return true;
  }
}

/**
 * Sends each message from `inbox` to every destination attached through its `configuration` inbox.
 * @remarks Port of Kamaelia.Util.Splitter. Send {@link AddSink} to `configuration` to attach a
 * component's inbox (and, optionally, its control inbox) and {@link RemoveSink} to detach it; any
 * number may be attached, and a component may attach several of its inboxes. Requests are handled
 * before data, so a destination attached before a message gets it. The same message object goes to
 * every destination. A full destination (a size-limited inbox) is retried when it has room before any
 * new message is taken, so nothing is lost and order is kept; requests are still handled meanwhile, so
 * detaching a stuck destination frees the splitter. `ProducerFinished` on `control` is passed on, once
 * every waiting message has been sent, from `signal` and to every attached control inbox;
 * `ShutdownMicroprocess` is passed on at once; then it ends and unlinks every destination (Kamaelia's
 * Splitter ignored `control` and never ended). Other control messages are passed straight on from
 * `signal`. A request it cannot handle is reported as an `ErrorInformation` on `signal`. `outbox` is not
 * used. See {@link Plug} to attach a
 * component for its lifetime, and {@link PlugSplitter} for a splitter that wraps its source.
 * @inbox inbox - messages for every attached destination
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on, then it ends
 * @inbox configuration - `AddSink` and `RemoveSink` requests
 * @outbox outbox - not used
 * @outbox signal - other control messages, `ErrorInformation` for a request it cannot handle, and the shutdown message when it ends
 * @example
 * ```ts
 * import { AddSink, Component, ProducerFinished, Splitter, handle } from "kamaelia";
 * class Printer extends Component {
 *   constructor(readonly label: string) {
 *     super();
 *   }
 *   override *main() {
 *     for (;;) {
 *       while (this.dataReady("inbox")) console.log(this.label, this.recv("inbox"));
 *       if (this.dataReady("control")) return;
 *       this.pause();
 *       yield;
 *     }
 *   }
 * }
 * const first = new Printer("first").activate();
 * const second = new Printer("second").activate();
 * const splitter = handle(new Splitter());
 * splitter.put(new AddSink(first, "inbox", "control"), "configuration");
 * splitter.put(new AddSink(second, "inbox", "control"), "configuration");
 * splitter.put("news");
 * splitter.put(new ProducerFinished(), "control");
 * await splitter.done; // first news, second news
 * ```
 */
export class Splitter extends AdaptiveCommsComponent {
  static override Inboxes = {
    inbox: "messages for every attached destination",
    control: "ProducerFinished or ShutdownMicroprocess: passed on, then it ends",
    configuration: "AddSink and RemoveSink requests",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "other control messages, ErrorInformation for a request it cannot handle, and the shutdown message when it ends",
  };

  readonly #sinks = new Sinks(this);
  #end: ProducerFinished | ShutdownMicroprocess | undefined;

  override *main(): Generator<unknown, void, unknown> {
    const keepWaiting = (): boolean => !this.#mustStop();
    for (;;) {
      if (this.#mustStop()) break;
      if (this.dataReady("inbox") > 0) {
        if (!(yield* sendToEach(this, this.recv("inbox"), this.#sinks.outboxes("data"), keepWaiting))) break;
        continue;
      }
      if (this.#end !== undefined) break;
      this.pause();
      yield;
    }
    yield* sendToEach(this, this.#end, ["signal", ...this.#sinks.outboxes("control")], () => {
      this.#configure();
      return true;
    });
  }

  /** Handles waiting requests, then reads `control`; true once `ShutdownMicroprocess` has arrived. */
  #mustStop(): boolean {
    this.#configure();
    this.#end = laterEnd(this.#end, checkShutdown(this));
    return this.#end instanceof ShutdownMicroprocess;
  }

  #configure(): void {
    while (this.dataReady("configuration") > 0) {
      const problem = this.#sinks.configure(this.recv("configuration"));
      if (problem !== undefined) this.send(problem, "signal");
    }
  }
}
