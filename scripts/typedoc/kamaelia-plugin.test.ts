import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { Application, LogLevel } from "typedoc";
import { afterAll, describe, expect, it } from "vitest";
import { importedRuntimeNames, recipesByExport } from "./recipes.mjs";
import { typeDocOptions } from "./options.mjs";

// A repository in miniature, made afresh for each run: a runtime with documented components and a
// cookbook whose recipe imports one. TypeDoc runs over it with the reference's own options and plugin.
const roots: string[] = [];

function write(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

/** Makes a fixture repository from `files`, runs TypeDoc over it, and returns what it logged and wrote. */
async function document(files: Record<string, string>): Promise<{ warnings: string[]; failure: unknown; out: string }> {
  const root = mkdtempSync(join(tmpdir(), "kamaelia-typedoc-"));
  roots.push(root);
  const source = join(root, "runtime", "src");
  const out = join(root, "out");
  for (const [path, text] of Object.entries({ ...fixture, ...files })) write(join(root, path), text);
  const options = typeDocOptions(root);
  const settings: Record<string, unknown> = {
    ...options,
    plugin: [...(options["plugin"] as string[]), "typedoc-plugin-markdown"],
    entryPoints: [join(source, "index.ts"), join(source, "node.ts")],
    tsconfig: join(root, "tsconfig.json"),
    readme: "none",
    hidePageHeader: true,
    hideBreadcrumbs: true,
    outputs: [{ name: "markdown", path: out }],
  };
  const app = await Application.bootstrapWithPlugins(settings);
  const warnings: string[] = [];
  const log = app.logger.log.bind(app.logger);
  app.logger.log = (message, level) => {
    // The console logger's messages carry a coloured "[warning]" prefix; keep the text.
    if (level >= LogLevel.Warn) warnings.push(stripVTControlCharacters(message).replace(/^\[\w+\]\s*/, ""));
    log(message, level);
  };
  const project = await app.convert();
  if (project === undefined) throw new Error(`TypeDoc could not convert the fixture: ${warnings.join("\n")}`);
  let failure: unknown;
  try {
    await app.generateOutputs(project);
  } catch (error) {
    failure = error;
  }
  return { warnings, failure, out };
}

/** What every fixture has: a package, a second entry point as the real runtime has, a cookbook. */
const fixture = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "NodeNext", types: [] }, include: ["runtime/src"] }),
  "cookbook/composition/doubling/main.ts": 'import { Doubler, type Component as C } from "kamaelia";\n',
  "cookbook/composition/doubling/index.mdx": "---\ntitle: How do I double numbers?\n---\n",
  "cookbook/composition/other/main.ts": 'import { Pipeline } from "kamaelia";\nimport { Doubler } from "./local.js";\n',
  "cookbook/network/split/main.ts": 'import { TCPClient } from "kamaelia/node";\nimport { room } from "./room.js";\n',
  "cookbook/network/split/room.ts": 'import { Backplane } from "kamaelia";\nimport { hear } from "./hear.js";\n',
  "cookbook/network/split/hear.ts": 'import { ConsoleEchoer, type Component } from "kamaelia";\n',
  "runtime/package.json": '{ "name": "kamaelia", "version": "0.0.0" }',
  "runtime/src/node.ts": '// The fixture Node entry.\nexport { nodeOnly } from "./node/nodeOnly.js";\n',
  "runtime/src/node/nodeOnly.ts": "/** Only in Node; see {@link Doubler}. */\nexport const nodeOnly = 1;\n",
};

const component = `
import { Component } from "./Component.js";

/**
 * Doubles every number.
 * @remarks Ends when told to.
 * @inbox inbox - numbers to double
 * @inbox control - shutdown messages
 * @outbox outbox - twice each number
 * @outbox signal - the shutdown message | passed on
 * @example
 * \`\`\`ts
 * new Doubler();
 * \`\`\`
 */
export class Doubler extends Component {
  static override Inboxes = { inbox: "numbers", control: "shutdown" };
  static override Outboxes = { outbox: "doubled", signal: "shutdown" };
}
`;

