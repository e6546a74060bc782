import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Scheduler, handle, type Handle } from "kamaelia";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pageOutput, recordTranscript } from "../../recipe-test.js";
import { main, system } from "./main.js";

// The server runs on the default scheduler, in the background of the test's fetches: each test checks
// that it has left nothing running there.
afterEach(() => {
  expect(Scheduler.run.listAllThreads()).toEqual([]);
});

describe("A static-file web server", () => {
  let folder = "";
  let server: Handle | undefined;
  let base = "";

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "static-site-"));
    await writeFile(join(folder, "index.html"), "<h1>Hi</h1>");
    const core = system(folder);
    server = handle(core);
    base = `http://127.0.0.1:${String((await core.ready).port)}`;
  });

  afterEach(async () => {
    await server?.shutdown();
    await rm(folder, { recursive: true });
  });

  it("answers GET /index.html with 200, content-type text/html and the file's bytes exactly", async () => {
    const response = await fetch(`${base}/index.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe("<h1>Hi</h1>");
  });

  it("answers a path with no file behind it with a 404 error page", async () => {
    const response = await fetch(`${base}/nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("<h1>404 Not Found</h1>");
  });

  it("serves the folder's index.html for the path of the folder itself", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<h1>Hi</h1>");
  });

  it("stops, with every connection closed, when shut down", async () => {
    await (await fetch(`${base}/index.html`)).text();
    await server?.shutdown();
    expect(server?.component.finished).toBe(true);
    await expect(fetch(`${base}/index.html`)).rejects.toThrow();
  });
});

describe("The static-file server program", () => {
  it("prints what its page shows, and records it for the page", async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    recordTranscript(new URL("transcript.txt", import.meta.url), lines);
    expect(lines).toEqual(pageOutput(import.meta.url));
  });
});
