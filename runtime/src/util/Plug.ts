/**
 * Plug: a component attached to a splitter for as long as it runs.
 * @module
 */

import { BadComponent } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { Container } from "../chassis/Container.js";
import { AddSink, RemoveSink } from "./Splitter.js";

/**
 * Wraps a component and attaches it to a splitter (a {@link PlugSplitter} or {@link Splitter}) as a
 * destination while it runs, detaching it when it ends.
 * @remarks Port of Kamaelia.Util.Splitter.Plug. When it runs it links its `splitter_config` outbox to the
 * splitter's `configuration` inbox and sends `AddSink(plug, "inbox", "control")`, so the splitter's data
 * reaches the wrapped component's `inbox` and its shutdown messages the component's `control`. Its own
 * `inbox` and `control` feed the component's, and the component's `outbox` and `signal` leave from its
 * own. The component is a child: it is activated when the plug runs (do not activate it yourself). When
 * it ends the plug sends `RemoveSink(plug, "inbox", "control")` and ends. A child that fails ends the
 * plug with that error, unless `containErrors()` was called.
 * @inbox inbox - data for the wrapped component (the splitter sends here)
 * @inbox control - shutdown messages for the wrapped component (the splitter sends here)
 * @outbox outbox - data from the wrapped component
 * @outbox signal - shutdown messages from the wrapped component
 * @outbox splitter_config - `AddSink` and `RemoveSink` for the splitter
 * @example
 * ```ts
 * import { Component, Plug, PlugSplitter, ProducerFinished } from "kamaelia";
 * class Headlines extends Component {
 *   override *main() {
 *     yield;
 *     for (const line of ["storm", "sunshine"]) this.send(line);
 *     this.send(new ProducerFinished(this), "signal");
 *   }
 * }
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
 * const news = new PlugSplitter(new Headlines());
 * new Plug(news, new Printer("radio")).activate();
 * new Plug(news, new Printer("paper")).activate();
 * await news.run(); // radio storm, radio sunshine, paper storm, paper sunshine
 * ```
 */
export class Plug extends Container {
  static override Inboxes = {
    inbox: "data for the wrapped component (the splitter sends here)",
    control: "shutdown messages for the wrapped component (the splitter sends here)",
  };
  static override Outboxes = {
    outbox: "data from the wrapped component",
    signal: "shutdown messages from the wrapped component",
    splitter_config: "AddSink and RemoveSink for the splitter",
  };

  readonly #splitter: Component;
  readonly #component: Component;

  /**
   * @param splitter - the splitter to attach to: any component with a `configuration` inbox that takes `AddSink` and `RemoveSink`
   * @param component - the component to receive the splitter's messages
   */
  constructor(splitter: Component, component: Component) {
    super();
    if (!(splitter instanceof Component)) throw new BadComponent(splitter, "Plug's first argument is the splitter to attach to: new Plug(splitter, component).");
    if (!(component instanceof Component)) throw new BadComponent(component, "Plug's second argument is the component to attach: new Plug(splitter, component).");
    this.#splitter = splitter;
    this.#component = component;
  }

  override *main(): Generator<unknown, void, unknown> {
    const component = this.#component;
    this.link([this, "splitter_config"], [this.#splitter, "configuration"]);
    this.link([this, "inbox"], [component, "inbox"], { passthrough: 1 });
    this.link([this, "control"], [component, "control"], { passthrough: 1 });
    this.link([component, "outbox"], [this, "outbox"], { passthrough: 2 });
    this.link([component, "signal"], [this, "signal"], { passthrough: 2 });
    this.send(new AddSink(this, "inbox", "control"), "splitter_config");
    yield* this.runChildren(component);
    this.send(new RemoveSink(this, "inbox", "control"), "splitter_config");
  }
}
