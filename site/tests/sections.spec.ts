import { expect, test } from "@playwright/test";
import { repositoryUrl } from "../settings.mjs";
import { requireBuiltSite, sections } from "./site.js";

test.beforeAll(requireBuiltSite);

for (const { path, heading, kind } of sections) {
  test(`the ${kind} page ${path} renders, cross-origin isolated, without errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cross-origin-embedder-policy"]).toBe("require-corp");
    await expect(page.locator("h1").first()).toHaveText(heading);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(errors).toEqual([]);
  });
}

test("a missing page answers 404 with the site's own page", async ({ page }) => {
  const response = await page.goto("/no/such/page/");
  expect(response?.status()).toBe(404);
  await expect(page.locator("h1").first()).toHaveText("404");
});

test("the home page shows a Pipeline and a Graphline, each with what it prints, in the runner", async ({ page }) => {
  await page.goto("/");
  const programs = page.locator("[data-runner]");
  await expect(programs).toHaveCount(2);
  await expect(programs.nth(0)).toContainText("new Pipeline(");
  await expect(programs.nth(0).locator(".runner-expected")).toHaveText("HELLO\nWORLD");
  await expect(programs.nth(1)).toContainText("new Graphline(");
  for (const journey of ["Learn: the tutorial", "Do: the cookbook", "Look up: the reference"]) {
    await expect(page.getByRole("link", { name: journey })).toBeVisible();
  }
});

test("the cookbook's index lists every section, and says which are still coming", async ({ page }) => {
  await page.goto("/cookbook/");
  for (const section of ["Components and composition", "Network systems: servers and clients", "HTTP", "Digital TV"]) {
    await expect(page.getByRole("heading", { name: section, exact: true })).toBeVisible();
  }
  await expect(page.locator(".recipe-section").first().locator("a").first()).toHaveAttribute("href", /^\/cookbook\/composition\/.+\/$/);
  const section = (name: string) => page.locator(".recipe-section", { has: page.getByRole("heading", { name, exact: true }) });
  // A section lists its recipes, then the ones still to come with what they wait for.
  await expect(section("Network systems: servers and clients").locator("a")).toHaveCount(8);
  await expect(section("Network systems: servers and clients").locator(".recipe-coming")).toContainText("26. Reliable delivery over a damaged link: waits for");
  await expect(section("Digital TV").locator("a")).toHaveCount(0);
  await expect(section("Digital TV").locator(".recipe-coming li")).toHaveCount(3);
  await expect(section("HTTP").locator(".recipe-coming")).toHaveCount(0);
});

test("every apps page says what the application is and that it is coming", async ({ page }) => {
  for (const app of ["grey", "batch-transcoder", "whiteboard", "macro", "presentation-tool"]) {
    await page.goto(`/apps/${app}/`);
    await expect(page.locator(".starlight-aside").first()).toContainText("Coming");
  }
});

test("pages link to their source for editing, in the folder they are authored in", async ({ page }) => {
  await page.goto("/tutorial/");
  await expect(page.getByRole("link", { name: "Edit page" })).toHaveAttribute("href", `${repositoryUrl}/edit/main/tutorial/index.md`);
  await page.goto("/about/");
  await expect(page.getByRole("link", { name: "Edit page" })).toHaveAttribute("href", `${repositoryUrl}/edit/main/site/src/content/docs/about.md`);
});

test("code blocks have a copy button", async ({ page }) => {
  await page.goto("/reference/chassis/pipeline/");
  await expect(page.getByRole("button", { name: "Copy to clipboard" }).first()).toBeAttached();
});

test("the theme can be switched to dark, and follows the system's preference", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/about/");
  await page.getByRole("combobox", { name: "Select theme" }).first().selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("on a phone the sidebar folds behind a menu button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/reference/chassis/pipeline/", { waitUntil: "networkidle" });
  const sidebar = page.locator("#starlight__sidebar");
  await expect(sidebar).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  await menu.click();
  await expect(page.locator("body")).toHaveAttribute("data-mobile-menu-expanded", "");
  await expect(sidebar).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
