/**
 * Formats a test runner's closing line, the same for every runner: `vitest: 12 passed, 0 failed, 1 skipped`.
 * `.ci/run` adds these lines up into its own closing line.
 * @param {string} runner one word naming the runner
 * @param {{ passed: number, failed: number, skipped: number }} counts
 */
export function summaryLine(runner, { passed, failed, skipped }) {
  const line = `${runner}: ${String(passed)} passed, ${String(failed)} failed`;
  return skipped > 0 ? `${line}, ${String(skipped)} skipped` : line;
}
