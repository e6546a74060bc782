/**
 * The error for a file or directory a component could not use.
 * @module
 */

import { AxonException } from "../index.js";

/** What a Node error code means, and what to do about it. */
const EXPLAINED: Readonly<Record<string, readonly [meaning: string, hint: string]>> = {
  ENOENT: ["it does not exist", "Check the path (a relative path starts from the current directory) and that the folder exists."],
  EACCES: ["permission was denied", "Check the permissions of the file and the folders above it."],
  EPERM: ["the operation is not permitted", "Check the permissions of the file and the folders above it."],
  EISDIR: ["it is a directory", "Give the path of a file inside it."],
  ENOTDIR: ["a part of the path is not a directory", "Check each folder in the path."],
  EEXIST: ["it already exists", "Remove it first or pick another name."],
  EMFILE: ["too many files are open", "Close some files, or raise the limit on open files."],
  ENOSPC: ["the disk is full", "Free some space."],
};

/**
 * A component could not open, read, write or watch a file or directory.
 * @remarks Thrown by the file components of `kamaelia/node` (ending the component with it), or carried
 * by an `ErrorInformation` where a component reports the failure and carries on. `path` is the path it
 * used, `code` Node's error code (`"ENOENT"`), and `cause` Node's own error. The message names the
 * component, says what it was doing and what to check.
 * @example
 * ```ts
 * import { FileError, SimpleReader } from "kamaelia/node";
 * try {
 *   await new SimpleReader("/no/such/file.txt").run();
 * } catch (error) {
 *   console.log(error instanceof Error && error.cause instanceof FileError && error.cause.code); // ENOENT
 * }
 * ```
 */
export class FileError extends AxonException {
  /** Node's error code, such as `"ENOENT"`, when it gave one. */
  readonly code: string | undefined;

  /**
   * @param component - who failed, by name
   * @param doing - what it was doing, such as "open for reading"
   * @param path - the path it used
   * @param cause - Node's error
   */
  constructor(
    component: { readonly name: string },
    doing: string,
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as { code?: unknown } | null)?.code;
    const known = typeof code === "string" ? EXPLAINED[code] : undefined;
    const why = known?.[0] ?? (cause instanceof Error ? cause.message : String(cause));
    const hint = known?.[1] ?? "Check the path and its permissions.";
    super(`${component.name} could not ${doing} ${JSON.stringify(path)}: ${why}${typeof code === "string" ? ` (${code})` : ""}. ${hint}`, { cause });
    this.code = typeof code === "string" ? code : undefined;
  }
}
