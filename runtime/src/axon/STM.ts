import { AxonException, listNames } from "./AxonExceptions.js";

/**
 * A commit lost a race: a key changed in the store after it was read, so nothing was written.
 * @remarks Port of Axon.STM.ConcurrentUpdate. Redo the whole transaction: read the keys again with
 * `usevar` or `using`, recompute from the fresh values, and commit again.
 * @example
 * ```ts
 * import { ConcurrentUpdate, Store } from "kamaelia";
 * const store = new Store();
 * const mine = store.usevar("score");
 * const theirs = store.usevar("score");
 * theirs.set(10);
 * theirs.commit();
 * mine.set(1);
 * try {
 *   mine.commit();
 * } catch (error) {
 *   if (error instanceof ConcurrentUpdate) console.log(error.key); // score
 * }
 * ```
 */
export class ConcurrentUpdate extends AxonException {
  /**
   * @param key - the key that changed since it was read
   * @param storeVersion - its version in the store
   * @param readVersion - the version that was read
   * @param reread - the call that reads the keys again, as `store.usevar("key")`
   */
  constructor(
    readonly key: string,
    readonly storeVersion: number,
    readonly readVersion: number,
    reread: string,
  ) {
    super(
      `Key ${JSON.stringify(key)} changed after it was read (the store has version ${String(storeVersion)}, ` +
        `the copy being committed has version ${String(readVersion)}), so nothing was committed. ` +
        `Re-read with ${reread} and redo the transaction.`,
    );
  }
}

/**
 * The store was used while another of its operations was still running, so nothing was read or written.
 * @remarks Port of Axon.STM.BusyRetry. In Axon another thread held the store's lock; here the store is
 * busy only when it is re-entered, for example by a getter that reads the store while a commit copies its
 * value. Retry the same call once the other operation has finished; unlike {@link ConcurrentUpdate}, the
 * transaction need not be redone.
 * @example
 * ```ts
 * import { BusyRetry, Store } from "kamaelia";
 * const store = new Store();
 * const value = store.usevar("report");
 * value.set({
 *   get total() {
 *     return store.usevar("total").value;
 *   },
 * });
 * try {
 *   value.commit();
 * } catch (error) {
 *   console.log(error instanceof BusyRetry); // true
 * }
 * ```
 */
export class BusyRetry extends AxonException {
  /** @param keys - the keys the refused call asked for */
  constructor(readonly keys: readonly string[]) {
    super(
      `The store was busy with another operation when asked for ${listNames(keys)}, so nothing was read or written ` +
        `(a getter or callback run by a commit must not use the same store). ` +
        `Retry the same call once that operation has finished; the transaction need not be redone.`,
    );
  }
}

/**
 * A collection was asked for a key that was not named when it was made.
 * @remarks Axon's collection is a dictionary and raised a plain `KeyError`. Name every key a transaction
 * reads or writes in `store.using(...keys)`.
 * @example
 * ```ts
 * import { KeyNotInCollection, Store } from "kamaelia";
 * const forks = new Store().using<string>("fork.1", "fork.2");
 * try {
 *   forks.get("fork.3");
 * } catch (error) {
 *   console.log(error instanceof KeyNotInCollection); // true
 * }
 * ```
 */
export class KeyNotInCollection extends AxonException {
  /**
   * @param key - the key asked for
   * @param existing - the keys the collection holds
   */
  constructor(
    readonly key: string,
    existing: Iterable<string>,
  ) {
    super(
      `Key ${JSON.stringify(key)} is not in this collection; it holds ${listNames(existing)}. ` +
        `Name every key the transaction uses in store.using(...keys).`,
    );
  }
}

/** What the store keeps for one key. */
interface Cell {
  version: number;
  value: unknown;
}

// Store, Value and Collection cooperate through these two functions, set by static blocks, so that
// neither a store's cells nor a value's version can be changed from outside this module.
/** Writes values into their store, all or none. */
let commitToStore: (store: Store, values: readonly Value[], reread: () => string) => void;
/** Bumps the version of a value its store has just written. */
let markCommitted: (value: Value) => void;

