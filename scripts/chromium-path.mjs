import { existsSync } from "node:fs";

/** Where Debian's `chromium` package installs the browser. */
export const debianChromium = "/usr/bin/chromium";

/** What to do when no Chromium can be found, for error messages. */
export const howToProvideChromium =
  "Page tests need a Chromium. Either install Debian's package (as root: apt-get update && apt-get install -y chromium), " +
  "or set CHROMIUM_PATH to a Chromium or Chrome executable, e.g. CHROMIUM_PATH=/opt/chromium/chrome npm test.";

/**
 * Finds the Chromium that page tests drive: `CHROMIUM_PATH` when it is set, else Debian's `/usr/bin/chromium`.
 * @param {NodeJS.ProcessEnv} [env] the environment to read `CHROMIUM_PATH` from
 * @returns {string | undefined} the executable's path, or undefined when neither exists
 * @throws {Error} when `CHROMIUM_PATH` is set but names no existing file
 */
export function chromiumPath(env = process.env) {
  const fromEnv = env["CHROMIUM_PATH"];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!existsSync(fromEnv)) {
      throw new Error(
        `CHROMIUM_PATH is set to "${fromEnv}", but there is no file there. ` +
          `Point it at a Chromium executable, or unset it to use Debian's ${debianChromium}.`,
      );
    }
    return fromEnv;
  }
  return existsSync(debianChromium) ? debianChromium : undefined;
}
