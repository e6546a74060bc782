// Every tutorial step's checks, run by the page's runner as a learner runs them: Check on the starting
// code fails, saying what the step says it says (its check.ts's `startFails`); Solve, then Check, passes.
// tutorial/tutorial.test.ts runs the same checks in Node; this runs them in the worker, in Chromium.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { requireBuiltSite } from "./site.js";

test.beforeAll(requireBuiltSite);

const tutorial = fileURLToPath(new URL("../../tutorial/", import.meta.url));

/** The steps: folders tutorial/<part>/<step>/ with a check.ts, with their page's path and runner's id. */
const steps = readdirSync(tutorial, { withFileTypes: true })
  .filter((part) => part.isDirectory() && part.name !== "node_modules")
  .flatMap((part) =>
    readdirSync(join(tutorial, part.name), { withFileTypes: true })
      .filter((step) => step.isDirectory() && existsSync(join(tutorial, part.name, step.name, "check.ts")))
      .map((step) => {
        const folder = join(tutorial, part.name, step.name);
        const page = readFileSync(join(folder, "index.mdx"), "utf8");
        const id = /<Runner\b[^>]*\bid="([^"]+)"/.exec(page)?.[1];
        const startFails = /^export const startFails\s*=\s*(["'`])(.+)\1;$/m.exec(readFileSync(join(folder, "check.ts"), "utf8"))?.[2];
        return { name: `${part.name}/${step.name}`, path: `/tutorial/${part.name}/${step.name}/`, id, startFails };
      }),
  )
  .sort((a, b) => a.name.localeCompare(b.name));

test("finds the tutorial's steps", () => {
  expect(steps.length).toBeGreaterThan(0);
});

for (const step of steps) {
  test(`the ${step.name} step's checks fail on its starting code, saying what is wrong, and pass after Solve`, async ({ page }) => {
    expect(step.id, `${step.name}/index.mdx has a Runner with an id`).toBeDefined();
    expect(step.startFails, `${step.name}/check.ts says what its checks find wrong with the starting code`).toBeDefined();
    await page.goto(step.path);
    const runner = page.locator(`#runner-${step.id ?? ""}`);
    await expect(runner.locator("[data-runner-editor][data-ready] .cm-content")).toBeVisible();
    const verdict = runner.locator("[data-runner-verdict]");
    await runner.getByRole("button", { name: "Check" }).click();
    await expect(verdict).toHaveAttribute("data-verdict", "failed", { timeout: 15_000 });
    await expect(verdict).toContainText(step.startFails ?? "");
    await runner.getByRole("button", { name: "Solve" }).click();
    await runner.getByRole("button", { name: "Check" }).click();
    await expect(verdict).toHaveAttribute("data-verdict", /passed|failed/, { timeout: 15_000 });
    expect(await verdict.textContent()).toBe("Passed: every check of this step passed.");
  });
}
