import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished } from "../axon/Ipc.js";
import { runComponent, thrown } from "../test-support/harness.js";
import { MaxSizePacketiser } from "./MaxSizePacketiser.js";

describe("MaxSizePacketiser", () => {
  it("cuts each message into packets of at most maxsize bytes, in order, without joining messages", async () => {
    const out = await runComponent(new MaxSizePacketiser(2), { inbox: [new Uint8Array([1, 2, 3, 4, 5]), new Uint8Array([6])], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([new Uint8Array([1, 2]), new Uint8Array([3, 4]), new Uint8Array([5]), new Uint8Array([6])]);
  });

  it("cuts strings by their UTF-8 bytes and sends nothing for an empty message", async () => {
    const out = await runComponent(new MaxSizePacketiser(2), { inbox: ["é!", ""], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([new Uint8Array([0xc3, 0xa9]), new Uint8Array([0x21])]);
  });

  it("makes packets of 1000 bytes by default", async () => {
    const out = await runComponent(new MaxSizePacketiser(), { inbox: [new Uint8Array(2500)], control: [new ProducerFinished()] });
    expect(out["outbox"]?.map((packet) => (packet as Uint8Array).length)).toEqual([1000, 1000, 500]);
  });

  it("reports a message that is neither a string nor a Uint8Array", async () => {
    const out = await runComponent(new MaxSizePacketiser(), { inbox: [{ a: 1 }], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual([]);
    expect((out["signal"]?.[0] as ErrorInformation).message).toMatch(/skipped an Object on its "inbox" inbox: it accepts strings or Uint8Arrays\.$/);
  });

  it("refuses a maxsize that is not a whole number of bytes", () => {
    expect(thrown(() => new MaxSizePacketiser(0.5))).toMatchInlineSnapshot(`"BadArgument: new MaxSizePacketiser(): maxsize must be a whole number of bytes, 1 or more, not 0.5."`);
  });
});
