import { expect, test } from "@playwright/test";
import { requireBuiltSite } from "./site.js";

test.beforeAll(requireBuiltSite);

test("search finds Graphline's reference page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).first().click();
  await page.getByRole("dialog").getByPlaceholder("Search").fill("Graphline");
  const results = page.getByRole("dialog").locator("a[href*='/reference/chassis/graphline/']");
  await expect(results.first()).toBeVisible({ timeout: 15_000 });
});
