// A static file server for page tests and the built site: `node scripts/static-server.mjs <folder> [port]` (or PORT=...).
// Every response is cross-origin isolated (COOP/COEP/CORP), so pages may use SharedArrayBuffer and workers
// see the same headers a production host must send. Port 0, the default, picks a free port; the URL is printed.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";

/** Content types by file extension; anything else is served as bytes. */
const contentTypes = new Map([
  [".html", "text/html; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".mjs", "text/javascript; charset=utf-8"],
  [".cjs", "text/javascript; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".map", "application/json; charset=utf-8"],
  [".wasm", "application/wasm"],
  [".txt", "text/plain; charset=utf-8"],
  [".md", "text/markdown; charset=utf-8"],
  [".ts", "text/plain; charset=utf-8"],
  [".xml", "application/xml; charset=utf-8"],
  [".svg", "image/svg+xml"],
  [".png", "image/png"],
  [".jpg", "image/jpeg"],
  [".jpeg", "image/jpeg"],
  [".gif", "image/gif"],
  [".webp", "image/webp"],
  [".ico", "image/x-icon"],
  [".woff", "font/woff"],
  [".woff2", "font/woff2"],
]);

/** Sent on every response, errors included. */
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

const [folderArgument, portArgument] = process.argv.slice(2);
if (folderArgument === undefined) {
  console.error("Usage: node scripts/static-server.mjs <folder> [port]   (or set PORT; 0 picks a free port)");
  process.exit(2);
}
const portText = portArgument ?? process.env["PORT"] ?? "0";
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`static-server: "${portText}" is not a port number (0 to 65535).`);
  process.exit(2);
}
const root = await realpath(resolve(folderArgument));

/**
 * Maps a request path to a file inside root, or undefined when it would leave root or names nothing.
 * @param {string} pathname the URL's path, still percent-encoded
 * @returns {Promise<{ file: string, size: number } | { redirect: string } | undefined>}
 */
async function locate(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  // Resolve, then follow symlinks: both must stay inside root.
  const candidate = resolve(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  let real;
  try {
    real = await realpath(candidate);
  } catch {
    return undefined;
  }
  if (real !== root && !real.startsWith(root + sep)) return undefined;
  const info = await stat(real);
  if (info.isDirectory()) {
    if (!pathname.endsWith("/")) return { redirect: `${pathname}/` };
    return locate(`${pathname}index.html`);
  }
  return info.isFile() ? { file: real, size: info.size } : undefined;
}

const server = createServer((request, response) => {
  for (const [name, value] of Object.entries(isolationHeaders)) response.setHeader(name, value);
  const fail = (/** @type {number} */ status, /** @type {string} */ text) => {
    response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
    response.end(`${text}\n`);
  };
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    fail(405, "Method not allowed");
    return;
  }
  const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
  // A built site's own 404.html, when it has one, else a line of text.
  const notFound = (/** @type {string} */ missing) => {
    locate("/404.html").then(
      (page) => {
        if (page === undefined || "redirect" in page) {
          fail(404, `Not found: ${missing}`);
          return;
        }
        response.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.size });
        if (request.method === "HEAD") response.end();
        else createReadStream(page.file).on("error", () => response.destroy()).pipe(response);
      },
      () => {
        fail(404, `Not found: ${missing}`);
      },
    );
  };
  locate(pathname).then(
    (found) => {
      if (found === undefined) {
        notFound(pathname);
      } else if ("redirect" in found) {
        response.writeHead(301, { Location: found.redirect });
        response.end();
      } else {
        response.writeHead(200, {
          "Content-Type": contentTypes.get(extname(found.file).toLowerCase()) ?? "application/octet-stream",
          "Content-Length": found.size,
        });
        if (request.method === "HEAD") response.end();
        else createReadStream(found.file).on("error", () => response.destroy()).pipe(response);
      }
    },
    (/** @type {unknown} */ error) => {
      fail(500, `Could not read ${pathname}: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  const actual = typeof address === "object" && address !== null ? address.port : port;
  console.log(`static-server: serving ${root} at http://127.0.0.1:${String(actual)}/`);
});
