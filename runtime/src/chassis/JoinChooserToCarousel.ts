/**
 * JoinChooserToCarousel: a Chooser picking what a Carousel makes next.
 * @module
 */

import type { Component } from "../axon/Component.js";
import { testInterface } from "../axon/testInterface.js";
import { Graphline } from "./Graphline.js";

/**
 * Wires a chooser (such as a `Chooser` or `ForwardIteratingChooser`) to a {@link Carousel}, so that
 * each time the carousel asks for its next child, the chooser says what to make it from: a playlist
 * feeding a reusable player, a list of pictures feeding a viewer.
 * @remarks Port of Kamaelia.Chassis.Prefab.JoinChooserToCarousel (a function returning a Graphline
 * there; a Graphline subclass here). The chooser's `outbox` feeds the carousel's `next` and its `signal`
 * the carousel's `control`; the carousel's `requestNext` feeds the chooser's `inbox`. Its own `inbox`
 * feeds the carousel (so the current child), its `control` feeds the chooser (which passes shutdown on
 * to the carousel), and the carousel's `outbox` and `signal` leave from its own. Make the carousel
 * without `make1stRequest` when the chooser sends its first item by itself, as `Chooser` does. It ends
 * when both have ended: a `ForwardIteratingChooser` that runs out ends the carousel after its last
 * child, and so the whole. Construction throws `InvalidComponentInterface` if either lacks a box it wires.
 * @inbox inbox - data for the carousel's current child
 * @inbox control - shutdown messages for the chooser, which passes them on to the carousel
 * @outbox outbox - data from the carousel's children
 * @outbox signal - the carousel's shutdown message when it ends
 * @example
 * ```ts
 * import { Carousel, Component, ConsoleEchoer, ForwardIteratingChooser, JoinChooserToCarousel, Pipeline, ProducerFinished } from "kamaelia";
 * class Play extends Component {
 *   constructor(readonly track: string) {
 *     super();
 *   }
 *   override *main() {
 *     this.send(`playing ${this.track}`);
 *     yield;
 *     this.send(new ProducerFinished(this), "signal");
 *   }
 * }
 * const playlist = new ForwardIteratingChooser(["intro.mp3", "song.mp3"]);
 * const player = new Carousel((track) => new Play(String(track)));
 * await new Pipeline(new JoinChooserToCarousel(playlist, player), new ConsoleEchoer()).run(); // playing intro.mp3, playing song.mp3
 * ```
 */
export class JoinChooserToCarousel extends Graphline {
  /**
   * @param chooser - sends what to make next from `outbox`, prompted by `"NEXT"` on `inbox`
   * @param carousel - a {@link Carousel}, or any component with its boxes (`next` in, `requestNext` out)
   */
  constructor(chooser: Component, carousel: Component) {
    super(
      { CHOOSER: chooser, CAROUSEL: carousel },
      {
        linkages: {
          "CHOOSER.outbox": "CAROUSEL.next",
          "CHOOSER.signal": "CAROUSEL.control",
          "self.inbox": "CAROUSEL.inbox",
          "self.control": "CHOOSER.control",
          "CAROUSEL.requestNext": "CHOOSER.inbox",
          "CAROUSEL.outbox": "self.outbox",
          "CAROUSEL.signal": "self.signal",
        },
      },
    );
    testInterface(chooser, [
      ["inbox", "control"],
      ["outbox", "signal"],
    ]);
    testInterface(carousel, [
      ["inbox", "control", "next"],
      ["outbox", "signal", "requestNext"],
    ]);
  }
}
