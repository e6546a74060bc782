/**
 * The escaped token-list line format (Kamaelia's Whiteboard wire format) and its two prefabs.
 * @module
 */

import type { Component } from "../axon/Component.js";
import { DeMarshaller, Marshaller, MarshallingError, type Marshalling } from "./Marshalling.js";
import { describeMessage } from "./unhandled.js";

/** A list of string tokens, possibly nested: what {@link EscapedListMarshalling} carries. */
export type TokenList = (string | TokenList)[];

// Kamaelia wrote its escape set as "\09\x0a\x0d\x20[]", meaning TAB first; Python reads "\09" as NUL
// followed by the digit 9, so NUL and "9" are escaped and TAB is not. Kept so the wire format matches.
const SUBSTITUTIONS = ["\0", "9", "\n", "\r", " ", "[", "]"].map((char) => [char, `%${char.charCodeAt(0).toString(16)}`] as const);

function escape(token: string): string {
  let result = token.replaceAll("%", "%25");
  for (const [char, code] of SUBSTITUTIONS) result = result.replaceAll(char, code);
  return result;
}

function unescape(token: string): string {
  let result = token;
  for (const [char, code] of SUBSTITUTIONS) result = result.replaceAll(code, char);
  return result.replaceAll("%25", "%");
}

function marshallList(list: unknown, term: string): string {
  if (!Array.isArray(list)) {
    throw new MarshallingError(`EscapedListMarshalling cannot marshall ${describeMessage(list)}: it takes an array of string tokens (arrays may nest).`);
  }
  let out = "";
  for (const item of list as unknown[]) {
    if (Array.isArray(item)) out += `[ ${marshallList(item, "] ")}`;
    else if (typeof item === "string") out += `${escape(item)} `;
    else {
      throw new MarshallingError(
        `EscapedListMarshalling cannot marshall ${describeMessage(item)} as a token: every token must be a string. Convert numbers with String(n).`,
      );
    }
  }
  return out + term;
}

/**
 * Turns lists of string tokens (which may nest) into single escaped lines of text, and back: the wire
 * format of Kamaelia's Whiteboard.
 * @remarks Port of Kamaelia.Util.Tokenisation.Simple.EscapedListMarshalling. `marshall` writes each
 * token escaped and followed by a space, a nested list as `[ ` + its tokens + `] `, and ends the line
 * with `"\n"`: `["LINE", ["1", "2"]]` becomes `"LINE [ 1 2 ] \n"`. In a token, `%` becomes `%25`, then
 * NUL, the digit 9, LF, CR, space, `[` and `]` become `%` and their lower-case hex code (`%0`, `%39`,
 * `%a`, `%d`, `%20`, `%5b`, `%5d`), exactly as Kamaelia did, so lines match the original on the wire
 * (it meant TAB, not NUL and 9). `demarshall` splits a line at spaces, ignores empty pieces and a lone
 * `"\n"`, opens a nested list at `[`, closes it at `]` (a list still open at the end of the line is closed
 * there), and unescapes the rest. Tokens must be strings and
 * `]` must close a `[`; anything else throws a `MarshallingError`.
 * @see {@link tokenlists_to_lines} and {@link lines_to_tokenlists}, the components using it.
 * @example
 * ```ts
 * import { EscapedListMarshalling } from "kamaelia";
 * const line = EscapedListMarshalling.marshall(["WRITE", "hello world", ["9", "[x]"]]);
 * console.log(JSON.stringify(line)); // "WRITE hello%20world [ %39 %5bx%5d ] \n"
 * console.log(JSON.stringify(EscapedListMarshalling.demarshall(line))); // ["WRITE","hello world",["9","[x]"]]
 * ```
 */
export const EscapedListMarshalling = {
  /** Returns `list` as one escaped line ending in `term` (default `"\n"`). */
  marshall(list: unknown, term = "\n"): string {
    return marshallList(list, term);
  },
  /** Returns the token list a line made by `marshall` stands for. */
  demarshall(line: unknown): TokenList {
    if (typeof line !== "string") {
      throw new MarshallingError(`EscapedListMarshalling cannot demarshall ${describeMessage(line)}: it takes a line of text.`);
    }
    let out: TokenList = [];
    const outer: TokenList[] = [];
    for (const piece of line.split(" ")) {
      if (piece === "" || piece === "\n") continue;
      if (piece === "[") {
        const nested: TokenList = [];
        out.push(nested);
        outer.push(out);
        out = nested;
      } else if (piece === "]") {
        const parent = outer.pop();
        if (parent === undefined) {
          throw new MarshallingError(`EscapedListMarshalling cannot demarshall ${JSON.stringify(line)}: a "]" closes no "[".`);
        }
        out = parent;
      } else out.push(unescape(piece));
    }
    return outer[0] ?? out;
  },
} satisfies Marshalling;

/**
 * Makes a component that turns each list of string tokens into one escaped line of text: a
 * {@link Marshaller} of {@link EscapedListMarshalling}.
 * @remarks Port of Kamaelia.Util.Tokenisation.Simple.tokenlists_to_lines (a prefab; the name is
 * Kamaelia's). A message that is not a list of strings (and nested lists) is skipped and reported as an
 * `ErrorInformation` on `signal`. Shutdown is as for the Marshaller.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, tokenlists_to_lines } from "kamaelia";
 * await new Pipeline(new DataSource([["LINE", "0", "10"], ["CLEAR"]]), tokenlists_to_lines(), new ConsoleEchoer({ use_repr: true })).run(); // "LINE 0 10 \n", "CLEAR \n"
 * ```
 */
export function tokenlists_to_lines(): Component {
  return new Marshaller(EscapedListMarshalling);
}

/**
 * Makes a component that turns each escaped line of text back into its list of string tokens: a
 * {@link DeMarshaller} of {@link EscapedListMarshalling}.
 * @remarks Port of Kamaelia.Util.Tokenisation.Simple.lines_to_tokenlists (a prefab; the name is
 * Kamaelia's). Lines may keep or lack their `"\n"` (as `chunks_to_lines` sends them). A message that is
 * not a string, or has a `]` without its `[`, is skipped and reported as an `ErrorInformation` on
 * `signal`. Shutdown is as for the DeMarshaller.
 * @example
 * ```ts
 * import { ConsoleEchoer, DataSource, Pipeline, lines_to_tokenlists } from "kamaelia";
 * await new Pipeline(new DataSource(["LINE 0 10 \n", "WRITE hello%20world"]), lines_to_tokenlists(), new ConsoleEchoer()).run(); // ["LINE", "0", "10"], ["WRITE", "hello world"]
 * ```
 */
export function lines_to_tokenlists(): Component {
  return new DeMarshaller(EscapedListMarshalling);
}
