import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { DeMarshaller, JSONMarshalling, Marshaller, MarshallingError } from "./Marshalling.js";
import { describeMessage } from "./unhandled.js";

/** Kamaelia's example marshalling: integers as decimal text. */
const SerialiseInt = {
  marshall: (n: number) => String(n),
  demarshall: (text: string) => Number.parseInt(text, 10),
};

/** What was thrown by `fn`. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected it to throw");
}

describe("Marshaller", () => {
  it("marshalls each message with the object's marshall method", async () => {
    const out = await runComponent(new Marshaller(SerialiseInt), { inbox: [5, 0, 999], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["5", "0", "999"]);
  });

  it("skips a message the marshalling throws on, reporting it with the error on signal, and carries on", async () => {
    const marshaller = new Marshaller(JSONMarshalling);
    const done = new ProducerFinished();
    const out = await runComponent(marshaller, { inbox: [1n, { ok: true }], control: [done] });
    expect(out["outbox"]).toEqual(['{"ok":true}']);
    const report = out["signal"]?.[0] as ErrorInformation;
    expect(report).toBeInstanceOf(ErrorInformation);
    expect(report.caller).toBe(marshaller);
    expect(report.exception).toBeInstanceOf(TypeError);
    expect(report.message).toBe(
      `${marshaller.name} could not marshall ${describeMessage(1n)} and skipped it. TypeError: ${(report.exception as TypeError).message}`,
    );
    expect(out["signal"]?.[1]).toBe(done);
  });

  it("passes ProducerFinished on after the waiting messages, and ShutdownMicroprocess at once", async () => {
    const done = new ProducerFinished();
    const finished = await runComponent(new Marshaller(SerialiseInt), { control: [done], inbox: [1] });
    expect(finished["outbox"]).toEqual(["1"]);
    expect(finished["signal"]).toEqual([done]);
    const stop = new ShutdownMicroprocess();
    const stopped = await runComponent(new Marshaller(SerialiseInt), { inbox: [1], control: [stop] });
    expect(stopped["outbox"]).toEqual([]);
    expect(stopped["signal"]).toEqual([stop]);
  });
});

describe("DeMarshaller", () => {
  it("demarshalls each message with the object's demarshall method", async () => {
    const out = await runComponent(new DeMarshaller(SerialiseInt), { inbox: ["5", "0", "999"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([5, 0, 999]);
  });

  it("skips a message the marshalling throws on, reporting it with the error on signal, and carries on", async () => {
    const demarshaller = new DeMarshaller(JSONMarshalling);
    const out = await runComponent(demarshaller, { inbox: ["{not json", "[1]"], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([[1]]);
    const report = out["signal"]?.[0] as ErrorInformation;
    expect(report.caller).toBe(demarshaller);
    expect(report.exception).toBeInstanceOf(SyntaxError);
    expect(String(report.message)).toMatch(new RegExp(`^${demarshaller.name} could not demarshall the string "\\{not json" and skipped it\\. SyntaxError: `));
  });

  it("passes ShutdownMicroprocess on at once", async () => {
    const stop = new ShutdownMicroprocess();
    const out = await runComponent(new DeMarshaller(SerialiseInt), { inbox: ["1"], control: [stop] });
    expect(out["outbox"]).toEqual([]);
    expect(out["signal"]).toEqual([stop]);
  });
});

describe("JSONMarshalling", () => {
  it("round-trips what JSON can hold", () => {
    for (const item of [{ x: 1, tags: ["a", null] }, [1, "two", false], "text", 3.5, null]) {
      expect(JSONMarshalling.demarshall(JSONMarshalling.marshall(item))).toEqual(item);
    }
  });

  it("demarshalls UTF-8 bytes as well as strings", () => {
    expect(JSONMarshalling.demarshall(new TextEncoder().encode('{"café":1}'))).toEqual({ café: 1 });
  });

  it("refuses what JSON has no form for, saying what to send instead", () => {
    expect(thrownBy(() => JSONMarshalling.marshall(undefined))).toMatchInlineSnapshot(
      `[MarshallingError: JSONMarshalling cannot marshall undefined: JSON has no form for it. Send null or a value JSON can hold.]`,
    );
    expect(thrownBy(() => JSONMarshalling.marshall(() => 1))).toBeInstanceOf(MarshallingError);
    expect(thrownBy(() => JSONMarshalling.demarshall(42))).toMatchInlineSnapshot(
      `[MarshallingError: JSONMarshalling cannot demarshall the number 42: it takes JSON text, as a string or as UTF-8 bytes.]`,
    );
  });
});