/**
 * A shared map of keys to values that tasks update with optimistic transactions.
 * @remarks Port of Axon.STM.Store. Read a key with `usevar(key)`, or several at once, consistently, with
 * `using(...keys)`; change the copy with `set(value)`; then `commit()`. A commit succeeds only if no key in
 * it was committed by someone else since it was read; otherwise it throws {@link ConcurrentUpdate} and
 * writes nothing. A key never written reads as `undefined` at version 0. Values are deep-copied (with
 * `structuredClone`) on the way in and out, so a copy in hand never changes under you and changing it
 * never changes the store before a commit. A store used while one of its operations is running throws
 * {@link BusyRetry}. The type parameter, when given, types the values of each key.
 * @example
 * ```ts
 * import { Store } from "kamaelia";
 * const store = new Store<{ visits: number }>();
 * const visits = store.usevar("visits");
 * console.log(visits.value, visits.version); // undefined 0
 * visits.set((visits.value ?? 0) + 1);
 * visits.commit();
 * console.log(store.usevar("visits").value, store.usevar("visits").version); // 1 1
 * ```
 */
export class Store<S extends Record<string, unknown> = Record<string, unknown>> {
  static {
    commitToStore = (store, values, reread) => {
      store.#commit(values, reread);
    };
  }

  readonly #cells = new Map<string, Cell>();
  #busy = false;

  /**
   * Returns a copy of the value of `key`, with the version it was read at.
   * @param key - the key to read; a key never written is `undefined` at version 0
   * @throws {@link BusyRetry} if the store is in the middle of another operation
   */
  usevar<K extends keyof S & string>(key: K): Value<S[K] | undefined> {
    return this.#locked([key], () => this.#read(key));
  }

  /**
   * Returns copies of the values of `keys`, all read at the same moment, to commit together.
   * @param keys - the keys the transaction reads or writes
   * @throws {@link BusyRetry} if the store is in the middle of another operation
   */
  using<K extends keyof S & string>(...keys: K[]): Collection<S, K> {
    return this.#locked(keys, () => new Collection<S, K>(keys.map((key) => this.#read(key)), this));
  }

  #read<K extends keyof S & string>(key: K): Value<S[K] | undefined> {
    let cell = this.#cells.get(key);
    if (cell === undefined) {
      cell = { version: 0, value: undefined };
      this.#cells.set(key, cell);
    }
    // Cells hold values that came out of structuredClone, so copying them runs no user code.
    return new Value(cell.version, structuredClone(cell.value) as S[K] | undefined, this, key);
  }

  #commit(values: readonly Value[], reread: () => string): void {
    this.#locked(
      values.map((value) => value.key),
      () => {
        for (const value of values) {
          const stored = this.#cells.get(value.key)?.version ?? 0;
          if (stored > value.version) throw new ConcurrentUpdate(value.key, stored, value.version, reread());
        }
        // Copy everything before writing anything: a value that cannot be copied must leave the store as it was.
        const copies = values.map((value) => structuredClone(value.value));
        values.forEach((value, i) => {
          this.#cells.set(value.key, { version: value.version + 1, value: copies[i] });
          markCommitted(value);
        });
      },
    );
  }

  #locked<R>(keys: readonly string[], operation: () => R): R {
    // JavaScript runs one task at a time, so the store can only be busy when an operation re-enters it,
    // through a getter that structuredClone runs during a commit.
    if (this.#busy) throw new BusyRetry(keys);
    this.#busy = true;
    try {
      return operation();
    } finally {
      this.#busy = false;
    }
  }
}

/**
 * One key's value as read from a {@link Store}, with the version it was read at; a private copy to change
 * and commit.
 * @remarks Port of Axon.STM.Value. Made by `store.usevar(key)` and `store.using(...keys)`. `set(value)`
 * changes only this copy; `commit()` writes it to the store, bumping the version of both, so the same
 * `Value` can be committed again without reading it again.
 * @example
 * ```ts
 * import { Store } from "kamaelia";
 * const store = new Store();
 * const greeting = store.usevar("greeting");
 * greeting.set("hello");
 * console.log(store.usevar("greeting").value); // undefined
 * greeting.commit();
 * greeting.set("hello again");
 * greeting.commit();
 * console.log(store.usevar("greeting").value, greeting.version); // hello again 2
 * ```
 */
