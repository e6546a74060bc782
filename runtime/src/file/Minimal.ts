/**
 * Minimal: an HTTP resource handler serving the files of one folder.
 * @module
 */

import { open, realpath, stat, type FileHandle } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { AsyncComponent } from "../axon/AsyncComponent.js";
import { AxonException, NoSpaceInBox } from "../axon/AxonExceptions.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";
import { getErrorPage } from "../protocol/http/ErrorPages.js";
import type { HTTPRequest } from "../protocol/http/HTTPParser.js";
import type { RequestHandlerFactory } from "../protocol/http/HTTPRequestHandler.js";
import { workoutMimeType } from "../protocol/http/MimeTypes.js";

const CHUNK_SIZE = 65536;

/** Why a request cannot be served from the folder: the status and the message of the error page. */
class Refusal extends AxonException {
  constructor(
    readonly statuscode: number,
    message: string,
  ) {
    super(message);
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** True when `path` is `folder` or lies inside it. */
function inside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === "" || (!rest.startsWith(`..${sep}`) && rest !== ".." && !isAbsolute(rest));
}

/**
 * Answers an HTTP request with a file from a folder, its MIME type guessed from its extension.
 * @remarks Port of Kamaelia.Protocol.HTTP.Handlers.Minimal, a resource handler for
 * `HTTPRequestHandler` (from `kamaelia`): made for one request, it sends the resource (status 200, the file's
 * `Content-Type` and length) and then the file in chunks of `Uint8Array` as `{ data }`, then
 * `ProducerFinished` from `signal`, and ends. The file is the request's `uriSuffix` (the path after the
 * routing prefix; the whole path without routing), percent-decoded, under `homedirectory`; for a folder,
 * its `indexfilename`. It never serves anything outside `homedirectory`: a path with a `..` segment, a
 * backslash, a NUL byte or a drive letter gets 400 or 403 (Kamaelia quietly dropped `..` segments), as
 * does a symbolic link leading out; a missing file gets 404 and a method other than GET or HEAD 405 (with
 * `Allow`). A HEAD request gets the headers only. `ShutdownMicroprocess` on `control` stops it between
 * chunks and is passed on from `signal` (stopping it closes the file too). Reads wait while the
 * destination of `outbox` is full.
 * @inbox inbox - the request body (not used)
 * @inbox control - `ProducerFinished` (the body has ended; ignored) or `ShutdownMicroprocess` (stop now)
 * @outbox outbox - the resource, then `{ data }` chunks of the file
 * @outbox signal - `ProducerFinished` when the file has been sent, or the `ShutdownMicroprocess` that stopped it
 * @example
 * ```ts
 * import { mkdtemp, rm, writeFile } from "node:fs/promises";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { HTTPProtocol, handle } from "kamaelia";
 * import { MinimalFactory, ServerCore } from "kamaelia/node";
 * const site = await mkdtemp(join(tmpdir(), "site-"));
 * await writeFile(join(site, "index.html"), "<h1>Welcome</h1>");
 * const core = new ServerCore({ protocol: HTTPProtocol([["/", MinimalFactory("index.html", site)]]), port: 0, host: "127.0.0.1" });
 * const server = handle(core);
 * const { port } = await core.ready;
 * const response = await fetch(`http://127.0.0.1:${String(port)}/`);
 * console.log(response.status, response.headers.get("content-type")); // 200 text/html; charset=utf-8
 * console.log(await response.text()); // <h1>Welcome</h1>
 * await server.shutdown();
 * await rm(site, { recursive: true });
 * ```
 */
export class Minimal extends AsyncComponent {
  static override Inboxes = {
    inbox: "the request body (not used)",
    control: "ProducerFinished (the body has ended; ignored) or ShutdownMicroprocess (stop now)",
  };
  static override Outboxes = {
    outbox: "the resource, then { data } chunks of the file",
    signal: "ProducerFinished when the file has been sent, or the ShutdownMicroprocess that stopped it",
  };

  #stopWith: ShutdownMicroprocess | undefined;

  /**
   * @param request - the request to answer
   * @param indexfilename - the file sent for a folder. Default `"index.html"`
   * @param homedirectory - the folder served. Default `"htdocs"` (relative to the working directory)
   */
  constructor(
    readonly request: HTTPRequest,
    readonly indexfilename = "index.html",
    readonly homedirectory = "htdocs",
  ) {
    super();
  }

