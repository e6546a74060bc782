import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { type IncomingHttpHeaders, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

interface Reply {
  status: number | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

const base = mkdtempSync(join(tmpdir(), "static-server-"));
const root = join(base, "site");
let server: ChildProcess | undefined;
let port = 0;

/** Sends a request with the path exactly as given, so that no client tidies away `..`. */
function fetchRaw(path: string, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path, method }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode, headers: response.headers, body });
      });
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(root, "sub"), { recursive: true });
  mkdirSync(join(base, "outside"));
  writeFileSync(join(root, "index.html"), "<!doctype html><p>home</p>");
  writeFileSync(join(root, "app.mjs"), "export const a = 1;");
  writeFileSync(join(root, "app.js.map"), "{}");
  writeFileSync(join(root, "mod.wasm"), "\0asm");
  writeFileSync(join(root, "sub", "index.html"), "<p>sub</p>");
  writeFileSync(join(root, "404.html"), "<p>lost</p>");
  writeFileSync(join(base, "secret.txt"), "classified content");
  writeFileSync(join(base, "outside", "secret.txt"), "classified content");
  symlinkSync(join(base, "outside"), join(root, "link-out"));

  const child = spawn(process.execPath, ["scripts/static-server.mjs", root, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  server = child;
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
    if (match?.[1] !== undefined) {
      port = Number(match[1]);
      break;
    }
  }
});

afterAll(() => {
  server?.kill();
  rmSync(base, { recursive: true, force: true });
});

describe("static-server", () => {
  test("serves files with their MIME types and cross-origin isolation headers", async () => {
    const reply = await fetchRaw("/app.mjs");
    expect(reply.status).toBe(200);
    expect(reply.body).toBe("export const a = 1;");
    expect(reply.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(reply.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(reply.headers["cross-origin-embedder-policy"]).toBe("require-corp");
    expect(reply.headers["cross-origin-resource-policy"]).toBe("same-origin");
    expect((await fetchRaw("/mod.wasm")).headers["content-type"]).toBe("application/wasm");
    expect((await fetchRaw("/app.js.map")).headers["content-type"]).toBe("application/json; charset=utf-8");
  });

  test("serves a folder's index.html, redirecting to the trailing slash first", async () => {
    expect((await fetchRaw("/")).body).toBe("<!doctype html><p>home</p>");
    const redirect = await fetchRaw("/sub");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe("/sub/");
    expect((await fetchRaw("/sub/")).body).toBe("<p>sub</p>");
  });

  test.each(["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/sub/..%2f..%2fsecret.txt", "/link-out/secret.txt", "/%00"])(
    "never serves a file outside its folder: %s",
    async (path) => {
      const reply = await fetchRaw(path);
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain("classified content");
      expect(reply.headers["cross-origin-embedder-policy"]).toBe("require-corp");
    },
  );

  test("answers a missing path with the folder's 404.html and status 404", async () => {
    const reply = await fetchRaw("/no/such/page/");
    expect(reply.status).toBe(404);
    expect(reply.body).toBe("<p>lost</p>");
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers["cross-origin-opener-policy"]).toBe("same-origin");
  });

  test("answers only GET and HEAD", async () => {
    const reply = await fetchRaw("/index.html", "POST");
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD");
    const head = await fetchRaw("/index.html", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });
});
