// Runs one tutorial program and then its step's checks, in a process of its own, as the page's runner does
// in its worker: `node scripts/tutorial-step.mjs <program.ts> <check.ts>`. The program's types are
// stripped, `kamaelia` is the built runtime (run `npm run build` first), and what it prints is collected.
// The last line of the output is the verdict as JSON: {"passed":true} or {"passed":false,"message":"..."}.
// tutorial/tutorial.test.ts runs it for every step's starting code and solution.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transform } from "sucrase";

const root = fileURLToPath(new URL("..", import.meta.url));
const runtime = {
  kamaelia: pathToFileURL(join(root, "runtime/dist/index.js")).href,
  "kamaelia/node": pathToFileURL(join(root, "runtime/dist/node.js")).href,
  "kamaelia/testing": pathToFileURL(join(root, "runtime/dist/testing.js")).href,
};

const [programPath, checkPath] = process.argv.slice(2);
if (programPath === undefined || checkPath === undefined) {
  console.error("usage: node scripts/tutorial-step.mjs <program.ts> <check.ts>");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "kamaelia-step-"));

/**
 * Strips a TypeScript file's types and points its imports at the built runtime, or (for a relative
 * import) at the transpiled copy of that file, written beside it in the work folder.
 * @param {string} path
 * @returns {string} the file URL of the transpiled module
 */
function transpile(path) {
  const done = transpiled.get(path);
  if (done !== undefined) return pathToFileURL(done).href;
  const source = readFileSync(path, "utf8");
  const { code } = transform(source, { transforms: ["typescript"], disableESTransforms: true });
  /** @type {(whole: string, before: string, quote: string, specifier: string) => string} */
  const relink = (whole, before, quote, specifier) => {
    const built = /** @type {Record<string, string | undefined>} */ (runtime)[specifier];
    if (built !== undefined) return `${before}${quote}${built}${quote}`;
    const local = resolve(dirname(path), specifier.replace(/\.js$/, ".ts"));
    // A relative import of a file that is not there is prose (an example in a comment), or fails when run.
    if (specifier.startsWith(".") && existsSync(local)) return `${before}${quote}${transpile(local)}${quote}`;
    return whole;
  };
  const rewritten = code.replace(/(\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"'\n]+)\2/g, relink);
  const out = join(work, `${String(transpiled.size)}-${path.split(/[\\/]/).pop()?.replace(/\.ts$/, ".mjs") ?? "module.mjs"}`);
  transpiled.set(path, out);
  writeFileSync(out, rewritten);
  return pathToFileURL(out).href;
}
/** @type {Map<string, string>} */
const transpiled = new Map();


/** @param {{ passed: boolean, message?: string }} result */
function report(result) {
  rmSync(work, { recursive: true, force: true });
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  process.exit(0);
}

/**
 * Imports a module whose types this script cannot see.
 * @param {string} url
 * @returns {Promise<unknown>}
 */
async function load(url) {
  /** @type {unknown} */
  const loaded = await import(url);
  return loaded;
}

const kit = /** @type {typeof import("../tutorial/check-kit.js")} */ (await load(transpile(join(root, "tutorial/check-kit.ts"))));
const { Scheduler, str } = /** @type {typeof import("kamaelia")} */ (await load(runtime.kamaelia));

// What the program prints, formatted as the page's runner formats it: as kamaelia's components print messages.
/** @type {string[]} */
const output = [];
const print = (/** @type {unknown[]} */ ...args) => {
  output.push(args.map(str).join(" "));
};
console.log = print;
console.info = print;
console.debug = print;

// A program that has not ended by the deadline is stopped, and its checks run all the same.
const stopped = { byDeadline: false };
const deadline = setTimeout(() => {
  stopped.byDeadline = true;
  Scheduler.run.stop();
}, kit.DEADLINE_MS);

/** @type {Record<string, unknown>} */
let program;
try {
  program = /** @type {Record<string, unknown>} */ (await load(transpile(resolve(programPath))));
  // A program may start the scheduler without awaiting it: wait for its end too.
  if (Scheduler.run.isRunning) await Scheduler.run.runThreads();
} catch (error) {
  report({ passed: false, message: `Your program threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` });
  throw error;
}
clearTimeout(deadline);
const checks = /** @type {import("../tutorial/check-kit.js").CheckModule} */ (await load(transpile(resolve(checkPath))));
report(await kit.verdict(checks.default, program, output, !stopped.byDeadline));
