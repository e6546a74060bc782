import { describe, expect, it } from "vitest";
import { describeFailure, NODE_PROGRAM, programPlace, stripTypes, toNodeModules, toWorkerModule, UnrunnableProgram } from "./program.js";
import { importsOf, needsNode, resolveFile } from "./program-imports.js";

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
    const module = toWorkerModule(check, runtime, { local: (specifier) => (specifier.endsWith("check-kit.js") ? "blob:kit" : null) });
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
    expect(error).toMatchObject({ line: 2, file: null });
  });
});

/** Records each file placed, in order, and places it at `blob:<file>`. */
function placements(): { placed: [file: string, module: string][]; place: (file: string, module: string) => string } {
  const placed: [string, string][] = [];
  return {
    placed,
    place: (file, module) => {
      placed.push([file, module]);
      return `blob:${file}`;
    },
  };
}

describe("a program that imports the files beside it", () => {
  const chat = ['import { Pipeline, type Component } from "kamaelia";', "export const room = (parts: Component[]): Pipeline => new Pipeline(...parts);"].join("\n");

  it("imports a file as ./name.js or ./name.ts from where it is placed, made once, its types stripped and its kamaelia imports pointed at the runtime", () => {
    const { placed, place } = placements();
    const program = ['import { room } from "./chat.js";', "import * as again from './chat.ts';", "room([again.room([])]);"].join("\n");
    const module = toWorkerModule(program, runtime, { files: { "chat.ts": chat }, place });
    expect(module.split("\n")).toEqual(['import { room } from "blob:chat.ts";', "import * as again from 'blob:chat.ts';", "room([again.room([])]);"]);
    expect(placed).toEqual([["chat.ts", 'import { Pipeline, } from "https://example.org/_runner/kamaelia/index.js";\nexport const room = (parts) => new Pipeline(...parts);']]);
  });

  it("places the files a file imports before it, so that its module can name their URLs", () => {
    const { placed, place } = placements();
    const files = { "chat.ts": 'import { words } from "./words.js";\nexport const said = words;', "words.ts": 'export const words: string[] = ["hi"];' };
    toWorkerModule('import { said } from "./chat.js";\nconsole.log(said);', runtime, { files, place });
    expect(placed).toEqual([
      ["words.ts", 'export const words = ["hi"];'],
      ["chat.ts", 'import { words } from "blob:words.ts";\nexport const said = words;'],
    ]);
  });

  it("runs as the modules it is made into: the program, its file and the runtime", async () => {
    const index = new URL("../../../runtime/dist/index.js", import.meta.url).href;
    const files = { "chat.ts": chat, "words.ts": 'export const words: readonly string[] = ["hello", "world"];' };
    const program = [
      'import { ConsoleEchoer, DataSource, PureTransformer } from "kamaelia";',
      'import { room } from "./chat.js";',
      'import { words } from "./words.ts";',
      "export const heard: string[] = [];",
      "await room([new DataSource(words), new PureTransformer((word: string) => word.toUpperCase()), new ConsoleEchoer({ sink: (line) => heard.push(line) })]).run();",
    ].join("\n");
    const module = toWorkerModule(program, { ...runtime, index }, { files });
    const ran = (await import(/* @vite-ignore */ `data:text/javascript;charset=utf-8,${encodeURIComponent(module)}`)) as { heard: string[] };
    expect(ran.heard).toEqual(["HELLO", "WORLD"]);
  });

  it("refuses a file the page does not give, naming the file, the module that imports it and its line", () => {
    const { place } = placements();
    expect(thrown(() => toWorkerModule('import { room } from "./chat.js";\n\nimport "./nowhere.js";\nroom([]);', runtime, { files: { "chat.ts": chat }, place }))).toEqual(
      new UnrunnableProgram('This program imports "./nowhere.js", but this page gives it no such file: a program here can import kamaelia (and kamaelia/browser and kamaelia/testing) and the files shown with it: chat.ts.', 3),
    );
    expect(thrown(() => toWorkerModule('import "../chat.js";', runtime))).toEqual(
      new UnrunnableProgram('This program imports "../chat.js", but this page gives it no such file: a program here can import only kamaelia (and kamaelia/browser and kamaelia/testing).', 1),
    );
    const error = thrown(() => toWorkerModule('import "./chat.js";', runtime, { files: { "chat.ts": '\nimport "kamaelia/node";' }, place }));
    expect(error).toEqual(new UnrunnableProgram("chat.ts imports kamaelia/node, which needs Node: it cannot run in a page.", 2, "chat.ts"));
  });

  it("names the file a syntax error is in, with its line", () => {
    const error = thrown(() => toWorkerModule('import "./chat.js";', runtime, { files: { "chat.ts": "export const a = 1;\nexport const = 2;" } }));
    expect(error).toBeInstanceOf(UnrunnableProgram);
    expect(error).toMatchObject({ file: "chat.ts", line: 2 });
  });

  it("refuses files that import each other in a circle, which modules at blob URLs cannot do", () => {
    const files = { "a.ts": 'import "./b.js";', "b.ts": '\nimport "./a.js";' };
    expect(thrown(() => toWorkerModule('import "./a.js";', runtime, { files }))).toEqual(
      new UnrunnableProgram("b.ts imports a.ts, which imports it: files here cannot import each other in a circle.", 2, "b.ts"),
    );
  });

  it("is written for Node as one folder: the program as main.mjs, each file as .js, imports of files as ./name.js", () => {
    const files = { "chat.ts": chat, "unused.ts": "export const never = 1;" };
    const modules = toNodeModules('import { TCPClient } from "kamaelia/node";\nimport { room } from "./chat.ts";\nroom([new TCPClient("127.0.0.1", 1)]);', files);
    expect([...modules.keys()]).toEqual(["chat.js", NODE_PROGRAM]);
    expect(modules.get(NODE_PROGRAM)).toBe('import { TCPClient } from "kamaelia/node";\nimport { room } from "./chat.js";\nroom([new TCPClient("127.0.0.1", 1)]);');
    expect(modules.get("chat.js")).toBe('import { Pipeline, } from "kamaelia";\nexport const room = (parts) => new Pipeline(...parts);');
    expect(() => toNodeModules('import "./gone.js";', files)).toThrow('This program imports "./gone.js", but this page gives it no such file');
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

  it("needs Node when a file it imports, or a file that one imports, needs Node, and not for files it leaves alone", () => {
    const files = { "chat.ts": 'import { words } from "./words.js";', "words.ts": 'import { readFile } from "node:fs/promises";', "page.ts": 'import { Pipeline } from "kamaelia";' };
    expect(needsNode('import "./chat.js";', files)).toBe(true);
    expect(needsNode('import "./page.js";', files)).toBe(false);
    expect(needsNode('import "./words.ts";', files)).toBe(true);
    expect(needsNode('import { Pipeline } from "kamaelia";', files)).toBe(false);
  });

  it("finds the file an import names, as TypeScript does: .js for .ts, beside the program only", () => {
    const files = { "chat.ts": "", "plain.js": "" };
    expect(["./chat.js", "./chat.ts", "./plain.js", "./chat", "../chat.js", "chat.js", "./sub/chat.js"].map((specifier) => resolveFile(specifier, files))).toEqual([
      "chat.ts",
      "chat.ts",
      "plain.js",
      null,
      null,
      null,
      null,
    ]);
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

  const modules = new Map([[url, null]]);

  it("is the first line of the program on the stack", () => {
    expect(programPlace(stack, modules)).toEqual({ file: null, line: 12 });
    expect(programPlace("Error: boom\n    at https://example.org/x.js:1:1", modules)).toBeNull();
  });

  it("is in the file beside the program whose module the first frame of the program's is in", () => {
    const chat = "blob:https://example.org/9d1e0a77";
    const withChat = new Map([...modules, [chat, "chat.ts"]]);
    expect(programPlace(`TypeError: x\n    at room (${chat}:7:3)\n    at ${url}:2:1`, withChat)).toEqual({ file: "chat.ts", line: 7 });
    expect(describeFailure(Object.assign(new TypeError("x"), { stack: `TypeError: x\n    at ${chat}:7:3` }), withChat)).toMatchObject({ file: "chat.ts", line: 7 });
  });

  it("names the component a ComponentError names, and the line its cause was thrown from", () => {
    const cause = Object.assign(new Error("boom"), { stack });
    const failure = Object.assign(new Error("Exploder_3 failed: Error: boom", { cause }), { name: "ComponentError", component: { name: "Exploder_3" } });
    expect(describeFailure(failure, modules)).toEqual({ message: "ComponentError: Exploder_3 failed: Error: boom", component: "Exploder_3", file: null, line: 12 });
  });

  it("has no component for an error thrown outside one", () => {
    expect(describeFailure(Object.assign(new TypeError("not a function"), { stack: `TypeError\n    at ${url}:4:2` }), modules)).toEqual({
      message: "TypeError: not a function",
      component: null,
      file: null,
      line: 4,
    });
  });
});
