import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { ForwardIteratingChooser } from "./ForwardIteratingChooser.js";

describe("ForwardIteratingChooser", () => {
  it("sends the first item at once and the next one for each NEXT", () => {
    const harness = new Harness(new ForwardIteratingChooser(["a", "b", "c"])).settle();
    expect(harness.take()).toEqual(["a"]);
    harness.send("inbox", "NEXT").settle();
    expect(harness.take()).toEqual(["b"]);
    harness.send("inbox", "SAME", "NEXT").settle();
    expect(harness.take()).toEqual(["b", "c"]);
  });

  it("sends ProducerFinished from signal and ends at a NEXT past the last item", async () => {
    const chooser = new ForwardIteratingChooser(["a"]);
    const out = await runComponent(chooser, { inbox: ["NEXT", "NEXT"] });
    expect(out["outbox"]).toEqual(["a"]);
    expect(out["signal"]).toEqual([new ProducerFinished(chooser)]);
  });

  it("ends at once with ProducerFinished when the iterable is empty", async () => {
    const chooser = new ForwardIteratingChooser([]);
    const out = await runComponent(chooser);
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([new ProducerFinished(chooser)]);
  });

  it("takes items from an endless iterable only as they are asked for", () => {
    let made = 0;
    function* naturals(): Generator<number> {
      for (;;) yield made++;
    }
    const harness = new Harness(new ForwardIteratingChooser(naturals())).send("inbox", "NEXT", "NEXT").settle();
    expect(harness.take()).toEqual([0, 1, 2]);
    expect(made).toBe(3);
  });

  it("closes the iterator when it is shut down", async () => {
    let closed = false;
    function* tracks(): Generator<string> {
      try {
        yield "one";
        yield "two";
      } finally {
        closed = true;
      }
    }
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new ForwardIteratingChooser(tracks())).settle();
    await harness.send("inbox", "NEXT").send("control", stop).finish();
    expect(harness.take()).toEqual(["one"]);
    expect(harness.take("signal")).toEqual([stop]);
    expect(closed).toBe(true);
  });

  it("passes ProducerFinished on after handling the waiting commands, then ends", async () => {
    const done = new ProducerFinished("buttons");
    const out = await runComponent(new ForwardIteratingChooser(["a", "b", "c"]), { control: [done], inbox: ["NEXT"] });
    expect(out["outbox"]).toEqual(["a", "b"]);
    expect(out["signal"]).toEqual([done]);
  });

  it("reports a command it cannot handle as ErrorInformation and carries on", () => {
    const chooser = new ForwardIteratingChooser(["a", "b"]);
    const harness = new Harness(chooser).send("inbox", "PREV", "NEXT").settle();
    expect(harness.take()).toEqual(["a", "b"]);
    const [report] = harness.take("signal") as ErrorInformation[];
    expect(report?.message).toBe(`${chooser.name} skipped the string "PREV" on its "inbox" inbox: it accepts "NEXT" or "SAME".`);
    expect(chooser.finished).toBe(false);
  });
});
