// Unit tests under Node: the runtime's own tests, then the cookbook's and tutorial's programs.
import { defineConfig } from "vitest/config";
import type { Reporter } from "vitest/reporters";
import { summaryLine } from "./scripts/summary-line.mjs";

/** Ends the run with the shared closing line; an error outside any test (a file that fails to load) counts as a failure. */
const summary: Reporter = {
  onTestRunEnd(testModules, unhandledErrors) {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const testModule of testModules) {
      counts.failed += testModule.errors().length;
      for (const testCase of testModule.children.allTests()) {
        const { state } = testCase.result();
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    console.log(summaryLine("vitest", counts));
  },
};

export default defineConfig({
  test: {
    include: [
      "runtime/src/**/*.test.ts",
      "runtime/test/**/*.test.ts",
      "scripts/**/*.test.ts",
      "cookbook/**/*.test.ts",
      "tutorial/**/*.test.ts",
      "site/src/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    environment: "node",
    watch: false,
    reporters: ["default", summary],
  },
});
