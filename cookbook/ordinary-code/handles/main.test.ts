import { DataSource, HandleClosed, Pipeline, Scheduler, handle, toAsyncIterable } from "kamaelia";
import { afterEach, describe, expect, it } from "vitest";
import { pageOutput } from "../../recipe-test.js";
import { Upper, main } from "./main.js";

// Handles run their components on the default scheduler, in the background of ordinary code: each test
// checks that it has left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

describe("Handles: components from plain async code and streams", () => {
  it("put('abc') into a handle on Pipeline(Upper()) and get() resolves to exactly ABC", async () => {
    const h = handle(new Pipeline(Upper()));
    h.put("abc");
    expect(await h.get()).toBe("ABC");
    await h.shutdown();
    expect(h.component.finished).toBe(true);
  });

  it("iterates DataSource([1, 2, 3]) with for await, collecting [1, 2, 3], and the iteration ends", async () => {
    const seen: unknown[] = [];
    for await (const n of toAsyncIterable(new DataSource([1, 2, 3]))) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("rejects get() with HandleClosed once the component has been shut down", async () => {
    const h = handle(new Pipeline(Upper()));
    await h.shutdown();
    await expect(h.get()).rejects.toBeInstanceOf(HandleClosed);
  });

  it("shows on its page exactly what the program prints", async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
