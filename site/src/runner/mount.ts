/**
 * Mounts every runner on the page (the elements the Runner component rendered): reads each one's
 * settings, starts a worker loading the runtime, brings in the editor, and opens a share link's program.
 * @module
 */

import { configureRuntime, warmUp } from "./in-page.js";
import { Runner, type RunnerConfig } from "./runner.js";

/** Mounts the runners not mounted yet. */
export function mountRunners(): void {
  const roots = [...document.querySelectorAll<HTMLElement>("[data-runner]:not([data-mounted])")];
  if (roots.length === 0) return;
  configureRuntime(roots[0]?.dataset["browserEntry"] === "true");
  for (const root of roots) {
    root.dataset["mounted"] = "";
    const settings = root.querySelector("script[data-runner-config]");
    if (settings === null) continue;
    const runner = new Runner(root, JSON.parse(settings.textContent) as RunnerConfig);
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