  override async main(): Promise<void> {
    let file: { readonly path: string; readonly size: number };
    try {
      file = await this.#find();
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const page = getErrorPage(error.statuscode, error.message);
      const allow = error.statuscode === 405 ? { headers: { allow: "GET, HEAD" } } : {};
      await this.sendWhenSpace({ ...page, ...allow });
      this.send(new ProducerFinished(this), "signal");
      return;
    }
    await this.sendWhenSpace({ statuscode: 200, contentType: workoutMimeType(file.path), length: file.size });
    if (this.request.method !== "HEAD" && file.size > 0 && !(await this.#sendFile(file.path, file.size))) {
      this.send(this.#stopWith, "signal");
      return;
    }
    this.send(new ProducerFinished(this), "signal");
  }

  /** Sends the file in chunks; false if told to stop. */
  async #sendFile(path: string, size: number): Promise<boolean> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, "r");
      for (let position = 0; position < size; ) {
        if (this.#shutdownAsked()) return false;
        const buffer = new Uint8Array(Math.min(CHUNK_SIZE, size - position));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        // The file shrank while it was being sent: stop short (the client sees a short body).
        if (bytesRead === 0) break;
        if (!(await this.#deliver({ data: buffer.subarray(0, bytesRead) }))) return false;
        position += bytesRead;
      }
      return true;
    } finally {
      await handle?.close();
    }
  }

  /** Sends `message`, waiting while the destination of `outbox` is full; false if told to stop first. */
  async #deliver(message: unknown): Promise<boolean> {
    for (;;) {
      if (this.#shutdownAsked()) return false;
      try {
        this.send(message, "outbox");
        return true;
      } catch (error) {
        if (!(error instanceof NoSpaceInBox)) throw error;
      }
      await this.woken();
    }
  }

  #shutdownAsked(): boolean {
    while (this.#stopWith === undefined && this.dataReady("control") > 0) {
      const message = this.recv("control");
      if (message instanceof ShutdownMicroprocess) this.#stopWith = message;
    }
    return this.#stopWith !== undefined;
  }

  /** The file to send, or a Refusal saying why none can be. */
  async #find(): Promise<{ path: string; size: number }> {
    const { method } = this.request;
    if (method !== "GET" && method !== "HEAD") throw new Refusal(405, `${method} is not allowed here: only GET and HEAD.`);
    let wanted: string;
    try {
      wanted = decodeURIComponent(this.request.uriSuffix ?? this.request.path);
    } catch {
      throw new Refusal(400, "The path is not properly percent-encoded.");
    }
    if (wanted.includes("\0") || wanted.includes("\\")) throw new Refusal(400, "The path holds a NUL byte or a backslash.");
    const segments = wanted.split("/").filter((segment) => segment !== "" && segment !== ".");
    if (segments.includes("..")) throw new Refusal(403, "The path leads out of the folder served.");
    if (segments.some((segment) => isAbsolute(segment) || /^[A-Za-z]:/.test(segment))) throw new Refusal(400, "The path names a drive.");
    const root = resolve(this.homedirectory);
    let path = join(root, ...segments);
    if (!inside(root, path)) throw new Refusal(403, "The path leads out of the folder served.");
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, this.indexfilename);
        info = await stat(path);
      }
      if (!info.isFile()) throw new Refusal(404, `${this.request.path} is not a file.`);
      if (!inside(await realpath(root), await realpath(path))) throw new Refusal(403, "The path leads out of the folder served.");
      return { path, size: info.size };
    } catch (error) {
      if (error instanceof Refusal) throw error;
      const code = errorCode(error);
      if (code === "ENOENT" || code === "ENOTDIR" || code === "ENAMETOOLONG") throw new Refusal(404, `${this.request.path} was not found.`);
      if (code === "EACCES" || code === "EPERM") throw new Refusal(403, `${this.request.path} cannot be read.`);
      throw error;
    }
  }
}

/**
 * Makes a factory of {@link Minimal} handlers serving one folder, for a routing table.
 * @remarks Port of Kamaelia.Protocol.HTTP.Handlers.Minimal.MinimalFactory.
 * @example
 * ```ts
 * import { requestHandlers } from "kamaelia";
 * import { MinimalFactory } from "kamaelia/node";
 * const route = requestHandlers([["/static/", MinimalFactory("index.html", "public")]]);
 * console.log(typeof route); // function
 * ```
 */
export function MinimalFactory(indexfilename = "index.html", homedirectory = "htdocs"): RequestHandlerFactory {
  return (request) => new Minimal(request, indexfilename, homedirectory);
}
