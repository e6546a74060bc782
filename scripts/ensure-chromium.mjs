// Makes sure a Chromium for page tests exists, installing Debian's package when allowed.
// Order: CHROMIUM_PATH (must exist), /usr/bin/chromium, `apt-get install chromium` as root, else a how-to.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { chromiumPath, debianChromium, howToProvideChromium } from "./chromium-path.mjs";

/**
 * Tells whether a command is on PATH.
 * @param {string} command
 */
function onPath(command) {
  return (process.env["PATH"] ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, command)));
}

/**
 * Runs a command with inherited output after printing it; exits when it fails.
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  console.log(`$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    console.error(`ensure-chromium: "${command} ${args.join(" ")}" failed (exit ${String(result.status ?? result.signal)}).`);
    console.error(howToProvideChromium);
    process.exit(1);
  }
}

/**
 * Prints which Chromium page tests will use, with its version.
 * @param {string} path
 */
function report(path) {
  const version = spawnSync(path, ["--version"], { encoding: "utf8" });
  const said = version.status === 0 ? version.stdout.trim() : "version unknown";
  console.log(`ensure-chromium: page tests use ${path} (${said})`);
}

/** @returns {string | undefined} */
function findChromium() {
  try {
    return chromiumPath();
  } catch (error) {
    console.error(`ensure-chromium: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const found = findChromium();
if (found !== undefined) {
  report(found);
} else if (process.getuid?.() === 0 && onPath("apt-get")) {
  console.log(`ensure-chromium: no Chromium at ${debianChromium} and CHROMIUM_PATH is unset; installing Debian's chromium package.`);
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "chromium"]);
  const installed = findChromium();
  if (installed === undefined) {
    console.error(`ensure-chromium: apt-get installed chromium, but ${debianChromium} is still missing.`);
    console.error(howToProvideChromium);
    process.exit(1);
  }
  report(installed);
} else {
  console.error(`ensure-chromium: no Chromium found: CHROMIUM_PATH is unset and ${debianChromium} does not exist.`);
  console.error(howToProvideChromium);
  process.exit(1);
}
