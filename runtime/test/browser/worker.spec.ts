import { expect, test } from "@playwright/test";

test("runs a source and a sink in a module Web Worker with the built runtime", async ({ page }) => {
  await page.goto("/runtime/test/browser/fixture/worker.html");
  await expect(page.locator("#result")).toHaveText(JSON.stringify({ collected: [1, 2, 3] }));
});

test("is served cross-origin isolated, so workers may share memory", async ({ page }) => {
  await page.goto("/runtime/test/browser/fixture/worker.html");
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
});
