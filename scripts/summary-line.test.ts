import { expect, test } from "vitest";
import { summaryLine } from "./summary-line.mjs";

test("says passed and failed, and skipped only when some were", () => {
  expect(summaryLine("vitest", { passed: 12, failed: 0, skipped: 0 })).toBe("vitest: 12 passed, 0 failed");
  expect(summaryLine("playwright", { passed: 2, failed: 1, skipped: 3 })).toBe("playwright: 2 passed, 1 failed, 3 skipped");
});
