/**
 * The learner's progress through the tutorial: a step whose checks have passed is remembered in
 * localStorage (one key per step's page), and ticked wherever the sidebar links to it.
 * @module
 */

/** The localStorage key that says a step is done, for the path of its page. */
export function progressKey(path: string): string {
  return `kamaelia-step-done:${path.endsWith("/") ? path : `${path}/`}`;
}

function store(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be switched off; progress then lasts as long as the page.
    return null;
  }
}

/** Remembers that the step on the page at `path` has passed its checks. */
export function markDone(path: string): void {
  try {
    store()?.setItem(progressKey(path), new Date().toISOString());
  } catch {
    // Full or switched off: nothing is remembered.
  }
}

/** Whether the step on the page at `path` has passed its checks in this browser. */
export function isDone(path: string): boolean {
  return (store()?.getItem(progressKey(path)) ?? null) !== null;
}

/** Ticks every sidebar link to a tutorial step that is done. */
export function markSidebar(root: ParentNode = document): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>("nav.sidebar a[href]")) {
    const path = new URL(link.href, location.href).pathname;
    if (!path.includes("/tutorial/") || !isDone(path) || link.dataset["done"] !== undefined) continue;
    link.dataset["done"] = "";
    const tick = document.createElement("span");
    tick.className = "step-done";
    tick.title = "Done: its checks passed in this browser";
    const mark = document.createElement("span");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = "✓";
    const said = document.createElement("span");
    said.className = "sr-only";
    said.textContent = "(done)";
    tick.append(mark, said);
    link.append(tick);
  }
}
