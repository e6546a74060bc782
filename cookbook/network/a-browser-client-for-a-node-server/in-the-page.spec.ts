// The recipe's page program (main.ts) in Chromium, with the built kamaelia/browser, against the chat room
// of server.ts served from this test's process on a free port.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import ts from "typescript";
import "../../recipe-test.js";
import { Backplane, handle } from "kamaelia";
import { chatServer } from "./server.js";

/** main.ts as a module for the page, types stripped; the page's import map gives it the built runtime. */
const program = ts.transpileModule(readFileSync(new URL("main.ts", import.meta.url), "utf8"), {
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
}).outputText;

test("the page's WebSocketClient says hi to the Node chat room and prints exactly 1 says hi", async ({ page }) => {
  const backplane = handle(new Backplane("CHAT"));
  const core = chatServer(0);
  const server = handle(core);
  try {
    const { port } = await core.ready;
    await page.goto("/runtime/test/browser/fixture/page.html");
    const lines = await page.evaluate(
      async ({ program, url }) => {
        // Imported for its parts, as the recipe's tests do: it does not run itself.
        Object.assign(globalThis, { kamaeliaRecipeTest: true });
        const moduleUrl = URL.createObjectURL(new Blob([program], { type: "text/javascript" }));
        const { main } = (await import(moduleUrl)) as typeof import("./main.js");
        const printed: string[] = [];
        await main(url, (line) => printed.push(line));
        return printed;
      },
      { program, url: `ws://127.0.0.1:${String(port)}/` },
    );
    expect(lines).toEqual(["1 says hi"]);
  } finally {
    await server.shutdown();
    await backplane.shutdown();
  }
});
