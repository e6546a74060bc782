// Page tests (`*.spec.ts`) run in the machine's Chromium, served by scripts/static-server.mjs from the repo root.
import { defineConfig } from "@playwright/test";
import { chromiumPath, howToProvideChromium } from "./scripts/chromium-path.mjs";

// Playwright must never fetch a browser of its own: the Chromium below is the only one.
process.env["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";

const executablePath = chromiumPath();
if (executablePath === undefined) throw new Error(howToProvideChromium);

// Set by the webServer's `wait` below once the server prints its URL; workers inherit it.
const staticPort = process.env["KAMAELIA_STATIC_PORT"];

export default defineConfig({
  testDir: ".",
  testMatch: ["runtime/test/browser/**/*.spec.ts", "site/tests/**/*.spec.ts"],
  testIgnore: ["**/node_modules/**", "**/dist/**"],
  forbidOnly: process.env["CI"] !== undefined,
  retries: 0,
  reporter: [["list"], ["./scripts/playwright-summary.mjs"]],
  outputDir: "test-results",
  webServer: {
    command: "node scripts/static-server.mjs . 0",
    wait: { stdout: /http:\/\/127\.0\.0\.1:(?<kamaelia_static_port>\d+)\// },
    reuseExistingServer: false,
    stdout: "pipe",
    timeout: 30_000,
  },
  use: {
    ...(staticPort === undefined ? {} : { baseURL: `http://127.0.0.1:${staticPort}` }),
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
});
