import { describe, expect, expectTypeOf, it } from "vitest";
import { AxonException } from "./AxonExceptions.js";
import { BusyRetry, ConcurrentUpdate, KeyNotInCollection, Store } from "./STM.js";
import type { Value } from "./STM.js";

describe("Store.usevar", () => {
  it("reads a key never written as undefined at version 0", () => {
    const value = new Store().usevar("counter");
    expect(value.key).toBe("counter");
    expect(value.value).toBeUndefined();
    expect(value.version).toBe(0);
  });

  it("reads the last committed value and its version", () => {
    const store = new Store();
    const writer = store.usevar("counter");
    writer.set(41);
    writer.commit();
    const reader = store.usevar("counter");
    expect([reader.value, reader.version]).toEqual([41, 1]);
  });

  it("gives each reader its own deep copy, so changing one leaves the store and other readers alone", () => {
    const store = new Store();
    const writer = store.usevar("config");
    writer.set({ servers: ["a"] });
    writer.commit();
    const first = store.usevar("config");
    (first.value as { servers: string[] }).servers.push("b");
    expect(store.usevar("config").value).toEqual({ servers: ["a"] });
  });

  it("types each key's value when the store is given a type", () => {
    const store = new Store<{ count: number; names: string[] }>();
    expectTypeOf(store.usevar("count").value).toEqualTypeOf<number | undefined>();
    expectTypeOf(store.using("count", "names").get("names")).toEqualTypeOf<Value<string[] | undefined>>();
    // @ts-expect-error -- a typed store has no key "other"
    store.usevar("other");
    // @ts-expect-error -- the collection was made without "names"
    expect(() => store.using("count").get("names")).toThrow(KeyNotInCollection);
  });
});

describe("Value", () => {
  it("changes only its own copy on set, until it is committed", () => {
    const store = new Store();
    const value = store.usevar("greeting");
    value.set("hello");
    expect(value.value).toBe("hello");
    expect(store.usevar("greeting").value).toBeUndefined();
    value.commit();
    expect(store.usevar("greeting").value).toBe("hello");
  });

  it("bumps its own version and the store's on commit", () => {
    const store = new Store();
    const value = store.usevar("greeting");
    value.set("hello");
    value.commit();
    expect(value.version).toBe(1);
    expect(store.usevar("greeting").version).toBe(1);
  });

  it("commits again without being read again", () => {
    const store = new Store();
    const value = store.usevar("counter");
    for (let i = 1; i <= 3; i++) {
      value.set(i);
      value.commit();
    }
    const reread = store.usevar("counter");
    expect([reread.value, reread.version]).toEqual([3, 3]);
  });

  it("stores a copy on commit, so changing the value afterwards leaves the store alone", () => {
    const store = new Store();
    const value = store.usevar("list");
    const list = [1, 2];
    value.set(list);
    value.commit();
    list.push(3);
    expect(store.usevar("list").value).toEqual([1, 2]);
  });

  it("refuses a commit over a newer version with ConcurrentUpdate and writes nothing", () => {
    const store = new Store();
    const mine = store.usevar("score");
    const theirs = store.usevar("score");
    theirs.set(10);
    theirs.commit();
    mine.set(1);
    expect(() => {
      mine.commit();
    }).toThrowErrorMatchingInlineSnapshot(
      `[ConcurrentUpdate: Key "score" changed after it was read (the store has version 1, the copy being committed has version 0), so nothing was committed. Re-read with store.usevar("score") and redo the transaction.]`,
    );
    const stored = store.usevar("score");
    expect([stored.value, stored.version]).toEqual([10, 1]);
    expect(mine.version).toBe(0);
  });

  it("succeeds after a ConcurrentUpdate once the transaction is redone on a fresh read", () => {
    const store = new Store();
    const mine = store.usevar("score");
    const theirs = store.usevar("score");
    theirs.set(10);
    theirs.commit();
    mine.set(1);
    expect(() => {
      mine.commit();
    }).toThrow(ConcurrentUpdate);
    const fresh = store.usevar("score");
    fresh.set((fresh.value as number) + 1);
    fresh.commit();
    expect(store.usevar("score").value).toBe(11);
  });

  it("clones into an independent deep copy read at the same version", () => {
    const store = new Store();
    const original = store.usevar("point");
    original.set({ x: 1 });
    original.commit();
    const reread = store.usevar("point");
    const clone = reread.clone();
    (clone.value as { x: number }).x = 2;
    expect(reread.value).toEqual({ x: 1 });
    expect([clone.key, clone.version]).toEqual(["point", 1]);
    clone.commit();
    expect(store.usevar("point").value).toEqual({ x: 2 });
    expect(() => {
      reread.commit();
    }).toThrow(ConcurrentUpdate);
  });

  it("leaves the store unchanged and usable when its value cannot be copied", () => {
    const store = new Store();
    const value = store.usevar("handler");
    value.set(() => "functions cannot be cloned");
    expect(() => {
      value.commit();
    }).toThrow(/could not be cloned/);
    expect(value.version).toBe(0);
    const again = store.usevar("handler");
    expect([again.value, again.version]).toEqual([undefined, 0]);
    again.set("a plain string");
    again.commit();
    expect(store.usevar("handler").value).toBe("a plain string");
  });
});

