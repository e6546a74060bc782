// A static-file web server: ServerCore with an HTTP routing table whose one route serves a folder.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HTTPProtocol, handle } from "kamaelia";
import { MinimalFactory, ServerCore } from "kamaelia/node";

/** The server: every path under "/" is a file of `folder` (a folder's own path is its index.html). */
export function system(folder: string): ServerCore {
  const protocol = HTTPProtocol([["/", MinimalFactory("index.html", folder)]]);
  return new ServerCore({ protocol, port: 0, host: "127.0.0.1" });
}

/** Serves a folder holding a page and a style sheet, fetches them and a missing file, and stops. */
export async function main(print = (line: string): void => { console.log(line); }): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "site-"));
  await writeFile(join(folder, "index.html"), "<h1>Hi</h1>");
  await writeFile(join(folder, "style.css"), "h1 { color: teal }");
  const core = system(folder);
  const server = handle(core);
  const { port } = await core.ready;
  for (const path of ["/index.html", "/style.css", "/nope"]) {
    const response = await fetch(`http://127.0.0.1:${String(port)}${path}`);
    const body = await response.text();
    print(`GET ${path}: ${String(response.status)} ${response.headers.get("content-type") ?? ""}`);
    if (response.ok) print(body);
  }
  await server.shutdown();
  await rm(folder, { recursive: true });
}

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await main();
