/**
 * A learner's edits, kept per page and program in localStorage, with the program they started from so
 * that a changed page can say so. Only the program is kept: the files beside it, which cannot be
 * edited, always come from the page.
 * @module
 */

/** What is kept for one program. */
export interface SavedEdit {
  /** The program as the learner left it. */
  readonly code: string;
  /** The page's program when they edited it. */
  readonly original: string;
}

/** The localStorage key of a program on a page. */
export function storageKey(path: string, id: string): string {
  return `kamaelia-runner:${path}:${id}`;
}

function store(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be switched off; edits then last as long as the page.
    return null;
  }
}

/** The learner's edit of a program, if any. */
export function loadEdit(key: string): SavedEdit | null {
  const raw = store()?.getItem(key);
  if (raw === null || raw === undefined) return null;
  try {
    const saved = JSON.parse(raw) as Partial<SavedEdit>;
    return typeof saved.code === "string" && typeof saved.original === "string" ? { code: saved.code, original: saved.original } : null;
  } catch {
    return null;
  }
}

/** Keeps the learner's edit; an edit back to the page's program is forgotten. */
export function saveEdit(key: string, code: string, original: string): void {
  try {
    if (code === original) store()?.removeItem(key);
    else store()?.setItem(key, JSON.stringify({ code, original } satisfies SavedEdit));
  } catch {
    // Full or switched off: the edit lasts as long as the page.
  }
}

/** Forgets the learner's edit. */
export function forgetEdit(key: string): void {
  store()?.removeItem(key);
}
