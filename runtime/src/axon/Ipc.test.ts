import { describe, expect, expectTypeOf, it } from "vitest";
import { Component } from "./Component.js";
import {
  ErrorInformation,
  Ipc,
  NewComponent,
  Notify,
  ProducerFinished,
  Reactivate,
  Shutdown,
  ShutdownMicroprocess,
  Status,
  WouldBlock,
} from "./Ipc.js";
import { Microprocess } from "./Microprocess.js";

describe("Ipc messages", () => {
  it("all derive from Ipc", () => {
    const messages = [
      new NewComponent(),
      new Reactivate(new Microprocess()),
      new ShutdownMicroprocess(),
      new Shutdown(),
      new ProducerFinished(),
      new Notify("caller", "payload"),
      new Status("ready"),
      new WouldBlock("caller"),
      new ErrorInformation("caller"),
    ];
    for (const message of messages) expect(message).toBeInstanceOf(Ipc);
  });

  it("travel through boxes as the very same objects", () => {
    const a = new Component();
    const b = new Component();
    a.link([a, "signal"], [b, "control"]);
    const finished = new ProducerFinished(a);
    a.send(finished, "signal");
    expect(b.recv("control")).toBe(finished);
  });
});

describe("NewComponent", () => {
  it("holds no components when given none", () => {
    expect(new NewComponent().components()).toEqual([]);
  });

  it("holds the components it was given, in order", () => {
    const [a, b, c] = [new Component(), new Component(), new Microprocess()];
    expect(new NewComponent(a, b, c).components()).toEqual([a, b, c]);
  });
});

describe("ShutdownMicroprocess", () => {
  it("names no microprocesses when given none", () => {
    expect(new ShutdownMicroprocess().microprocesses()).toEqual([]);
  });

  it("holds the microprocesses it was given, in order", () => {
    const [a, b] = [new Component(), new Microprocess()];
    expect(new ShutdownMicroprocess(a, b).microprocesses()).toEqual([a, b]);
  });
});

describe("ProducerFinished", () => {
  it("has no caller and no message when given none", () => {
    const finished = new ProducerFinished();
    expect(finished.caller).toBeUndefined();
    expect(finished.message).toBeUndefined();
  });

  it("keeps its caller and message", () => {
    const finished = new ProducerFinished("caller", "message");
    expect([finished.caller, finished.message]).toEqual(["caller", "message"]);
  });

  it("takes both arguments as optional", () => {
    expectTypeOf<ConstructorParameters<typeof ProducerFinished>>().toEqualTypeOf<[unknown?, unknown?]>();
  });
});

describe("Notify", () => {
  it("keeps its caller and its payload as object", () => {
    const notify = new Notify("caller", "payload");
    expect([notify.caller, notify.object]).toEqual(["caller", "payload"]);
  });

  it("requires a caller and a payload", () => {
    expectTypeOf<ConstructorParameters<typeof Notify>>().toEqualTypeOf<[unknown, unknown]>();
  });
});

describe("Status", () => {
  it("returns its report from status()", () => {
    expect(new Status("Status message.").status()).toBe("Status message.");
  });

  it("requires the report, as a string", () => {
    expectTypeOf<ConstructorParameters<typeof Status>>().toEqualTypeOf<[string]>();
  });
});

describe("WouldBlock", () => {
  it("keeps its caller", () => {
    const caller = new Component();
    expect(new WouldBlock(caller).caller).toBe(caller);
  });

  it("requires a caller", () => {
    expectTypeOf<ConstructorParameters<typeof WouldBlock>>().toEqualTypeOf<[unknown]>();
  });
});

describe("Reactivate", () => {
  it("keeps the microprocess to resume as original", () => {
    const original = new Microprocess();
    expect(new Reactivate(original).original).toBe(original);
  });
});

describe("ErrorInformation", () => {
  it("keeps its caller, with no exception and no message when given none", () => {
    const caller = new Component();
    const info = new ErrorInformation(caller);
    expect(info.caller).toBe(caller);
    expect(info.exception).toBeUndefined();
    expect(info.message).toBeUndefined();
  });

  it("keeps its caller, exception and message", () => {
    const error = new TypeError("cannot encode a function");
    const info = new ErrorInformation("caller", error, "skipped");
    expect([info.caller, info.exception, info.message]).toEqual(["caller", error, "skipped"]);
  });

  it("requires a caller and takes the exception and message as optional", () => {
    expectTypeOf<ConstructorParameters<typeof ErrorInformation>>().toEqualTypeOf<[unknown, unknown?, unknown?]>();
  });
});
