// What runtime-agnostic code (everything reachable from `kamaelia`) may not use, in one place for the lint
// rules (eslint.config.mjs) and the import-graph check (runtime/test/agnostic.test.ts).
import { builtinModules, isBuiltin } from "node:module";

/** Files of runtime/src that sit at the Node or browser edge and so may use Node or the DOM. */
export const edgeFiles = [
  "runtime/src/node.ts",
  "runtime/src/browser.ts",
  "runtime/src/internet/**",
  "runtime/src/file/**",
  "runtime/src/ui/**",
  "runtime/src/node/**",
  "runtime/src/browser/**",
];

/** Test-only files of runtime/src: they run under Node and may use it, but stay off the DOM. */
export const testFiles = ["runtime/src/**/*.test.ts", "runtime/src/test-support/**"];

/** Node's built-in modules without the `node:` prefix ("fs", "fs/promises", ...). */
export const nodeBuiltinModules = builtinModules.filter((name) => !name.startsWith("_"));

/**
 * Tells whether an import specifier names a Node built-in module (`node:fs`, `fs`, `fs/promises`, `node:test`).
 * @param {string} specifier
 */
export function isNodeBuiltin(specifier) {
  return specifier.startsWith("node:") || isBuiltin(specifier);
}

/** Globals that exist only in pages (or workers), not in Node. */
export const domGlobals = [
  "window",
  "self",
  "document",
  "navigator",
  "location",
  "history",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "screen",
  "alert",
  "confirm",
  "prompt",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "requestIdleCallback",
  "getComputedStyle",
  "matchMedia",
  "customElements",
  "XMLHttpRequest",
  "WebSocket",
  "Worker",
  "Image",
  "Audio",
  "Node",
  "Element",
  "Document",
  "DocumentFragment",
  "DOMParser",
  "HTMLElement",
  "HTMLCanvasElement",
  "HTMLImageElement",
  "HTMLInputElement",
  "HTMLTextAreaElement",
  "HTMLButtonElement",
  "CanvasRenderingContext2D",
  "MutationObserver",
  "ResizeObserver",
  "IntersectionObserver",
];

/** Globals that exist only in Node, not in pages or workers. */
export const nodeGlobals = [
  "process",
  "Buffer",
  "global",
  "require",
  "__dirname",
  "__filename",
  "setImmediate",
  "clearImmediate",
];
