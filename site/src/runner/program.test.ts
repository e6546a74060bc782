import { describe, expect, it } from "vitest";
import { describeFailure, programLine, stripTypes, toWorkerModule, UnrunnableProgram } from "./program.js";
import { importsOf, needsNode } from "./program-imports.js";

/** What `run` throws; fails the test when it throws nothing. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("it did not throw");
}

const runtime = { index: "https://example.org/_runner/kamaelia/index.js", browser: null, testing: "https://example.org/_runner/kamaelia/testing.js" };

describe("the program a worker runs", () => {
  it("keeps every line where it was when it strips the types", () => {
    const program = [
      'import { Pipeline, type ConsoleEchoerOptions } from "kamaelia";',
      "interface Options {",
      "  readonly tag: string;",
      "}",
      "export function system(print: ConsoleEchoerOptions = {}): Pipeline {",
      '  throw new Error("boom");',
      "}",
    ].join("\n");
    const stripped = stripTypes(program).split("\n");
    expect(stripped).toHaveLength(7);
    expect(stripped[5]).toContain('throw new Error("boom")');
    expect(stripped[4]).toBe("export function system(print = {}) {");
  });

  it("imports kamaelia from the runtime's URL, whatever the quotes and however the import is written", () => {
    const program = ["import { Pipeline } from 'kamaelia';", "import {", "  DataSource,", '} from "kamaelia";', 'const k = await import("kamaelia");', "new Pipeline(new DataSource([k]));"].join("\n");
    const module = toWorkerModule(program, runtime);
    expect(module).not.toMatch(/["']kamaelia["']/);
    expect(module.match(/_runner\/kamaelia\/index\.js/g)).toHaveLength(3);
  });

  it("imports kamaelia/testing from its URL, so that programs and a tutorial's checks can drive a Harness", () => {
    const module = toWorkerModule('import { Harness } from "kamaelia/testing";\nnew Harness();', runtime);
    expect(module).toBe('import { Harness } from "https://example.org/_runner/kamaelia/testing.js";\nnew Harness();');
  });

  it("imports the modules it is given URLs for from those URLs, and the rest as usual", () => {
    const check = ['import { CheckFailure } from "../../check-kit.js";', 'import { Pipeline } from "kamaelia";', "throw new CheckFailure(String(Pipeline));"].join("\n");
    const module = toWorkerModule(check, runtime, (specifier) => (specifier.endsWith("check-kit.js") ? "blob:kit" : null));
    expect(module.split("\n").slice(0, 2)).toEqual(['import { CheckFailure } from "blob:kit";', 'import { Pipeline } from "https://example.org/_runner/kamaelia/index.js";']);
  });

  it("leaves text that only mentions a module alone", () => {
    const program = ['// reads its words from "words.txt", one a line', 'const note = "from \\"elsewhere\\"";'].join("\n");
    expect(toWorkerModule(program, runtime)).toBe(stripTypes(program));
  });

  it("refuses modules a page cannot give, naming the module and its line", () => {
    const program = ['import { Pipeline } from "kamaelia";', 'import { ConsoleReader } from "kamaelia/node";', "new Pipeline(new ConsoleReader());"].join("\n");
    expect(() => toWorkerModule(program, runtime)).toThrow(new UnrunnableProgram("This program imports kamaelia/node, which needs Node: it cannot run in a page.", 2));
    expect(thrown(() => toWorkerModule('\nimport lodash from "lodash";\nlodash.chunk([]);', runtime))).toMatchObject({
      line: 2,
      message: 'This program imports "lodash". Programs here can import only kamaelia (and kamaelia/browser and kamaelia/testing).',
    });
  });

  it("reports a syntax error with the line it is on", () => {
    const error = thrown(() => stripTypes("const a = 1;\nconst = 2;"));
    expect(error).toBeInstanceOf(UnrunnableProgram);
    expect(error).toMatchObject({ line: 2 });
  });
});

describe("what a program imports", () => {
  it("lists each module once, in order", () => {
    expect(importsOf('import { A } from "kamaelia";\nimport { B } from "kamaelia/node";\nimport "kamaelia";')).toEqual(["kamaelia", "kamaelia/node"]);
  });

  it("needs Node for kamaelia/node and node: modules only", () => {
    expect(needsNode('import { SimpleServer } from "kamaelia/node";')).toBe(true);
    expect(needsNode('import { readFile } from "node:fs/promises";')).toBe(true);
    expect(needsNode('import { Pipeline } from "kamaelia";')).toBe(false);
  });
});

describe("where an error came from", () => {
  const url = "blob:https://example.org/3b6c2f4e";
  const stack = [
    "Error: boom",
    `    at Exploder.main (${url}:12:13)`,
    "    at Scheduler.step (https://example.org/_runner/kamaelia/index.js:1:2000)",
    `    at ${url}:20:1`,
  ].join("\n");

  it("is the first line of the program on the stack", () => {
    expect(programLine(stack, url)).toBe(12);
    expect(programLine("Error: boom\n    at https://example.org/x.js:1:1", url)).toBeNull();
  });

  it("names the component a ComponentError names, and the line its cause was thrown from", () => {
    const cause = Object.assign(new Error("boom"), { stack });
    const failure = Object.assign(new Error("Exploder_3 failed: Error: boom", { cause }), { name: "ComponentError", component: { name: "Exploder_3" } });
    expect(describeFailure(failure, url)).toEqual({ message: "ComponentError: Exploder_3 failed: Error: boom", component: "Exploder_3", line: 12 });
  });

  it("has no component for an error thrown outside one", () => {
    expect(describeFailure(Object.assign(new TypeError("not a function"), { stack: `TypeError\n    at ${url}:4:2` }), url)).toEqual({
      message: "TypeError: not a function",
      component: null,
      line: 4,
    });
  });
});
