import { describe, expect, it } from "vitest";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, thrown } from "../test-support/harness.js";
import { Chooser } from "../util/Chooser.js";
import { ForwardIteratingChooser } from "../util/ForwardIteratingChooser.js";
import { Carousel } from "./Carousel.js";
import { Graphline } from "./Graphline.js";
import { JoinChooserToCarousel } from "./JoinChooserToCarousel.js";

/** Sends "<track> played", then ProducerFinished, and ends. */
class Play extends Component {
  constructor(readonly track: unknown) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    this.send(`${String(this.track)} played`);
    yield;
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Echoes its inbox, tagged with its item, until a control message arrives; then passes it on and ends. */
class Viewer extends Component {
  constructor(readonly item: unknown) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) this.send(`${String(this.item)}: ${String(this.recv("inbox"))}`);
      if (this.dataReady("control") > 0) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

describe("JoinChooserToCarousel", () => {
  it("makes a carousel child from each item the chooser gives, asking for the next when one ends", async () => {
    const playlist = new ForwardIteratingChooser(["a.mp3", "b.mp3", "c.mp3"]);
    const harness = new Harness(new JoinChooserToCarousel(playlist, new Carousel((track) => new Play(track))));
    await harness.finish();
    expect(harness.take("outbox")).toEqual(["a.mp3 played", "b.mp3 played", "c.mp3 played"]);
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
    expect(harness.component).toBeInstanceOf(Graphline);
  });

  it("feeds its inbox to the carousel's current child", () => {
    const harness = new Harness(new JoinChooserToCarousel(new Chooser(["slide 1"]), new Carousel((item) => new Viewer(item)))).settle();
    harness.send("inbox", "zoom").settle();
    expect(harness.take("outbox")).toEqual(["slide 1: zoom"]);
  });

  it("passes its control to the chooser, which shuts the carousel and its child down", async () => {
    const made: Viewer[] = [];
    const carousel = new Carousel((item) => {
      const viewer = new Viewer(item);
      made.push(viewer);
      return viewer;
    });
    const harness = new Harness(new JoinChooserToCarousel(new Chooser(["slide 1", "slide 2"]), carousel)).settle();
    const stop = new ShutdownMicroprocess();
    harness.send("control", stop);
    await harness.finish();
    expect(harness.take("signal")).toEqual([stop]);
    expect(made.map((viewer) => [viewer.item, viewer.finished])).toEqual([["slide 1", true]]);
  });

  it("refuses a chooser or carousel that lacks a box it wires", () => {
    expect(thrown(() => new JoinChooserToCarousel(new Chooser([]), new Component()))).toMatchInlineSnapshot(`"InvalidComponentInterface: Component_N lacks the inboxes "next" that this use requires. Declare them in static Inboxes, or pass a component that has them."`);
  });
});
