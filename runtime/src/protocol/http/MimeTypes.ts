/**
 * The MIME type of a file, guessed from its extension.
 * @module
 */

const UTF8 = "; charset=utf-8";

const EXTENSION_TO_MIME_TYPE: Readonly<Record<string, string>> = {
  html: `text/html${UTF8}`,
  htm: `text/html${UTF8}`,
  css: `text/css${UTF8}`,
  js: `text/javascript${UTF8}`,
  mjs: `text/javascript${UTF8}`,
  json: `application/json${UTF8}`,
  map: `application/json${UTF8}`,
  txt: `text/plain${UTF8}`,
  md: `text/markdown${UTF8}`,
  csv: `text/csv${UTF8}`,
  xml: `application/xml${UTF8}`,
  svg: "image/svg+xml",
  png: "image/png",
  gif: "image/gif",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  tif: "image/tiff",
  tiff: "image/tiff",
  ico: "image/x-icon",
  c: `text/plain${UTF8}`,
  h: `text/plain${UTF8}`,
  cc: `text/plain${UTF8}`,
  cpp: `text/plain${UTF8}`,
  hpp: `text/plain${UTF8}`,
  py: `text/plain${UTF8}`,
  ts: `text/plain${UTF8}`,
  wasm: "application/wasm",
  pdf: "application/pdf",
  zip: "application/zip",
  gz: "application/gzip",
  tar: "application/x-tar",
  woff: "font/woff",
  woff2: "font/woff2",
  ttf: "font/ttf",
  otf: "font/otf",
  mid: "audio/midi",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  wav: "audio/wav",
  mp4: "video/mp4",
  webm: "video/webm",
};

/**
 * The MIME type for a file name, from its extension (case-insensitive); `application/octet-stream`
 * for extensions it does not know. Text types say `charset=utf-8`.
 * @remarks Port of Kamaelia.Protocol.HTTP.MimeTypes.workoutMimeType, with the types of today's web
 * (JavaScript, JSON, SVG, WebAssembly, fonts) added.
 * @example
 * ```ts
 * import { workoutMimeType } from "kamaelia";
 * console.log(workoutMimeType("logo.PNG")); // image/png
 * console.log(workoutMimeType("index.html")); // text/html; charset=utf-8
 * console.log(workoutMimeType("README")); // application/octet-stream
 * ```
 */
export function workoutMimeType(filename: string): string {
  const name = filename.slice(filename.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot < 0) return "application/octet-stream";
  return EXTENSION_TO_MIME_TYPE[name.slice(dot + 1).toLowerCase()] ?? "application/octet-stream";
}
