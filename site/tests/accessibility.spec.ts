import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { requireBuiltSite, sections } from "./site.js";

test.beforeAll(requireBuiltSite);

for (const { path, kind } of sections) {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no serious or critical problem on the ${kind} page (${path}, ${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({ rule: violation.id, help: violation.help, where: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")) }));
      expect(serious).toEqual([]);
    });
  }
}
