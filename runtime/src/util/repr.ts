/**
 * Turning any message into text for people: Python's `str()` and `repr()` for the components that print
 * or stringify what they are sent.
 * @module
 * @internal
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A message as source-like text: strings quoted (`"hi"`), arrays as `[1, "a"]`, plain objects as
 * `{ a: 1 }`, class instances as `Name { field: value }` unless their class defines `toString()`, typed
 * arrays as `Uint8Array [1, 2]`, and `[Circular]` for a value inside itself.
 * @internal
 */
export function repr(message: unknown): string {
  return format(message, new Set());
}

/**
 * A message as text, the way kamaelia's components print it: a string as it is, anything else in a
 * source-like form.
 * @remarks Python's `str()` for messages: what `ConsoleEchoer` prints and `Stringify` sends. Inside
 * arrays, objects, maps and sets, strings are quoted (`[1, "a"]`); plain objects print as `{ a: 1 }`,
 * class instances as `Name { field: value }` unless their class defines `toString()` (errors and
 * components do), typed arrays as `Uint8Array [1, 2]`, dates as ISO text, and a value inside itself
 * as `[Circular]`.
 * @example
 * ```ts
 * import { str } from "kamaelia";
 * console.log(str("hello")); // hello
 * console.log(str([1, "two", { three: new Set([3]) }])); // [1, "two", { three: Set { 3 } }]
 * ```
 */
export function str(message: unknown): string {
  return typeof message === "string" ? message : repr(message);
}

function format(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "bigint":
      return `${value.toString()}n`;
    case "symbol":
      return value.toString();
    case "function":
      return `[Function ${value.name === "" ? "(anonymous)" : value.name}]`;
    case "object":
      return value === null ? "null" : formatObject(value, seen);
    default:
      return String(value);
  }
}

function formatObject(value: object, seen: Set<object>): string {
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((item: unknown) => format(item, seen)).join(", ")}]`;
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const items = Array.from(value as unknown as ArrayLike<unknown>, (item) => format(item, seen));
      return `${value.constructor.name} [${items.join(", ")}]`;
    }
    if (value instanceof Map) {
      const entries = [...value].map(([key, item]) => `${format(key, seen)} => ${format(item, seen)}`);
      return entries.length === 0 ? "Map {}" : `Map { ${entries.join(", ")} }`;
    }
    if (value instanceof Set) {
      const items = [...value].map((item: unknown) => format(item, seen));
      return items.length === 0 ? "Set {}" : `Set { ${items.join(", ")} }`;
    }
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    const prototype: unknown = Object.getPrototypeOf(value);
    const plain = prototype === null || prototype === Object.prototype;
    // A class that says how it prints (an Error, a Component) knows best.
    const printable = value as { toString(): string };
    if (!plain && printable.toString !== Object.prototype.toString) return printable.toString();
    const fields = Object.entries(value).map(([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${format(item, seen)}`);
    const prefix = plain ? "" : `${value.constructor.name} `;
    return fields.length === 0 ? `${prefix}{}` : `${prefix}{ ${fields.join(", ")} }`;
  } finally {
    seen.delete(value);
  }
}
