import { describe, expect, it } from "vitest";
import { BadComponent, ComponentError } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, MockChild, Thrower, drain, rejection } from "../test-support/harness.js";
import { Carousel } from "./Carousel.js";

/** Echoes its inbox, tagged with its label, until a control message arrives; then passes it on and ends. */
class Echo extends Component {
  constructor(readonly label: unknown) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) this.send(`${String(this.label)}: ${String(this.recv("inbox"))}`);
      if (this.dataReady("control") > 0) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** Sends its text and ProducerFinished, then ends. */
class Say extends Component {
  constructor(readonly text: unknown) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    this.send(this.text);
    yield;
    this.send(new ProducerFinished(this), "signal");
  }
}

/** A Carousel of Echo children, remembering each child it made. */
function echoCarousel(make1stRequest = false): { carousel: Carousel; made: Echo[] } {
  const made: Echo[] = [];
  const carousel = new Carousel((label) => {
    const child = new Echo(label);
    made.push(child);
    return child;
  }, make1stRequest);
  return { carousel, made };
}

describe("Carousel", () => {
  it("makes a child with the factory from each message on next, and runs it on its own scheduler", () => {
    const { carousel, made } = echoCarousel();
    const harness = new Harness(carousel).settle();
    expect(made).toEqual([]);
    harness.send("next", "first").settle();
    expect(made.map((child) => [child.label, child.scheduler === harness.scheduler, child.parent === carousel])).toEqual([["first", true, true]]);
  });

  it("feeds its inbox to the current child and sends the child's outbox out of its own", () => {
    const { carousel } = echoCarousel();
    const harness = new Harness(carousel).send("next", "A").settle();
    harness.send("inbox", 1, 2).settle();
    expect(harness.take("outbox")).toEqual(["A: 1", "A: 2"]);
  });

  it("keeps data that arrives before any child for the next child", () => {
    const { carousel } = echoCarousel();
    const harness = new Harness(carousel).send("inbox", "early").settle();
    harness.send("next", "A").settle();
    expect(harness.take("outbox")).toEqual(["A: early"]);
  });

  it("with make1stRequest, asks for NEXT as soon as it starts", () => {
    expect(new Harness(echoCarousel(true).carousel).settle().take("requestNext")).toEqual(["NEXT"]);
    expect(new Harness(echoCarousel(false).carousel).settle().take("requestNext")).toEqual([]);
  });

  it("asks for NEXT once after each child has ended", () => {
    const harness = new Harness(new Carousel((text) => new Say(text))).send("next", "one").settle();
    expect([harness.take("outbox"), harness.take("requestNext")]).toEqual([["one"], ["NEXT"]]);
    harness.send("next", "two").settle();
    expect([harness.take("outbox"), harness.take("requestNext")]).toEqual([["two"], ["NEXT"]]);
    expect(harness.take("signal")).toEqual([]);
  });

  it("asks for NEXT when a child that ends silently has ended", () => {
    const child = new MockChild();
    const harness = new Harness(new Carousel(() => child)).send("next", "go").settle();
    expect(harness.take("requestNext")).toEqual([]);
    child.stopNow();
    harness.settle();
    expect(harness.take("requestNext")).toEqual(["NEXT"]);
  });

  it("when the child sends a shutdown message from signal, unplugs it, tells it to shut down and asks for NEXT", () => {
    const child = new MockChild();
    const harness = new Harness(new Carousel(() => child)).send("next", "go").settle();
    child.send(new ProducerFinished(child), "signal");
    harness.settle();
    expect(harness.take("requestNext")).toEqual(["NEXT"]);
    expect(drain(child, "control")).toEqual([expect.any(ShutdownMicroprocess)]);
    harness.send("inbox", "after").settle();
    expect(drain(child, "inbox")).toEqual([]);
  });

  it("replacing a child tells the old one to shut down and unwires it, and wires the new one", () => {
    const { carousel, made } = echoCarousel();
    const harness = new Harness(carousel).send("next", "old").settle();
    harness.send("next", "new").settle();
    const [old, current] = made as [Echo, Echo];
    expect(old.finished).toBe(true);
    expect(harness.take("outbox")).toEqual([]);
    harness.send("inbox", "x").settle();
    expect(harness.take("outbox")).toEqual(["new: x"]);
    expect([current.finished, carousel.childComponents()]).toEqual([false, [current]]);
    expect(harness.take("requestNext")).toEqual([]);
  });

  it("on ShutdownMicroprocess, tells the child to shut down, passes the message on from signal and ends at once", () => {
    const { carousel, made } = echoCarousel();
    const harness = new Harness(carousel).send("next", "A").settle();
    const stop = new ShutdownMicroprocess();
    harness.send("control", stop).settle();
    expect([carousel.finished, made.map((child) => child.finished)]).toEqual([true, [true]]);
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.take("requestNext")).toEqual([]);
  });

  it("on ProducerFinished, passes it to the current child, lets it finish, then passes it on and ends", () => {
    const child = new MockChild();
    const harness = new Harness(new Carousel(() => child)).send("next", "go").settle();
    const done = new ProducerFinished();
    harness.send("control", done).settle();
    expect([harness.component.finished, drain(child, "control"), harness.take("signal")]).toEqual([false, [done], []]);
    child.stopNow();
    harness.settle();
    expect([harness.component.finished, harness.take("signal")]).toEqual([true, [done]]);
  });

  it("on ProducerFinished with no child, ends at once", async () => {
    const done = new ProducerFinished();
    const harness = new Harness(echoCarousel().carousel).send("control", done);
    await harness.finish();
    expect(harness.take("signal")).toEqual([done]);
  });

  it("handles every control message waiting, not only the first", () => {
    const { carousel } = echoCarousel();
    const harness = new Harness(carousel).send("next", "A").settle();
    harness.send("control", "hello", new ShutdownMicroprocess()).settle();
    expect(carousel.finished).toBe(true);
  });

  it("fails with BadComponent when the factory returns something else", async () => {
    const notAComponent: unknown = {};
    const harness = new Harness(new Carousel(() => notAComponent as Component)).send("next", "x");
    const error = await rejection(harness.finish());
    expect((error as ComponentError).cause).toBeInstanceOf(BadComponent);
    expect((error as ComponentError).component).toBe(harness.component);
  });

  it("ends with the error of a child that throws", async () => {
    const broken = new Thrower(new Error("cannot decode"));
    const harness = new Harness(new Carousel(() => broken)).send("next", "x");
    const error = await rejection(harness.finish());
    expect((error as ComponentError).component).toBe(broken);
    expect(harness.component.exitError).toBe(error);
  });

  it("with containErrors, reports a child that throws and asks for NEXT", () => {
    const reports: ComponentError[] = [];
    const carousel = new Carousel(() => new Thrower(new Error("cannot decode"))).containErrors((failure) => reports.push(failure));
    const harness = new Harness(carousel).send("next", "x").settle();
    expect(reports).toHaveLength(1);
    expect([carousel.finished, harness.take("requestNext")]).toEqual([false, ["NEXT"]]);
  });
});
