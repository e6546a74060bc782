/**
 * Mounts every runner on the page (the elements the Runner component rendered): reads each one's
 * settings, starts a worker loading the runtime, brings in the editor, and opens a share link's program.
 * @module
 */

import { configureRuntime, warmUp } from "./in-page.js";
import { Runner, type RunnerConfig } from "./runner.js";

/**
 * A page's own limit on how long Node may take to start, from `?boot-timeout-ms=` in its URL: tests
 * shorten the wait, since offline it lasts the whole timeout.
 */
function bootTimeoutFromUrl(): number | null {
  const value = Number(new URLSearchParams(location.search).get("boot-timeout-ms") ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Mounts the runners not mounted yet. */
export function mountRunners(): void {
  const roots = [...document.querySelectorAll<HTMLElement>("[data-runner]:not([data-mounted])")];
  if (roots.length === 0) return;
  configureRuntime(roots[0]?.dataset["browserEntry"] === "true");
  for (const root of roots) {
    root.dataset["mounted"] = "";
    const settings = root.querySelector("script[data-runner-config]");
    if (settings === null) continue;
    const config = JSON.parse(settings.textContent) as RunnerConfig;
    const runner = new Runner(root, { ...config, bootTimeoutMs: bootTimeoutFromUrl() ?? config.bootTimeoutMs });
    void runner
      .openShared(location.hash)
      .then(() => runner.attachEditor())
      .catch((error: unknown) => {
        // The static code stays, and Run still runs it.
        console.error("The runner's editor did not load:", error);
      });
  }
  warmUp();
}
