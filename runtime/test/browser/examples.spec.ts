// Runs the doc comment examples that need a page (see ../doc-examples.ts) in Chromium, with the built
// runtime (the fixture page's import map points `kamaelia` at runtime/dist): each must finish, leave
// nothing running on the default scheduler, and print what its trailing `// ...` comments say it prints.
// Node runs the others (../examples.test.ts).
import { expect, test } from "@playwright/test";
import ts from "typescript";
import { findExamples, needsPage, runtimeSources } from "../doc-examples.js";

type Kamaelia = typeof import("../../src/index.js");

const examples = findExamples(runtimeSources()).filter(needsPage);

/** The example as a module the page can import (its import map gives `kamaelia` the built runtime): types stripped. */
function pageModule(code: string): string {
  return ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

test("finds the examples that need a page", () => {
  expect(examples.length).toBeGreaterThan(0);
});

for (const example of examples) {
  test(`${example.title} example runs in a page`, async ({ page }) => {
    const failures: string[] = [];
    page.on("pageerror", (error) => failures.push(String(error)));
    await page.goto("/runtime/test/browser/fixture/page.html");
    const { lines, left } = await page.evaluate(
      async ({ source, index }) => {
        const printed: string[] = [];
        console.log = (...args: unknown[]) => {
          printed.push(args.map((arg) => (typeof arg === "string" ? arg : String(arg))).join(" "));
        };
        const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
        await import(url);
        // Callbacks the example left queued run before it is judged.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const { Scheduler } = (await import(index)) as Kamaelia;
        return { lines: printed, left: Scheduler.run.listAllThreads().map((mp) => mp.name) };
      },
      { source: pageModule(example.code), index: "/runtime/dist/index.js" },
    );
    expect(failures, `${example.title}: errors in the page`).toEqual([]);
    expect(left, `${example.title}: the example left microprocesses on the default scheduler`).toEqual([]);
    expect(lines.join(", "), `${example.title}: what the example prints`).toBe(example.expected);
  });
}