export class Value<T = unknown> {
  static {
    markCommitted = (value) => {
      value.#version += 1;
    };
  }

  #version: number;
  #value: T;
  readonly #store: Store;

  /**
   * Stores make values; call `store.usevar(key)` rather than this.
   * @param version - the version of the key when it was read
   * @param value - the value read
   * @param store - the store it was read from
   * @param key - the key it was read from
   */
  constructor(
    version: number,
    value: T,
    store: Store,
    readonly key: string,
  ) {
    this.#version = version;
    this.#value = value;
    this.#store = store;
  }

  /** The value of this copy: as read, or as last `set`. */
  get value(): T {
    return this.#value;
  }

  /** The version of the key this copy was read at, bumped by each commit of it. */
  get version(): number {
    return this.#version;
  }

  /**
   * Changes this copy's value; the store is unchanged until `commit()`.
   * @param value - the new value
   */
  set(value: T): void {
    this.#value = value;
  }

  /**
   * Writes a copy of this value to the store, unless someone else committed the key since it was read.
   * @throws {@link ConcurrentUpdate} if the key changed since it was read; nothing is written
   * @throws {@link BusyRetry} if the store is in the middle of another operation
   */
  commit(): void {
    commitToStore(this.#store, [this], () => `store.usevar(${JSON.stringify(this.key)})`);
  }

  /** Returns an independent deep copy of this value, read at the same version. */
  clone(): Value<T> {
    return new Value(this.#version, structuredClone(this.#value), this.#store, this.key);
  }

}

/**
 * Several keys read together from a {@link Store}, committed all together or not at all.
 * @remarks Port of Axon.STM.Collection. Made by `store.using(...keys)`; `get(key)` returns the
 * {@link Value} of one key, to read and `set`. `commit()` fails with {@link ConcurrentUpdate}, writing
 * nothing, if any key in it was committed by someone else since it was read; otherwise it writes every key,
 * including keys that were only read, as Axon does, so whoever read those keys earlier must redo their
 * transaction.
 * @example
 * ```ts
 * import { Store } from "kamaelia";
 * const store = new Store<{ from: number; to: number }>();
 * const setup = store.using("from", "to");
 * setup.get("from").set(10);
 * setup.get("to").set(0);
 * setup.commit();
 * const transfer = store.using("from", "to");
 * transfer.get("from").set((transfer.get("from").value ?? 0) - 3);
 * transfer.get("to").set((transfer.get("to").value ?? 0) + 3);
 * transfer.commit();
 * console.log(store.usevar("from").value, store.usevar("to").value); // 7 3
 * ```
 */
export class Collection<
  S extends Record<string, unknown> = Record<string, unknown>,
  K extends keyof S & string = keyof S & string,
> {
  readonly #values = new Map<string, Value>();
  readonly #store: Store;

  /**
   * Stores make collections; call `store.using(...keys)` rather than this.
   * @param values - the values read, one per key
   * @param store - the store they were read from
   */
  constructor(values: Iterable<Value<S[K] | undefined>>, store: Store) {
    for (const value of values) this.#values.set(value.key, value);
    this.#store = store;
  }

  /**
   * Returns the {@link Value} of `key`, to read and `set`.
   * @param key - one of the keys the collection was made with
   * @throws {@link KeyNotInCollection} if the collection was not made with `key`
   */
  get<J extends K>(key: J): Value<S[J] | undefined> {
    const value = this.#values.get(key);
    if (value === undefined) throw new KeyNotInCollection(key, this.#values.keys());
    return value as Value<S[J] | undefined>;
  }

  /**
   * Writes every value of the collection to the store, unless any key changed since it was read.
   * @throws {@link ConcurrentUpdate} naming the first key that changed since it was read; nothing is written
   * @throws {@link BusyRetry} if the store is in the middle of another operation
   */
  commit(): void {
    commitToStore(this.#store, [...this.#values.values()], () => `store.using(${listNames(this.#values.keys())})`);
  }
}