describe("Store.using", () => {
  it("reads every key into one collection, creating keys never written", () => {
    const store = new Store();
    const seed = store.usevar("a");
    seed.set("A");
    seed.commit();
    const both = store.using("a", "b");
    expect([both.get("a").value, both.get("a").version]).toEqual(["A", 1]);
    expect([both.get("b").value, both.get("b").version]).toEqual([undefined, 0]);
  });

  it("refuses a key the collection was not made with", () => {
    const forks = new Store().using<string>("fork.1", "fork.2");
    expect(() => forks.get("fork.3")).toThrowErrorMatchingInlineSnapshot(
      `[KeyNotInCollection: Key "fork.3" is not in this collection; it holds "fork.1", "fork.2". Name every key the transaction uses in store.using(...keys).]`,
    );
  });

  it("commits every value of a collection together", () => {
    const store = new Store();
    const pair = store.using("from", "to");
    pair.get("from").set(7);
    pair.get("to").set(3);
    pair.commit();
    expect([store.usevar("from").value, store.usevar("to").value]).toEqual([7, 3]);
    expect([pair.get("from").version, pair.get("to").version]).toEqual([1, 1]);
  });

  it("writes nothing when any key of the collection changed since it was read", () => {
    const store = new Store();
    const pair = store.using("from", "to");
    const interloper = store.usevar("to");
    interloper.set("theirs");
    interloper.commit();
    pair.get("from").set("mine");
    pair.get("to").set("mine");
    expect(() => {
      pair.commit();
    }).toThrowErrorMatchingInlineSnapshot(
      `[ConcurrentUpdate: Key "to" changed after it was read (the store has version 1, the copy being committed has version 0), so nothing was committed. Re-read with store.using("from", "to") and redo the transaction.]`,
    );
    const from = store.usevar("from");
    expect([from.value, from.version]).toEqual([undefined, 0]);
    expect(store.usevar("to").value).toBe("theirs");
  });

  it("rewrites keys that were only read, so earlier readers of them must redo their transaction", () => {
    const store = new Store();
    const earlierReader = store.usevar("rate");
    const transaction = store.using("rate", "total");
    transaction.get("total").set(transaction.get("rate").value ?? 1);
    transaction.commit();
    expect(store.usevar("rate").version).toBe(1);
    earlierReader.set(2);
    expect(() => {
      earlierReader.commit();
    }).toThrow(ConcurrentUpdate);
  });
});

