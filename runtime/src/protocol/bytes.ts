/**
 * Bytes for the wire protocols: strings as UTF-8, and a queue that gathers a stream's pieces.
 * @module
 * @internal
 */

const encoder = new TextEncoder();

/** True for a string or a `Uint8Array` (a Node `Buffer` is one). @internal */
export function isData(value: unknown): value is string | Uint8Array {
  return typeof value === "string" || value instanceof Uint8Array;
}

/** The UTF-8 bytes of a string; a `Uint8Array` as it is. @internal */
export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}

/** Whether `bytes` holds `pattern` starting at `at`. @internal */
export function startsWithAt(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  if (at < 0 || at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/** Where `pattern` first starts in `bytes` at or after `from`, or -1. @internal */
export function indexOfBytes(bytes: Uint8Array, pattern: Uint8Array, from = 0): number {
  const first = pattern[0];
  if (first === undefined) return from <= bytes.length ? Math.max(from, 0) : -1;
  for (let at = bytes.indexOf(first, Math.max(from, 0)); at >= 0; at = bytes.indexOf(first, at + 1)) {
    if (at + pattern.length > bytes.length) return -1;
    if (startsWithAt(bytes, pattern, at)) return at;
  }
  return -1;
}

/**
 * The unread bytes of a stream that arrives in pieces: append pieces, look at what is there, take
 * from the front. Taking is cheap; the storage is compacted when it is appended to.
 * @internal
 */
export class ByteQueue {
  #storage = new Uint8Array(64);
  #start = 0;
  #end = 0;

  /** How many bytes are unread. */
  get length(): number {
    return this.#end - this.#start;
  }

  /** Adds bytes at the end. */
  push(bytes: Uint8Array): void {
    if (this.#end + bytes.length > this.#storage.length) {
      const needed = this.length + bytes.length;
      const storage = needed > this.#storage.length / 2 ? new Uint8Array(Math.max(needed * 2, 64)) : this.#storage;
      storage.set(this.#storage.subarray(this.#start, this.#end));
      this.#storage = storage;
      this.#end = this.length;
      this.#start = 0;
    }
    this.#storage.set(bytes, this.#end);
    this.#end += bytes.length;
  }

  /** The unread bytes, without copying: valid until the next `push`. */
  view(): Uint8Array {
    return this.#storage.subarray(this.#start, this.#end);
  }

  /** Removes and returns (as a copy) the first `count` unread bytes (all of them when `count` is larger). */
  take(count: number): Uint8Array {
    const taken = this.#storage.slice(this.#start, Math.min(this.#start + count, this.#end));
    this.skip(count);
    return taken;
  }

  /** Forgets the first `count` unread bytes (all of them when `count` is larger). */
  skip(count: number): void {
    this.#start = Math.min(this.#start + count, this.#end);
    if (this.#start === this.#end) this.#start = this.#end = 0;
  }
}
