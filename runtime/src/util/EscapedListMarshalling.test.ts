import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished } from "../axon/Ipc.js";
import { runComponent } from "../test-support/harness.js";
import { EscapedListMarshalling, lines_to_tokenlists, tokenlists_to_lines, type TokenList } from "./EscapedListMarshalling.js";
import { MarshallingError } from "./Marshalling.js";

/** What was thrown by `fn`. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected it to throw");
}

describe("EscapedListMarshalling", () => {
  it("writes a Painter message with two strokes exactly as Kamaelia's Whiteboard does", () => {
    const message = [
      ["LINE", "0", "0", "0", "10", "10", "12", "14"],
      ["LINE", "0", "0", "0", "12", "14", "15", "17"],
    ];
    expect(EscapedListMarshalling.marshall(message)).toBe("[ LINE 0 0 0 10 10 12 14 ] [ LINE 0 0 0 12 14 15 17 ] \n");
  });

  it("round-trips Kamaelia's own test lists as one line without control characters, ending in a newline", () => {
    const cases: TokenList[] = [
      ["hello", "world"],
      [["hello", "world"]],
      [["hello world"]],
      ["hello", " world", ["1", "2", [["7", "alpha beta"], ["5", "6"]], "n"]],
      ["hello\nworld\\today"],
      ["100%", "%25", "[", "]", "\r\0", "tab\there"],
      [],
      [[]],
    ];
    for (const list of cases) {
      const line = EscapedListMarshalling.marshall(list);
      expect(line.endsWith("\n")).toBe(true);
      const controls = Array.from(line.slice(0, -1)).filter((char) => char < " " && char !== "\t");
      expect(controls).toEqual([]);
      expect(EscapedListMarshalling.demarshall(line)).toEqual(list);
    }
  });

  it("escapes the digit 9 and NUL but not TAB, as the original's escape set did", () => {
    expect(EscapedListMarshalling.marshall(["1999", "a\tb", "\0"])).toBe("1%39%39%39 a\tb %0 \n");
    expect(EscapedListMarshalling.demarshall("1%39%39%39 a\tb %0 \n")).toEqual(["1999", "a\tb", "\0"]);
  });

  it("escapes % first and every other special character as % and its lower-case hex code", () => {
    expect(EscapedListMarshalling.marshall(["50% off [now]", "a\r\nb"])).toBe("50%25%20off%20%5bnow%5d a%d%ab \n");
  });

  it("reads a line without its newline, ignoring repeated spaces, and closes a list left open", () => {
    expect(EscapedListMarshalling.demarshall("WRITE  hello%20world")).toEqual(["WRITE", "hello world"]);
    expect(EscapedListMarshalling.demarshall("a [ b [ c")).toEqual(["a", ["b", ["c"]]]);
  });

  it("uses the terminator given in place of the newline", () => {
    expect(EscapedListMarshalling.marshall(["a"], "] ")).toBe("a ] ");
  });

  it("refuses a token that is not a string, a message that is not a list, and a ] without its [", () => {
    expect(thrownBy(() => EscapedListMarshalling.marshall(["LINE", 0]))).toMatchInlineSnapshot(
      `[MarshallingError: EscapedListMarshalling cannot marshall the number 0 as a token: every token must be a string. Convert numbers with String(n).]`,
    );
    expect(thrownBy(() => EscapedListMarshalling.marshall("LINE"))).toBeInstanceOf(MarshallingError);
    expect(thrownBy(() => EscapedListMarshalling.demarshall("a ] b"))).toMatchInlineSnapshot(
      `[MarshallingError: EscapedListMarshalling cannot demarshall "a ] b": a "]" closes no "[".]`,
    );
    expect(thrownBy(() => EscapedListMarshalling.demarshall(["a"]))).toBeInstanceOf(MarshallingError);
  });
});

describe("tokenlists_to_lines and lines_to_tokenlists", () => {
  it("turn token lists into escaped lines and back", async () => {
    const lists = [["LINE", "0", "10"], [["CLEAR"]], ["WRITE", "hello world"]];
    const lines = await runComponent(tokenlists_to_lines(), { inbox: lists, control: [new ProducerFinished()] });
    expect(lines["outbox"]).toEqual(["LINE 0 10 \n", "[ CLEAR ] \n", "WRITE hello%20world \n"]);
    const back = await runComponent(lines_to_tokenlists(), { inbox: lines["outbox"] ?? [], control: [new ProducerFinished()] });
    expect(back["outbox"]).toEqual(lists);
  });

  it("report a message they cannot handle on signal and carry on", async () => {
    const marshaller = tokenlists_to_lines();
    const out = await runComponent(marshaller, { inbox: [["x", 1], ["ok"]], control: [new ProducerFinished()] });
    expect(out["outbox"]).toEqual(["ok \n"]);
    const report = out["signal"]?.[0] as ErrorInformation;
    expect(report).toBeInstanceOf(ErrorInformation);
    expect(report.caller).toBe(marshaller);
    expect(report.exception).toBeInstanceOf(MarshallingError);
  });
});