const base = `
/** A component. */
export class Component {
  /** Its inboxes. */
  static Inboxes: Record<string, string> = {};
  /** Its outboxes. */
  static Outboxes: Record<string, string> = {};
  /** Sends a message. */
  send(): void {}
}
`;

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe("the cookbook scan", () => {
  it("reads the names a program imports from kamaelia and its entry points, aliases undone, other modules ignored", () => {
    expect([...importedRuntimeNames('import { A, type B as C } from "kamaelia";\nimport { D } from "kamaelia/node";\nimport { E } from "./e.js";')]).toEqual(["A", "B", "D"]);
  });

  it("maps each export to the recipes that import it, with the title from the recipe's page", () => {
    const root = mkdtempSync(join(tmpdir(), "kamaelia-cookbook-"));
    roots.push(root);
    for (const [path, text] of Object.entries(fixture)) write(join(root, path), text);
    const uses = recipesByExport(join(root, "cookbook"));
    expect(uses.get("Doubler")).toEqual([{ url: "/cookbook/composition/doubling/", title: "How do I double numbers?" }]);
    expect(uses.get("Pipeline")).toEqual([{ url: "/cookbook/composition/other/", title: "other" }]);
  });

  it("counts the files beside a recipe's main.ts that it imports, and theirs, as its program", () => {
    const root = mkdtempSync(join(tmpdir(), "kamaelia-cookbook-"));
    roots.push(root);
    for (const [path, text] of Object.entries(fixture)) write(join(root, path), text);
    const uses = recipesByExport(join(root, "cookbook"));
    const split = [{ url: "/cookbook/network/split/", title: "split" }];
    expect([uses.get("TCPClient"), uses.get("Backplane"), uses.get("ConsoleEchoer")]).toEqual([split, split, split]);
  });
});

describe("the reference's TypeDoc plugin", () => {
  it("puts a component's page in its folder's group, with box tables, its example, the recipes that use it, and links to it from another entry point", { timeout: 60_000 }, async () => {
    const { warnings, failure, out } = await document({
      "runtime/src/index.ts": '// The fixture entry.\nexport { Component } from "./axon/Component.js";\nexport { Doubler } from "./chassis/Doubler.js";\n',
      "runtime/src/axon/Component.ts": base,
      "runtime/src/chassis/Doubler.ts": component.replace("./Component.js", "../axon/Component.js"),
    });
    expect(warnings).toEqual([]);
    expect(failure).toBeUndefined();
    const page = readFileSync(join(out, "chassis", "Doubler.md"), "utf8");
    expect(page).toContain("## Inboxes\n\n| Inbox | Meaning |\n| :------ | :------ |\n| `inbox` | numbers to double |\n| `control` | shutdown messages |");
    expect(page).toContain("| `signal` | the shutdown message \\| passed on |");
    expect(page.indexOf("## Outboxes")).toBeLessThan(page.indexOf("## Example"));
    expect(page).toContain("## Recipes that use it\n\n- [How do I double numbers?](/cookbook/composition/doubling/)");
    expect(page).not.toContain("send()");
    expect(readFileSync(join(out, "node", "nodeOnly.md"), "utf8")).toContain("(/reference/chassis/doubler/)");
    const module = readFileSync(join(out, "kamaelia", "index.md"), "utf8");
    expect(module).toContain("The fixture entry.");
    expect(module.indexOf("## Axon")).toBeLessThan(module.indexOf("## Chassis"));
  });

  it("fails the build on an undocumented export, naming it", { timeout: 60_000 }, async () => {
    const { warnings, failure } = await document({
      "runtime/src/index.ts": 'export { Component } from "./axon/Component.js";\nexport { helper } from "./axon/helper.js";\n',
      "runtime/src/axon/Component.ts": base,
      "runtime/src/axon/helper.ts": "export function helper(): number {\n  return 1;\n}\n",
    });
    expect(warnings.join("\n")).toContain("kamaelia.helper");
    expect(String(failure)).toContain("TypeDoc reported problems");
  });

  it("warns when a component's box tags and its static boxes disagree", { timeout: 60_000 }, async () => {
    const { warnings, failure } = await document({
      "runtime/src/index.ts": 'export { Component } from "./axon/Component.js";\nexport { Doubler } from "./chassis/Doubler.js";\n',
      "runtime/src/axon/Component.ts": base,
      "runtime/src/chassis/Doubler.ts": component.replace("./Component.js", "../axon/Component.js").replace('control: "shutdown" }', 'control: "shutdown", extra: "more" }'),
    });
    expect(warnings).toContain('kamaelia.Doubler declares "extra" in static Inboxes but its comment has no "@inbox extra - meaning" tag.');
    expect(failure).toBeDefined();
  });
});