describe("BusyRetry", () => {
  it("refuses to read the store from a getter that a commit runs while copying", () => {
    const store = new Store();
    let refusal: unknown;
    const report = store.usevar("report");
    report.set({
      get total() {
        try {
          return store.usevar("total").value;
        } catch (error) {
          refusal = error;
          return "unavailable";
        }
      },
    });
    report.commit();
    expect(refusal).toBeInstanceOf(BusyRetry);
    expect(() => {
      throw refusal;
    }).toThrowErrorMatchingInlineSnapshot(
      `[BusyRetry: The store was busy with another operation when asked for "total", so nothing was read or written (a getter or callback run by a commit must not use the same store). Retry the same call once that operation has finished; the transaction need not be redone.]`,
    );
    expect(store.usevar("report").value).toEqual({ total: "unavailable" });
  });

  it("fails a commit whose getter lets BusyRetry escape, writing nothing and freeing the store", () => {
    const store = new Store();
    const report = store.usevar("report");
    report.set({
      get totals() {
        return store.using("a", "b");
      },
    });
    expect(() => {
      report.commit();
    }).toThrow(BusyRetry);
    expect(store.usevar("report").version).toBe(0);
    const retry = store.usevar("report");
    retry.set("plain");
    retry.commit();
    expect(store.usevar("report").value).toBe("plain");
  });

  it("refuses a commit re-entering from a getter of another commit", () => {
    const store = new Store();
    const inner = store.usevar("inner");
    inner.set("x");
    const outer = store.usevar("outer");
    outer.set({
      get nested() {
        inner.commit();
        return "never reached";
      },
    });
    expect(() => {
      outer.commit();
    }).toThrowErrorMatchingInlineSnapshot(
      `[BusyRetry: The store was busy with another operation when asked for "inner", so nothing was read or written (a getter or callback run by a commit must not use the same store). Retry the same call once that operation has finished; the transaction need not be redone.]`,
    );
    inner.commit();
    expect([store.usevar("inner").value, store.usevar("outer").version]).toEqual(["x", 0]);
  });
});

describe("STM errors", () => {
  it("are AxonExceptions", () => {
    expect(new ConcurrentUpdate("k", 2, 1, 'store.usevar("k")')).toBeInstanceOf(AxonException);
    expect(new BusyRetry(["k"])).toBeInstanceOf(AxonException);
    expect(new KeyNotInCollection("k", [])).toBeInstanceOf(AxonException);
  });
});

describe("dining philosophers", () => {
  const seats = 5;
  const meals = 3;
  const forkKey = (i: number): string => `fork.${String(i % seats)}`;

  /**
   * One philosopher: reads both forks, yields (so the others can act between its read and its commit),
   * then takes them in one transaction if both are free. A lost race is redone from a fresh read.
   */
  function* philosopher(
    seat: number,
    store: Store<Record<string, number | null>>,
    log: string[],
    conflicts: { count: number },
  ): Generator<void, void, void> {
    const left = forkKey(seat);
    const right = forkKey(seat + 1);
    for (let meal = 0; meal < meals; ) {
      const forks = store.using(left, right);
      yield;
      if ((forks.get(left).value ?? null) !== null || (forks.get(right).value ?? null) !== null) continue;
      forks.get(left).set(seat);
      forks.get(right).set(seat);
      try {
        forks.commit();
      } catch (error) {
        if (!(error instanceof ConcurrentUpdate)) throw error;
        conflicts.count += 1;
        continue;
      }
      log.push(`${String(seat)} eats`);
      meal += 1;
      yield;
      for (;;) {
        const held = store.using(left, right);
        held.get(left).set(null);
        held.get(right).set(null);
        try {
          held.commit();
          break;
        } catch (error) {
          if (!(error instanceof ConcurrentUpdate)) throw error;
          conflicts.count += 1;
        }
      }
      log.push(`${String(seat)} thinks`);
    }
  }

  it("lets every philosopher eat without two neighbours ever holding the same fork", () => {
    const store = new Store<Record<string, number | null>>();
    const log: string[] = [];
    const conflicts = { count: 0 };
    const running: (Generator<void, void, void> | null)[] = Array.from({ length: seats }, (_, seat) =>
      philosopher(seat, store, log, conflicts),
    );
    const eating = new Set<number>();
    for (let steps = 0; running.some((p) => p !== null) && steps < 10_000; steps++) {
      running.forEach((p, seat) => {
        if (p === null) return;
        const before = log.length;
        if (p.next().done === true) running[seat] = null;
        for (const entry of log.slice(before)) {
          const [who, what] = entry.split(" ");
          const me = Number(who);
          if (what === "eats") {
            expect(eating.has((me + 1) % seats) || eating.has((me + seats - 1) % seats)).toBe(false);
            eating.add(me);
          } else {
            eating.delete(me);
          }
        }
      });
    }
    expect(running.every((p) => p === null)).toBe(true);
    for (let seat = 0; seat < seats; seat++) {
      expect(log.filter((entry) => entry === `${String(seat)} eats`)).toHaveLength(meals);
    }
    expect(conflicts.count).toBeGreaterThan(0);
    for (let seat = 0; seat < seats; seat++) expect(store.usevar(forkKey(seat)).value).toBeNull();
  });
});
