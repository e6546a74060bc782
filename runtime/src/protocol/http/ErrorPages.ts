/**
 * Error pages: the HTML resource for an error status, and a handler that answers with it.
 * @module
 */

import type { Component } from "../../axon/Component.js";
import { OneShot } from "../../util/OneShot.js";
import type { HTTPResource } from "./HTTPRequestHandler.js";
import { reasonPhrase } from "./reasonPhrase.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * The complete HTML resource for an error status: `getErrorPage(404, "No such page")`.
 * @remarks Port of Kamaelia.Protocol.HTTP.ErrorPages.getErrorPage, for any status code (Kamaelia had
 * pages for 400, 404, 500, 501 and 502 only). The message is HTML-escaped (Kamaelia's was not, so a
 * requested URI could inject markup).
 * @example
 * ```ts
 * import { getErrorPage } from "kamaelia";
 * const page = getErrorPage(404, "No <such> page");
 * console.log(page.statuscode, page.contentType); // 404 text/html; charset=utf-8
 * console.log(String(page.data).includes("No &lt;such&gt; page")); // true
 * ```
 */
export function getErrorPage(statuscode: number, message = ""): HTTPResource {
  const title = escapeHTML(`${String(statuscode)} ${reasonPhrase(statuscode)}`.trim());
  return {
    statuscode,
    contentType: "text/html; charset=utf-8",
    data: `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1>\n<p>${escapeHTML(message)}</p></body></html>\n`,
    complete: true,
  };
}

/**
 * Makes a resource handler that answers with the error page for `statuscode`: the default error handler
 * of {@link HTTPRequestHandler} and {@link requestHandlers}.
 * @remarks Port of the Kamaelia.Protocol.HTTP.ErrorPages.ErrorPageHandler prefab: a {@link OneShot}
 * sending {@link getErrorPage}`(statuscode, message)` from `outbox`, then `ProducerFinished` from `signal`.
 * @example
 * ```ts
 * import { ErrorPageHandler, Pipeline, PureTransformer, ConsoleEchoer } from "kamaelia";
 * await new Pipeline(
 *   ErrorPageHandler(404, "Nothing here"),
 *   new PureTransformer((resource: { statuscode: number }) => resource.statuscode),
 *   new ConsoleEchoer(),
 * ).run(); // 404
 * ```
 */
export function ErrorPageHandler(statuscode: number, message: string): Component {
  return new OneShot(getErrorPage(statuscode, message));
}
