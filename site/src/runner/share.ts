/**
 * Programs in links: the code compressed (deflate-raw) and written in base64url, in the URL's hash, so
 * that it never reaches a server. A page reads it back into its editor only, never into its HTML. A link
 * holds the program only: the files beside it, which cannot be edited, come with the page it opens.
 * @module
 */

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** A program as link-safe text. */
export async function encodeProgram(code: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(code), new CompressionStream("deflate-raw")));
}

/**
 * A program back from {@link encodeProgram}'s text.
 * @throws when the text is not one (cut short, or edited by hand)
 */
export async function decodeProgram(text: string): Promise<string> {
  return new TextDecoder("utf-8", { fatal: true }).decode(await pipe(fromBase64Url(text), new DecompressionStream("deflate-raw")));
}

/** The hash of a link that opens a page with runner `id` holding a program. */
export function shareHash(id: string, encoded: string): string {
  return `#${new URLSearchParams({ run: id, code: encoded }).toString()}`;
}

/** The runner id and encoded program in a link's hash, if it is a share link. */
export function readShareHash(hash: string): { id: string; encoded: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const id = params.get("run");
  const encoded = params.get("code");
  return id === null || encoded === null || encoded === "" ? null : { id, encoded };
}
