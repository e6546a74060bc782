import { describe, expect, it } from "vitest";
import { BadComponent, NoSuchBox } from "../axon/AxonExceptions.js";
import { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { Harness, timeline } from "../test-support/harness.js";
import { BadArgument } from "../util/BadArgument.js";
import { InactivityChassis, NoActivityTimeout } from "./InactivityChassis.js";

/** Sends each `[ms, message]` at that virtual time, then waits for control; records when control came. */
class Connection extends Component {
  closedAt: number | undefined;
  readonly closedBy: unknown[] = [];

  constructor(readonly schedule: readonly (readonly [number, unknown])[] = []) {
    super();
  }

  override *main(): Generator<unknown, void, unknown> {
    const now = (): number => this.scheduler?.clock.now() ?? 0;
    for (const [at, message] of this.schedule) {
      if (at > now()) yield this.sleep(at - now());
      if (this.dataReady("control") > 0) break;
      this.send(message);
    }
    while (this.dataReady("control") === 0) {
      this.pause();
      yield;
    }
    this.closedAt = now();
    const end = this.recv("control");
    this.closedBy.push(end);
    this.send(end, "signal");
  }
}

/** Echoes its inbox from its outbox until told to stop; ends silently. */
class SilentEcho extends Component {
  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      while (this.dataReady("inbox") > 0) this.send(this.recv("inbox"));
      if (this.dataReady("control") > 0) return;
      this.pause();
      yield;
    }
  }
}

describe("InactivityChassis", () => {
  it("sends a component that sent x at 50 ms and then went quiet ProducerFinished at 150 ms with a 100 ms timeout", async () => {
    const connection = new Connection([[50, "x"]]);
    const chassis = new InactivityChassis(connection, { timeout: 100 });
    const harness = new Harness(chassis);
    expect(timeline(harness)).toEqual([[50, "x"]]);
    await harness.finish();
    expect(connection.closedAt).toBe(150);
    expect(connection.closedBy).toEqual([new ProducerFinished(chassis)]);
    expect(harness.take("signal")).toEqual([new ProducerFinished(chassis)]);
    expect(chassis.finished).toBe(true);
  });

  it("leaves a component that sends every 50 ms alone for 1000 ms with a 100 ms timeout", async () => {
    const sends = Array.from({ length: 20 }, (_, i) => [(i + 1) * 50, i] as const);
    const connection = new Connection(sends);
    const harness = new Harness(new InactivityChassis(connection, { timeout: 100 }));
    timeline(harness, "outbox", 1000);
    expect(connection.closedAt).toBeUndefined();
    expect(harness.clock.now()).toBe(1000);
    await harness.finish();
    expect(connection.closedAt).toBe(1100);
  });

  it("passes its inboxes to the component and the component's outboxes out of its own", () => {
    const harness = new Harness(new InactivityChassis(new SilentEcho(), { timeout: 100 })).send("inbox", "ping").settle();
    expect(harness.take("outbox")).toEqual(["ping"]);
  });

  it("mirrors boxes the component has beyond the usual four", () => {
    class Handler extends SilentEcho {
      static override Inboxes = { inbox: "data", control: "shutdown", ReadReady: "ready" };
      static override Outboxes = { outbox: "data", signal: "shutdown", CreatorFeedback: "feedback" };
    }
    const chassis = new InactivityChassis(new Handler());
    expect(Object.keys(chassis.inboxes)).toEqual(["inbox", "control", "ReadReady"]);
    expect(Object.keys(chassis.outboxes).filter((name) => !name.startsWith("_"))).toEqual(["outbox", "signal", "CreatorFeedback"]);
  });

  it("counts messages sent to a watched inbox as activity", () => {
    const connection = new Connection();
    const harness = new Harness(new InactivityChassis(connection, { timeout: 100, watch: ["inbox"] })).settle();
    harness.advance(80).send("inbox", "keepalive");
    timeline(harness);
    expect(connection.closedAt).toBe(180);
  });

  it("does not count traffic on boxes it does not watch", () => {
    const connection = new Connection();
    const harness = new Harness(new InactivityChassis(connection, { timeout: 100 })).settle();
    harness.advance(80).send("inbox", "ignored");
    timeline(harness);
    expect(connection.closedAt).toBe(100);
  });

  it("sends ProducerFinished from signal and ends, leaving no timer, when the component ends silently", async () => {
    const chassis = new InactivityChassis(new SilentEcho(), { timeout: 100 });
    const harness = new Harness(chassis).send("inbox", "last").settle();
    await harness.send("control", "stop please").finish();
    expect(harness.take("outbox")).toEqual(["last"]);
    expect(harness.take("signal")).toEqual([new ProducerFinished(chassis)]);
    expect(harness.clock.now()).toBe(0);
    expect(harness.clock.pending()).toBe(0);
  });

  it("passes ShutdownMicroprocess to the component at once and ends with it", async () => {
    const connection = new Connection();
    const stop = new ShutdownMicroprocess();
    const harness = new Harness(new InactivityChassis(connection, { timeout: 100 })).settle();
    await harness.advance(10).send("control", stop).finish();
    expect(connection.closedAt).toBe(10);
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.clock.pending()).toBe(0);
  });

  it("refuses boxes it cannot watch and things that are not components", () => {
    expect(() => new InactivityChassis(new Component(), { watch: ["control"] })).toThrow(BadArgument);
    expect(() => new InactivityChassis(new Component(), { watch: ["outbox", "inbox", "a", "b"] })).toThrow(BadArgument);
    expect(() => new InactivityChassis(new Component(), { watch: ["CreatorFeedback"] })).toThrow(NoSuchBox);
    expect(() => new InactivityChassis("handler" as unknown as Component)).toThrow(BadComponent);
  });
});

describe("NoActivityTimeout", () => {
  it("makes a factory that wraps what the given factory makes, passing its arguments on", async () => {
    const make = NoActivityTimeout((at: number) => new Connection([[at, "hi"]]), { timeout: 30 });
    const chassis = make(10);
    expect(chassis).toBeInstanceOf(InactivityChassis);
    const harness = new Harness(chassis);
    expect(timeline(harness)).toEqual([[10, "hi"]]);
    await harness.finish();
    expect(harness.clock.now()).toBe(40);
  });
});
