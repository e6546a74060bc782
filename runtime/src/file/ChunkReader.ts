/**
 * Reading a byte stream a number of bytes or lines at a time.
 * @module
 * @internal
 */

import { ByteQueue } from "../protocol/bytes.js";

const NEWLINE = 0x0a;
const utf8 = new TextDecoder();

/**
 * Reads a stream of byte chunks (a Node `Readable`, say) so many bytes or so many lines at a time.
 * Errors of the stream reject the read that meets them.
 * @internal
 */
export class ChunkReader {
  readonly #chunks: AsyncIterator<Uint8Array>;
  readonly #buffer = new ByteQueue();
  #ended = false;

  /** @param source - the chunks, in order */
  constructor(source: AsyncIterable<Uint8Array>) {
    this.#chunks = source[Symbol.asyncIterator]();
  }

  /** A `Buffer` of up to `count` bytes (fewer only at the end), or `null` once nothing is left. */
  async bytes(count: number): Promise<Buffer | null> {
    while (this.#buffer.length < count && (await this.#more()));
    if (this.#buffer.length === 0) return null;
    const taken = this.#buffer.take(count);
    return Buffer.from(taken.buffer, taken.byteOffset, taken.byteLength);
  }

  /**
   * The next `count` lines as one string, each with its `"\n"` (the last line of the stream may have
   * none), or `null` once nothing is left.
   */
  async lines(count: number): Promise<string | null> {
    let found = 0;
    let end = 0;
    for (;;) {
      const bytes = this.#buffer.view();
      while (found < count) {
        const newline = bytes.indexOf(NEWLINE, end);
        if (newline < 0) break;
        found++;
        end = newline + 1;
      }
      if (found === count) break;
      if (!(await this.#more())) {
        end = this.#buffer.length;
        break;
      }
    }
    return end === 0 ? null : utf8.decode(this.#buffer.take(end));
  }

  async #more(): Promise<boolean> {
    if (this.#ended) return false;
    const next = await this.#chunks.next();
    if (next.done === true) this.#ended = true;
    else this.#buffer.push(next.value);
    return !this.#ended;
  }
}
