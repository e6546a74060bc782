import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rehypeReferenceLinks } from "./code-links.mjs";
import { linksFor } from "./reference-choice.mjs";
import { exportedNames, referenceLinks } from "./reference-links.mjs";

/** A repository with an entry file and the reference pages the site would generate for it. */
const root = mkdtempSync(join(tmpdir(), "reference-links-"));
const files: Record<string, string> = {
  "runtime/src/index.ts": 'export { Pipeline } from "./chassis/Pipeline.js";\nexport { ConsoleEchoer } from "./util/ConsoleEchoer.js";\nexport { HandleClosed, handle, type Handle } from "./axon/Handle.js";\n',
  "site/src/content/docs/reference/chassis/Pipeline.md": '---\ntitle: "Pipeline"\n---\n',
  "site/src/content/docs/reference/util/ConsoleEchoer.md": '---\ntitle: "ConsoleEchoer"\n---\n',
  "site/src/content/docs/reference/axon/handle.md": '---\ntitle: "handle"\n---\n',
  "site/src/content/docs/reference/axon/Handle-1.md": '---\ntitle: "Handle"\n---\n',
  "site/src/content/docs/reference/kamaelia/index.md": '---\ntitle: "kamaelia"\n---\n',
  "runtime/src/node.ts": 'export { WebSocketClient } from "./internet/WebSocketClient.js";\nexport { ConsoleEchoer } from "./util/ConsoleEchoer.js";\n',
  "runtime/src/browser.ts": 'export { WebSocketClient } from "./browser/WebSocketClient.js";\n',
  "site/src/content/docs/reference/internet/WebSocketClient.md": '---\ntitle: "WebSocketClient"\n---\n',
  "site/src/content/docs/reference/browser/WebSocketClient.md": '---\ntitle: "WebSocketClient"\n---\n',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
}
afterAll(() => {
  rmSync(root, { recursive: true });
});

describe("the names kamaelia exports", () => {
  it("are read from an entry file's export lists, types and renamed exports included", () => {
    const entry = [
      "// Axon",
      'export { Microprocess, Sleep, type MainResult } from "./axon/Microprocess.js";',
      "export {",
      "  Component,",
      "  type BoxDeclaration, // the boxes",
      '} from "./axon/Component.js";',
      'export type { Box } from "./axon/Box.js";',
      'export { internalName as PublicName } from "./util/x.js";',
    ].join("\n");
    expect(exportedNames(entry)).toEqual(["Microprocess", "Sleep", "MainResult", "Component", "BoxDeclaration", "Box", "PublicName"]);
  });

  it("link to their reference pages, names that differ only in case to different pages", () => {
    expect(referenceLinks(root)).toEqual({
      ConsoleEchoer: "/reference/util/consoleechoer/",
      Handle: "/reference/axon/handle-1/",
      handle: "/reference/axon/handle/",
      "kamaelia/browser:WebSocketClient": "/reference/browser/websocketclient/",
      Pipeline: "/reference/chassis/pipeline/",
      WebSocketClient: "/reference/internet/websocketclient/",
    });
  });

  it("link a name two entries export as different things to the page of the entry a program imports it from", () => {
    const links = referenceLinks(root);
    expect(linksFor('import { WebSocketClient } from "kamaelia/browser";', links)["WebSocketClient"]).toBe("/reference/browser/websocketclient/");
    expect(linksFor('import { WebSocketClient } from "kamaelia/node";', links)["WebSocketClient"]).toBe("/reference/internet/websocketclient/");
    expect(Object.keys(linksFor("", links)).some((name) => name.includes(":"))).toBe(false);
  });
});

interface Node {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const text = (value: string): Node => ({ type: "text", value });
const span = (...children: Node[]): Node => ({ type: "element", tagName: "span", properties: {}, children });
const block = (language: string, ...tokens: Node[]): Node => ({
  type: "root",
  children: [{ type: "element", tagName: "pre", properties: { dataLanguage: language }, children: [{ type: "element", tagName: "code", properties: {}, children: tokens }] }],
});

function links(tree: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if (node.tagName === "a") found.push(`${node.children?.[0]?.value ?? ""} -> ${String(node.properties?.["href"])}`);
    node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

describe("names in the site's code blocks", () => {
  const link = rehypeReferenceLinks({ root });

  it("link to their reference pages in TypeScript", () => {
    const tree = block("ts", span(text("await new ")), span(text("Pipeline")), span(text("(")), span(text("new ConsoleEchoer()")));
    link(tree);
    expect(links(tree)).toEqual(["Pipeline -> /reference/chassis/pipeline/", "ConsoleEchoer -> /reference/util/consoleechoer/"]);
  });

  it("are left alone in strings, comments, other languages and inside longer names", () => {
    const tree = block("ts", span(text('"Pipeline"')), span(text("// a Pipeline")), span(text("MyPipeline")));
    link(tree);
    const shell = block("sh", span(text("Pipeline")));
    link(shell);
    expect([...links(tree), ...links(shell)]).toEqual([]);
  });

  it("link to the page of the entry the block imports a name from", () => {
    const tree = block("ts", span(text("import { WebSocketClient } from ")), span(text('"kamaelia/browser"')), span(text(";")), span(text("new WebSocketClient(url)")));
    link(tree);
    expect(links(tree)).toEqual(["WebSocketClient -> /reference/browser/websocketclient/", "WebSocketClient -> /reference/browser/websocketclient/"]);
  });
});
