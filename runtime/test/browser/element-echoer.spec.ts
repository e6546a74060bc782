// kamaelia/browser's ElementEchoer in Chromium, with the built runtime.
import { expect, test } from "@playwright/test";

type Kamaelia = typeof import("../../src/index.js");
type KamaeliaBrowser = typeof import("../../src/browser.js");

const entries = { index: "/runtime/dist/index.js", browser: "/runtime/dist/browser.js" };

test.beforeEach(async ({ page }) => {
  await page.goto("/runtime/test/browser/fixture/page.html");
});

test("appends each message as a line after what the element held, tagged, and passes ProducerFinished on", async ({ page }) => {
  const seen = await page.evaluate(async (entries) => {
    const { DataSource, Pipeline, ProducerFinished, handle } = (await import(entries.index)) as Kamaelia;
    const { ElementEchoer } = (await import(entries.browser)) as KamaeliaBrowser;
    const pre = document.body.appendChild(document.createElement("pre"));
    pre.textContent = "log:\n";
    const echoer = new ElementEchoer(pre, { tag: "- " });
    const system = handle(new Pipeline(new DataSource(["one", 2, { three: 3 }]), echoer));
    const signal = await system.get("signal");
    await system.done;
    return { text: pre.textContent, signal: signal instanceof ProducerFinished, finished: echoer.finished };
  }, entries);
  expect(seen).toEqual({ text: "log:\n- one\n- 2\n- { three: 3 }\n", signal: true, finished: true });
});

test("shows strings quoted with use_repr and forwards each message unchanged with forwarder", async ({ page }) => {
  const seen = await page.evaluate(async (entries) => {
    const { DataSource, Pipeline, handle } = (await import(entries.index)) as Kamaelia;
    const { ElementEchoer } = (await import(entries.browser)) as KamaeliaBrowser;
    const pre = document.createElement("pre");
    const system = handle(new Pipeline(new DataSource(["hi", [1]]), new ElementEchoer(pre, { use_repr: true, forwarder: true })));
    const forwarded: unknown[] = [];
    for await (const message of system) forwarded.push(message);
    return { text: pre.textContent, forwarded };
  }, entries);
  expect(seen).toEqual({ text: '"hi"\n[1]\n', forwarded: ["hi", [1]] });
});

test("keeps only the newest maxLines lines it added, and scrolls to the newest", async ({ page }) => {
  const seen = await page.evaluate(async (entries) => {
    const { DataSource, Pipeline } = (await import(entries.index)) as Kamaelia;
    const { ElementEchoer } = (await import(entries.browser)) as KamaeliaBrowser;
    const pre = document.body.appendChild(document.createElement("pre"));
    pre.style.height = "3em";
    pre.style.overflow = "auto";
    pre.textContent = "kept\n";
    const words = Array.from({ length: 20 }, (_, i) => `line ${String(i + 1)}`);
    await new Pipeline(new DataSource(words), new ElementEchoer(pre, { maxLines: 3 })).run();
    return { text: pre.textContent, atEnd: pre.scrollTop > 0 && pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 1 };
  }, entries);
  expect(seen).toEqual({ text: "kept\nline 18\nline 19\nline 20\n", atEnd: true });
});

test("refuses what is not an element, and a maxLines that is not a whole number above 0, saying what it takes", async ({ page }) => {
  const errors = await page.evaluate(async (entries) => {
    const { ElementEchoer } = (await import(entries.browser)) as KamaeliaBrowser;
    const attempt = (make: () => unknown): string => {
      try {
        make();
        return "accepted";
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    return [
      attempt(() => new ElementEchoer(document.querySelector("#missing") as unknown as Element)),
      attempt(() => new ElementEchoer(document.createElement("pre"), { maxLines: 0 })),
    ];
  }, entries);
  expect(errors).toEqual([
    "BadArgument: new ElementEchoer(): element must be a page element to show the lines in, such as a <pre>, not null.",
    "BadArgument: new ElementEchoer(): maxLines must be a whole number greater than 0, not 0.",
  ]);
});
