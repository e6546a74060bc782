import { expect, test } from "@playwright/test";
import { requireBuiltSite } from "./site.js";

test.beforeAll(requireBuiltSite);

test("a component's reference page shows its inboxes and outboxes as tables, then its example", async ({ page }) => {
  await page.goto("/reference/chassis/pipeline/");
  const inboxes = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Inbox", exact: true }) });
  await expect(inboxes.getByRole("row")).toHaveText([/Inbox\s*Meaning/, /^\s*inbox\s*\S/, /^\s*control\s*\S/]);
  const outboxes = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Outbox", exact: true }) });
  await expect(outboxes.getByRole("row")).toHaveText([/Outbox\s*Meaning/, /^\s*outbox\s*\S/, /^\s*signal\s*\S/]);
  await expect(page.getByRole("heading", { name: "Example", exact: true })).toBeVisible();
  await expect(page.locator(".expressive-code").first()).toContainText("new Pipeline(");
});

test("the sidebar groups the reference like the runtime's folders, Axon first", async ({ page }) => {
  await page.goto("/reference/");
  const reference = page.getByRole("navigation", { name: "Main" }).locator("ul.top-level > li").filter({ hasText: /^\s*Reference/ });
  const groups = await reference.locator(":scope > details > ul > li > details > summary").allTextContents();
  const names = groups.map((text) => text.trim());
  expect(names.slice(0, 3)).toEqual(["Axon", "Chassis", "Util"]);
  const chassis = reference.locator("details").filter({ has: page.locator("summary", { hasText: /^\s*Chassis\s*$/ }) });
  await expect(chassis.locator("a[href='/reference/chassis/pipeline/']")).toHaveCount(1);
});
