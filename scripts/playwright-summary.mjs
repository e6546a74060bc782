// A Playwright reporter that ends the run with the shared closing line (see summary-line.mjs).
import { summaryLine } from "./summary-line.mjs";

/** @import { FullConfig, Reporter, Suite } from "@playwright/test/reporter" */

/**
 * Prints `playwright: N passed, N failed` when the run ends, counting each test by its final outcome.
 * @implements {Reporter}
 */
export default class PlaywrightSummary {
  /** @type {Suite | undefined} */
  #suite;

  /** @param {FullConfig} _config @param {Suite} suite */
  onBegin(_config, suite) {
    this.#suite = suite;
  }

  onEnd() {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    // A test's outcome accounts for retries: "flaky" passed on a retry.
    for (const test of this.#suite?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === "expected" || outcome === "flaky") counts.passed += 1;
      else if (outcome === "skipped") counts.skipped += 1;
      else counts.failed += 1;
    }
    console.log(summaryLine("playwright", counts));
  }

  printsToStdio() {
    return true;
  }
}
