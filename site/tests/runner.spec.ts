import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { importsOf } from "../src/runner/program-imports.js";

/** The runner with this id on the page, once its editor is up. */
async function runner(page: Page, path: string, id: string): Promise<Locator> {
  await page.goto(path);
  const found = page.locator(`#runner-${id}`);
  await expect(found.locator("[data-runner-editor][data-ready] .cm-content")).toBeVisible();
  return found;
}

/** Replaces the program in the editor, as a learner pasting it would. */
async function setProgram(page: Page, found: Locator, code: string): Promise<void> {
  await found.locator("[data-runner-editor] .cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

/** The program in the editor. */
async function program(found: Locator): Promise<string> {
  return (await found.locator("[data-runner-editor] .cm-line").allTextContents()).join("\n");
}

const original = [
  'import { ConsoleEchoer, DataSource, Pipeline, PureTransformer } from "kamaelia";',
  "",
  "// Each child's outbox feeds the next one's inbox; shutdown flows down the line behind the data.",
  "await new Pipeline(",
  '  new DataSource(["hello", "world"]),',
  "  new PureTransformer((word: string) => word.toUpperCase()),",
  "  new ConsoleEchoer(),",
  ").run();",
  "",
].join("\n");

test.describe("the runner", () => {
  test("runs the playground's hello pipeline and prints exactly what it prints", async ({ page }) => {
    const playground = await runner(page, "/playground/", "playground");
    expect(await program(playground)).toBe(original);
    await playground.getByRole("button", { name: "Run" }).click();
    await expect(playground).toHaveAttribute("data-state", "finished");
    await expect(playground.getByRole("log").locator(".runner-line")).toHaveText(["HELLO", "WORLD"]);
  });

  test("draws the running system: the Pipeline holding its three children, linked, with message counts", async ({ page }) => {
    const playground = await runner(page, "/playground/", "playground");
    await playground.getByRole("button", { name: "Run" }).click();
    await expect(playground).toHaveAttribute("data-state", "finished");
    const picture = playground.getByRole("region", { name: "running system" });
    const components = picture.locator(".runner-component");
    await expect(components).toHaveCount(4);
    const names = await components.evaluateAll((groups) => groups.map((group) => group.getAttribute("data-component") ?? ""));
    expect(names.map((name) => name.replace(/_\d+$/, "")).sort()).toEqual(["ConsoleEchoer", "DataSource", "Pipeline", "PureTransformer"]);
    // Each child's outbox to the next one's inbox, and signal to control.
    const ids = Object.fromEntries(
      await components.evaluateAll((groups) => groups.map((group) => [group.getAttribute("data-component")?.replace(/_\d+$/, ""), group.getAttribute("data-id")])),
    ) as Record<string, string>;
    const linkage = (from: string, outbox: string, to: string, inbox: string): Locator =>
      picture.locator(`.runner-edge[data-linkage="${ids[from] ?? ""}.${outbox}>${ids[to] ?? ""}.${inbox}"]`);
    await expect(linkage("DataSource", "outbox", "PureTransformer", "inbox").locator(".runner-count")).toHaveText("2");
    await expect(linkage("PureTransformer", "outbox", "ConsoleEchoer", "inbox").locator(".runner-count")).toHaveText("2");
    await expect(linkage("DataSource", "signal", "PureTransformer", "control").locator(".runner-count")).toHaveText("1");
    await expect(linkage("PureTransformer", "signal", "ConsoleEchoer", "control").locator(".runner-count")).toHaveText("1");
    // Once the run is over every component has ended.
    await expect(components.and(picture.locator('[data-state="ended"]'))).toHaveCount(4);
  });

  test("Stop ends an endless loop, and the page stays responsive while it runs", async ({ page }) => {
    const playground = await runner(page, "/playground/", "playground");
    await setProgram(page, playground, 'console.log("looping");\nwhile (true) {}\n');
    await playground.getByRole("button", { name: "Run" }).click();
    await expect(playground.getByRole("log")).toContainText("looping");
    await expect(playground).toHaveAttribute("data-state", "running");
    // The loop is in the worker: the page still answers at once.
    const started = Date.now();
    expect(await page.evaluate(() => document.title)).toContain("Playground");
    expect(Date.now() - started).toBeLessThan(1000);
    await playground.getByRole("button", { name: "Stop" }).click();
    await expect(playground).toHaveAttribute("data-state", "stopped");
    await expect(playground.getByRole("log")).toContainText("Stopped.");
    await expect(playground.getByRole("button", { name: "Stop" })).toBeDisabled();
  });

  test("shows the failing component's name and the line of the program it threw from", async ({ page }) => {
    const playground = await runner(page, "/playground/", "playground");
    await setProgram(
      page,
      playground,
      [
        'import { Component, DataSource, Pipeline } from "kamaelia";',
        "",
        "class Exploder extends Component {",
        "  override *main() {",
        '    throw new Error("boom");',
        "  }",
        "}",
        "",
        "await new Pipeline(new DataSource([1]), new Exploder()).run();",
      ].join("\n"),
    );
    await playground.getByRole("button", { name: "Run" }).click();
    await expect(playground).toHaveAttribute("data-state", "failed");
    const log = playground.getByRole("log");
    await expect(log).toContainText(/Exploder_\d+ failed: Error: boom/);
    await expect(log).toContainText(/The error was thrown in component Exploder_\d+, at line 5 of main\.ts\./);
    await expect(playground.locator(".cm-error-line")).toHaveText('    throw new Error("boom");');
  });

  test("falls back, when Node cannot start, to the program's recorded output and how to run it", async ({ page }) => {
    // Offline, WebContainer.boot() never settles: the page gives up after the (here shortened) timeout.
    const node = await runner(page, "/playground/node/?boot-timeout-ms=1500", "node-playground");
    const started = Date.now();
    await node.getByRole("button", { name: "Run" }).click();
    await expect(node).toHaveAttribute("data-state", "unavailable", { timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(6000);
    const log = node.getByRole("log");
    await expect(log).toContainText("Node could not start in this page");
    await expect(log.locator(".runner-transcript")).toHaveText("echoed: hello, server\nserver shut down");
    await expect(log.locator("code")).toHaveText("npm install kamaelia && npx tsx main.ts");
  });

  test("keeps edits across a reload, until Reset brings the page's program back", async ({ page }) => {
    let playground = await runner(page, "/playground/", "playground");
    const edited = 'import { ConsoleEchoer, DataSource, Pipeline } from "kamaelia";\n\nawait new Pipeline(new DataSource(["kept"]), new ConsoleEchoer()).run();\n';
    await setProgram(page, playground, edited);
    await expect.poll(() => page.evaluate(() => localStorage.getItem("kamaelia-runner:/playground/:playground"))).toContain("kept");
    await page.reload();
    playground = await runner(page, "/playground/", "playground");
    expect(await program(playground)).toBe(edited);
    await expect(playground.locator("[data-runner-status]")).toContainText("Your edit is kept");
    await playground.getByRole("button", { name: "Reset" }).click();
    expect(await program(playground)).toBe(original);
    await page.reload();
    playground = await runner(page, "/playground/", "playground");
    expect(await program(playground)).toBe(original);
  });

  test("shares a program through a link that opens it in the editor, and only there", async ({ page, browser }) => {
    const playground = await runner(page, "/playground/", "playground");
    const shared = 'import { ConsoleEchoer, DataSource, Pipeline } from "kamaelia";\n\nconst markup = "<img src=x onerror=\\"window.shared = 1\\">";\nawait new Pipeline(new DataSource([markup]), new ConsoleEchoer()).run();\n';
    await setProgram(page, playground, shared);
    await playground.getByRole("button", { name: "Share" }).click();
    await expect(page).toHaveURL(/#run=playground&code=[\w-]+$/);
    const link = page.url();
    // A browser that has never seen the page: nothing kept, only the link.
    const context = await browser.newContext();
    const other = await context.newPage();
    const opened = await runner(other, link, "playground");
    await expect.poll(() => program(opened)).toBe(shared);
    await expect(opened.locator("[data-runner-status]")).toContainText("Showing the program from the link");
    await opened.getByRole("button", { name: "Run" }).click();
    await expect(opened.getByRole("log").locator(".runner-line")).toHaveText(['<img src=x onerror="window.shared = 1">']);
    expect(await other.locator("img[src=x]").count()).toBe(0);
    expect(await other.evaluate(() => "shared" in window)).toBe(false);
    await context.close();
  });

  test("stops a run that goes past its time budget, and says so", async ({ page }) => {
    test.setTimeout(40_000);
    // A recipe's runner has the default budget, 10 s.
    const recipe = await runner(page, "/cookbook/composition/hello-pipeline/", "main-ts");
    await setProgram(page, recipe, "while (true) {}\n");
    await recipe.getByRole("button", { name: "Run" }).click();
    await expect(recipe).toHaveAttribute("data-state", "stopped", { timeout: 15_000 });
    await expect(recipe.getByRole("log")).toContainText("Stopped after 10 s, the time a program may run here.");
  });

  test("links exported names to their reference pages, in the editor and in code blocks", async ({ page }) => {
    const playground = await runner(page, "/playground/", "playground");
    await playground.locator(".cm-reference", { hasText: /^Pipeline$/ }).first().hover();
    const tooltip = page.locator(".cm-reference-tooltip a");
    await expect(tooltip).toHaveText("Pipeline in the reference");
    await expect(tooltip).toHaveAttribute("href", "/reference/chassis/pipeline/");
    await page.goto("/reference/chassis/pipeline/");
    const link = page.locator("pre a.ref-link", { hasText: /^ProducerFinished$/ }).first();
    await expect(link).toHaveAttribute("href", "/reference/axon/producerfinished/");
  });
});

/** The network recipes whose page also runs the program in the page: in-the-page.ts, importing the module beside it. */
const networkRecipes = [
  { slug: "echo-and-fortune-cookie-servers", file: "servers.ts" },
  { slug: "protocols-that-end-the-conversation", file: "protocols.ts" },
  { slug: "chat-room-on-a-backplane", file: "chat.ts" },
  { slug: "a-chatty-markov-chain-server", file: "chatty.ts" },
  { slug: "closing-idle-connections", file: "calls.ts" },
];

/** A file of a network recipe, read from cookbook/ so that the tests follow the recipe's edits. */
function recipeFile(slug: string, name: string): string {
  return readFileSync(new URL(`../../cookbook/network/${slug}/${name}`, import.meta.url), "utf8");
}

const chatRoom = "/cookbook/network/chat-room-on-a-backplane/";

/** What a runner's page says its program prints (shown until it runs). */
async function expectedOutput(found: Locator): Promise<string[]> {
  return (await found.locator(".runner-expected").innerText()).split("\n");
}

test.describe("the runner with files beside its program", () => {
  test("shows the file folded beneath the editor, read-only and linked to the reference, and runs the program that imports it", async ({ page }) => {
    const found = await runner(page, chatRoom, "in-the-page");
    const file = found.locator('details[data-runner-file="chat.ts"]');
    await expect(file.locator("summary")).toHaveText("chat.ts, imported by in-the-page.ts (read-only)");
    await expect(file).not.toHaveAttribute("open");
    await file.locator("summary").click();
    const viewer = file.locator("[data-runner-file-code][data-ready] .cm-content");
    await expect(viewer).toBeVisible();
    // The editor draws only the lines in view: the first ones are the file's.
    const start = recipeFile("chat-room-on-a-backplane", "chat.ts").split("\n").slice(0, 10);
    const firstLines = async (): Promise<string[]> => (await file.locator(".cm-line").allTextContents()).slice(0, start.length);
    expect(await firstLines()).toEqual(start);
    await viewer.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("broken");
    await expect(viewer).toHaveAttribute("aria-readonly", "true");
    await expect(viewer).not.toContainText("broken");
    expect(await firstLines()).toEqual(start);
    const { violations } = await new AxeBuilder({ page }).include("#runner-in-the-page").analyze();
    expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
    await file.locator(".cm-reference", { hasText: /^Backplane$/ }).first().hover();
    await expect(page.locator(".cm-reference-tooltip a")).toHaveAttribute("href", "/reference/util/backplane/");
    const output = await expectedOutput(found);
    await found.getByRole("button", { name: "Run" }).click();
    await expect(found).toHaveAttribute("data-state", "finished");
    await expect(found.getByRole("log").locator(".runner-line")).toHaveText(output);
  });

  for (const { slug, file } of networkRecipes) {
    test(`runs ${slug}'s program in the page, with ${file} beside it, and prints what its page shows`, async ({ page }) => {
      const found = await runner(page, `/cookbook/network/${slug}/`, "in-the-page");
      expect(importsOf(await program(found))).toContain(`./${file.replace(/\.ts$/, ".js")}`);
      const output = await expectedOutput(found);
      await found.getByRole("button", { name: "Run" }).click();
      await expect(found).toHaveAttribute("data-state", "finished");
      await expect(found.getByRole("log").locator(".runner-line")).toHaveText(output);
    });
  }

  test("names a file the program imports that the page does not give, and the line importing it", async ({ page }) => {
    const found = await runner(page, chatRoom, "in-the-page");
    await setProgram(page, found, 'import { main } from "./chat.js";\nimport { room } from "./room.js";\nawait main(room);\n');
    await found.getByRole("button", { name: "Run" }).click();
    await expect(found).toHaveAttribute("data-state", "failed");
    const log = found.getByRole("log");
    await expect(log.locator(".runner-line.is-error")).toHaveText(
      'This program imports "./room.js", but this page gives it no such file: a program here can import kamaelia (and kamaelia/browser and kamaelia/testing) and the files shown with it: chat.ts.',
    );
    await expect(log).toContainText("The error was thrown at line 2 of in-the-page.ts.");
    await expect(found.locator("[data-runner-editor] .cm-error-line")).toHaveText('import { room } from "./room.js";');
  });

  test("points an error thrown in a file at that file's line, unfolding it", async ({ page }) => {
    const found = await runner(page, chatRoom, "in-the-page");
    await setProgram(page, found, 'import { chatServer } from "./chat.js";\nchatServer(null as never);\n');
    await found.getByRole("button", { name: "Run" }).click();
    await expect(found).toHaveAttribute("data-state", "failed");
    const lines = recipeFile("chat-room-on-a-backplane", "chat.ts").split("\n");
    const line = lines.findIndex((text) => text.startsWith("export function chatServer(")) + 1;
    await expect(found.getByRole("log")).toContainText(`The error was thrown at line ${String(line)} of chat.ts.`);
    const file = found.locator('details[data-runner-file="chat.ts"]');
    await expect(file).toHaveAttribute("open");
    await expect(file.locator(".cm-error-line")).toHaveText(lines[line - 1] ?? "");
  });

  test("gives a Node program its files too: a missing one is named before Node starts, and the recorded output stands in when Node cannot", async ({ page }) => {
    // Offline, WebContainer.boot() never settles: the page gives up after the (here shortened) timeout.
    const found = await runner(page, `${chatRoom}?boot-timeout-ms=1500`, "tcp");
    await expect(found.locator('details[data-runner-file="chat.ts"]')).toHaveAttribute("open");
    await found.getByRole("button", { name: "Run" }).click();
    await expect(found).toHaveAttribute("data-state", "unavailable", { timeout: 10_000 });
    await expect(found.getByRole("log").locator(".runner-transcript")).toHaveText(recipeFile("chat-room-on-a-backplane", "transcript.txt").trimEnd());
    await setProgram(page, found, 'import { ServerCore, TCPClient } from "kamaelia/node";\nimport { main } from "./room.js";\nawait main({ Server: ServerCore, Client: TCPClient });\n');
    await found.getByRole("button", { name: "Run" }).click();
    await expect(found).toHaveAttribute("data-state", "failed");
    await expect(found.getByRole("log").locator(".runner-line.is-error")).toContainText('This program imports "./room.js", but this page gives it no such file');
    await expect(found.getByRole("log")).toContainText("The error was thrown at line 2 of main.ts.");
  });

  test("shares the program only: the link opens it on the page, which gives it the file again", async ({ page, browser }) => {
    const found = await runner(page, chatRoom, "in-the-page");
    const shared = 'import { chatProtocol } from "./chat.js";\nconsole.log(chatProtocol(7).name.replace(/_\\d+$/, ""));\n';
    await setProgram(page, found, shared);
    await found.getByRole("button", { name: "Share" }).click();
    await expect(found.locator("[data-runner-status]")).toContainText("It holds in-the-page.ts only: chat.ts comes with this page.");
    const context = await browser.newContext();
    const opened = await runner(await context.newPage(), page.url(), "in-the-page");
    await expect.poll(() => program(opened)).toBe(shared);
    await opened.getByRole("button", { name: "Run" }).click();
    await expect(opened.getByRole("log").locator(".runner-line")).toHaveText(["Pipeline"]);
    await context.close();
  });
});

/** A tutorial step's page and its files, read from tutorial/ so that the tests follow the step's edits. */
const step = {
  path: "/tutorial/build-your-own-core/generators/",
  id: "tutorial-generators",
  file: (name: string): string => readFileSync(new URL(`../../tutorial/build-your-own-core/generators/${name}`, import.meta.url), "utf8"),
};

/** What the step's checks say about its starting code, from its check.ts. */
function startFails(): string {
  const said = /^export const startFails\s*=\s*(["'`])(.+)\1;$/m.exec(step.file("check.ts"))?.[2];
  if (said === undefined) throw new Error("The step's check.ts has no startFails line.");
  return said;
}

test.describe("the runner on a tutorial step", () => {
  test("Solve puts the solution in the editor, and Check then passes and ticks the step in the sidebar, for good", async ({ page }) => {
    let runner = await runnerOn(page);
    const link = page.locator(`nav.sidebar a[href="${step.path}"]`);
    await expect(link.locator(".step-done")).toHaveCount(0);
    await runner.getByRole("button", { name: "Solve" }).click();
    expect(await program(runner)).toBe(step.file("solution.ts"));
    await runner.getByRole("button", { name: "Check" }).click();
    const verdict = runner.getByRole("status", { name: "Check result" });
    await expect(verdict).toHaveText("Passed: every check of this step passed.");
    await expect(verdict).toHaveAttribute("data-verdict", "passed");
    await expect(link.locator(".step-done")).toHaveText("✓(done)");
    // The program ran as Run runs it: what it printed is in the log.
    await expect(runner.getByRole("log").locator(".runner-line")).toHaveText(["3", "2", "1", "liftoff"]);
    await page.reload();
    runner = await runnerOn(page);
    await expect(link.locator(".step-done")).toHaveCount(1);
    await expect(verdictOf(runner)).toHaveText("You passed this step's checks before, in this browser.");
  });

  test("Check on the starting code says what the step's checks find wrong, and ticks nothing", async ({ page }) => {
    const runner = await runnerOn(page);
    expect(await program(runner)).toBe(step.file("start.ts"));
    await runner.getByRole("button", { name: "Check" }).click();
    const verdict = verdictOf(runner);
    await expect(verdict).toHaveAttribute("data-verdict", "failed");
    await expect(verdict).toContainText(`Not yet: ${startFails()}`);
    await expect(page.locator(`nav.sidebar a[href="${step.path}"] .step-done`)).toHaveCount(0);
    expect(await page.evaluate((path) => localStorage.getItem(`kamaelia-step-done:${path}`), step.path)).toBeNull();
  });

  test("Check says the program threw, with the thrown error, when the program fails before the checks run", async ({ page }) => {
    const runner = await runnerOn(page);
    await setProgram(page, runner, 'export function* countdown() {}\nthrow new TypeError("not ready");\n');
    await runner.getByRole("button", { name: "Check" }).click();
    await expect(verdictOf(runner)).toHaveText("Not yet: your program threw TypeError: not ready");
  });

  test("Check stops a program that does not end by itself, checks it all the same, and says it must end", async ({ page }) => {
    const runner = await runnerOn(page);
    const program = [
      'import { Component } from "kamaelia";',
      "export function* countdown(n: number) {",
      "  for (let i = n; i >= 1; i -= 1) yield i;",
      "}",
      "for (const number of countdown(3)) console.log(number);",
      'console.log("liftoff");',
      "class Forever extends Component {",
      "  override *main() {",
      "    for (;;) yield;",
      "  }",
      "}",
      "await new Forever().run();",
    ].join("\n");
    await setProgram(page, runner, program);
    await runner.getByRole("button", { name: "Check" }).click();
    const verdict = verdictOf(runner);
    await expect(verdict).toHaveAttribute("data-verdict", "failed", { timeout: 15_000 });
    await expect(verdict).toContainText("Your program did not end by itself: it was stopped after 3 s.");
  });

  for (const theme of ["light", "dark"] as const) {
    test(`shows its verdicts and the sidebar's tick so that axe finds no serious problem (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      const runner = await runnerOn(page);
      const serious = async (): Promise<unknown[]> => {
        const { violations } = await new AxeBuilder({ page }).include(`#runner-${step.id}`).include("nav.sidebar").analyze();
        return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => [violation.id, violation.nodes.map((node) => node.failureSummary ?? node.html)]);
      };
      await runner.getByRole("button", { name: "Check" }).click();
      await expect(verdictOf(runner)).toHaveAttribute("data-verdict", "failed");
      expect(await serious()).toEqual([]);
      await runner.getByRole("button", { name: "Solve" }).click();
      await runner.getByRole("button", { name: "Check" }).click();
      await expect(verdictOf(runner)).toHaveAttribute("data-verdict", "passed");
      await expect(page.locator(`nav.sidebar a[href="${step.path}"] .step-done`)).toHaveCount(1);
      expect(await serious()).toEqual([]);
    });
  }

  test("Reset brings back the starting code after Solve and after edits, and clears the verdict", async ({ page }) => {
    const runner = await runnerOn(page);
    await runner.getByRole("button", { name: "Solve" }).click();
    await runner.getByRole("button", { name: "Check" }).click();
    await expect(verdictOf(runner)).toHaveAttribute("data-verdict", "passed");
    await setProgram(page, runner, "export const edited = true;\n");
    await runner.getByRole("button", { name: "Reset" }).click();
    expect(await program(runner)).toBe(step.file("start.ts"));
    await expect(verdictOf(runner)).toHaveText("");
    await expect(verdictOf(runner)).not.toHaveAttribute("data-verdict");
  });
});

/** Where the runner shows a Check's verdict (hidden while it is empty). */
function verdictOf(runner: Locator): Locator {
  return runner.locator("[data-runner-verdict]");
}

/** The step's runner, once its editor is up. */
function runnerOn(page: Page): Promise<Locator> {
  return runner(page, step.path, step.id);
}

