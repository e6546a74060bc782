import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { requestHandlers } from "../protocol/http/HTTPProtocol.js";
import type { HTTPRequest } from "../protocol/http/HTTPParser.js";
import type { HTTPResource } from "../protocol/http/HTTPRequestHandler.js";
import { Harness, runComponent } from "../test-support/harness.js";
import { Minimal, MinimalFactory } from "./Minimal.js";

let folder: string;
let site: string;
const big = "0123456789abcdef".repeat(10000);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "minimal-"));
  site = join(folder, "site");
  await mkdir(join(site, "docs"), { recursive: true });
  await writeFile(join(site, "index.html"), "<h1>home</h1>");
  await writeFile(join(site, "docs", "index.html"), "<h1>docs</h1>");
  await writeFile(join(site, "docs", "a b.txt"), "spaced");
  await writeFile(join(site, "big.bin"), big);
  await writeFile(join(site, "empty.css"), "");
  await writeFile(join(folder, "secret.txt"), "secret");
  await symlink(join(folder, "secret.txt"), join(site, "leak.txt"));
  await symlink(join(site, "docs", "a b.txt"), join(site, "alias.txt"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function request(uri: string, method = "GET"): HTTPRequest {
  const question = uri.indexOf("?");
  return { method, uri, path: question < 0 ? uri : uri.slice(0, question), query: "", protocol: "HTTP", version: "1.1", headers: new Headers(), keepAlive: true };
}

/** What a Minimal routed under `/` sends for a request: the resource, the body as text, and its signal. */
async function serve(uri: string, method = "GET"): Promise<{ resource: HTTPResource; body: string; chunks: number; signal: unknown[] }> {
  const route = requestHandlers([["/", MinimalFactory("index.html", site)]]);
  const outputs = await runComponent(route(request(uri, method)));
  const [resource, ...rest] = (outputs["outbox"] ?? []) as HTTPResource[];
  const decoder = new TextDecoder();
  const body = [resource?.data, ...rest.map((part) => part.data)].map((data) => (data === undefined ? "" : typeof data === "string" ? data : decoder.decode(data))).join("");
  return { resource: resource ?? {}, body, chunks: rest.length, signal: outputs["signal"] ?? [] };
}

describe("Minimal serving files", () => {
  it("sends a file's resource with its type and length, then its bytes, then ProducerFinished", async () => {
    const { resource, body, signal } = await serve("/docs/a%20b.txt");
    expect(resource).toEqual({ statuscode: 200, contentType: "text/plain; charset=utf-8", length: 6 });
    expect(body).toBe("spaced");
    expect(signal).toEqual([expect.any(ProducerFinished)]);
  });

  it("sends a folder's index file, at the top and below", async () => {
    expect(await serve("/")).toMatchObject({ resource: { statuscode: 200, contentType: "text/html; charset=utf-8" }, body: "<h1>home</h1>" });
    expect((await serve("/docs")).body).toBe("<h1>docs</h1>");
    expect((await serve("/docs/")).body).toBe("<h1>docs</h1>");
  });

  it("sends a large file in several chunks, whole and in order", async () => {
    const { resource, body, chunks } = await serve("/big.bin");
    expect(resource).toMatchObject({ contentType: "application/octet-stream", length: big.length });
    expect(chunks).toBeGreaterThan(1);
    expect(body).toBe(big);
  });

  it("sends an empty file as a resource of length 0 and nothing more", async () => {
    expect(await serve("/empty.css")).toMatchObject({ resource: { length: 0 }, body: "", chunks: 0 });
  });

  it("sends only the resource to a HEAD request", async () => {
    expect(await serve("/big.bin", "HEAD")).toMatchObject({ resource: { length: big.length }, chunks: 0 });
  });

  it("follows a symbolic link that stays inside the folder", async () => {
    expect((await serve("/alias.txt")).body).toBe("spaced");
  });

  it("uses the request's path when it was not routed", async () => {
    const outputs = await runComponent(new Minimal(request("/docs/a%20b.txt"), "index.html", site));
    expect(outputs["outbox"]?.[0]).toMatchObject({ statuscode: 200, length: 6 });
  });
});

describe("Minimal refusing requests", () => {
  it.each([
    ["/missing.html", 404],
    ["/docs/a%20b.txt/more", 404],
    ["/../secret.txt", 403],
    ["/docs/../../secret.txt", 403],
    ["/%2e%2e/secret.txt", 403],
    ["/%2e%2e%2fsecret.txt", 403],
    ["/..%2f..%2fsecret.txt", 403],
    ["/..\\secret.txt", 400],
    ["/%5c..%5csecret.txt", 400],
    ["/docs%00.txt", 400],
    ["/C:/secret.txt", 400],
    ["/%zz", 400],
    ["/leak.txt", 403],
  ])("answers %s with %i and an error page", async (uri, status) => {
    const { resource, body, signal } = await serve(uri);
    expect(resource).toMatchObject({ statuscode: status, contentType: "text/html; charset=utf-8", complete: true });
    expect(body).not.toContain("secret");
    expect(signal).toEqual([expect.any(ProducerFinished)]);
  });

  it("finds nothing outside the folder through a doubled slash", async () => {
    expect((await serve(`//${join(folder, "secret.txt")}`)).resource.statuscode).toBe(404);
  });

  it("answers methods other than GET and HEAD with 405 and Allow", async () => {
    const { resource } = await serve("/index.html", "POST");
    expect(resource.statuscode).toBe(405);
    expect(new Headers(resource.headers).get("allow")).toBe("GET, HEAD");
  });
});

describe("Minimal ending", () => {
  it("stops between chunks when told to shut down", async () => {
    const harness = new Harness(new Minimal(request("/big.bin"), "index.html", site));
    harness.limit("outbox", 1);
    while (harness.take().length === 0) {
      harness.settle();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const stop = new ShutdownMicroprocess();
    harness.send("control", stop);
    await harness.finish();
    expect(harness.take().length).toBeLessThanOrEqual(1);
    expect(harness.take("signal")).toEqual([stop]);
  });
});
