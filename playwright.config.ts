// Page tests (`*.spec.ts`) run in the machine's Chromium, each served by scripts/static-server.mjs: the runtime's
// browser tests and the cookbook's page tests from the repo root, the site's tests from the built site (site/dist,
// made by `npm run build:site`).
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { chromiumPath, howToProvideChromium } from "./scripts/chromium-path.mjs";

// Playwright must never fetch a browser of its own: the Chromium below is the only one.
process.env["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";

const executablePath = chromiumPath();
if (executablePath === undefined) throw new Error(howToProvideChromium);

// Set by the webServers' `wait` below once each server prints its URL; workers inherit them.
const staticPort = process.env["KAMAELIA_STATIC_PORT"];
const sitePort = process.env["KAMAELIA_SITE_PORT"];
// Without a built site only the runtime's tests can run; the site's tests then say how to build it.
const siteBuilt = existsSync("site/dist/index.html");

/** A static server for a folder on a free port; `group` names the environment variable its port lands in. */
function server(folder: string, group: string) {
  return {
    command: `node scripts/static-server.mjs ${folder} 0`,
    wait: { stdout: new RegExp(`http://127\\.0\\.0\\.1:(?<${group}>\\d+)/`) },
    reuseExistingServer: false,
    stdout: "pipe" as const,
    timeout: 30_000,
  };
}

export default defineConfig({
  testDir: ".",
  testIgnore: ["**/node_modules/**", "**/dist/**"],
  forbidOnly: process.env["CI"] !== undefined,
  retries: 0,
  reporter: [["list"], ["./scripts/playwright-summary.mjs"]],
  outputDir: "test-results",
  webServer: [server(".", "kamaelia_static_port"), ...(siteBuilt ? [server("site/dist", "kamaelia_site_port")] : [])],
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath,
      // Without the networking flags Chromium keeps dialling out, which a closed network refuses.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "runtime",
      testMatch: ["runtime/test/browser/**/*.spec.ts", "cookbook/**/*.spec.ts"],
      use: staticPort === undefined ? {} : { baseURL: `http://127.0.0.1:${staticPort}` },
    },
    {
      name: "site",
      testMatch: ["site/tests/**/*.spec.ts"],
      use: sitePort === undefined ? {} : { baseURL: `http://127.0.0.1:${sitePort}` },
    },
  ],
});
