// The reference's TypeDoc settings, in one place: the site (through starlight-typedoc) and the tests use them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { OptionDefaults } from "typedoc";
import { repositoryBranch, repositoryUrl } from "../../site/settings.mjs";
import { runtimeFolders } from "./kamaelia-plugin.mjs";

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Where the generated pages go, under the site's docs folder; it is also their URL path. */
export const referenceOutput = "reference";

/**
 * The runtime's entry files that exist: those its package.json `exports` (`.` is `src/index.ts`,
 * `./node` is `src/node.ts`, and so on), and `index.ts`, `node.ts` and `browser.ts` in any case.
 * @param {string} [root] the repository's root
 * @returns {string[]}
 */
export function entryPoints(root = repositoryRoot) {
  /** @type {unknown} */
  const manifest = JSON.parse(readFileSync(join(root, "runtime", "package.json"), "utf8"));
  const exports = typeof manifest === "object" && manifest !== null && "exports" in manifest ? manifest.exports : {};
  const exported = Object.keys(typeof exports === "object" && exports !== null ? exports : {}).map((subpath) =>
    subpath === "." ? "index" : subpath.replace(/^\.\//, ""),
  );
  // kamaelia/browser is documented as soon as its file exists, even before package.json exports it.
  return [...new Set([...exported, "index", "node", "browser"])]
    .map((entry) => join(root, "runtime", "src", `${entry}.ts`))
    .filter((file) => existsSync(file));
}

/**
 * TypeDoc's options for the reference (those starlight-typedoc passes on as `typeDoc`).
 * @param {string} [root] the repository's root
 * @returns {Record<string, unknown>}
 */
export function typeDocOptions(root = repositoryRoot) {
  return {
    plugin: [fileURLToPath(new URL("./kamaelia-plugin.mjs", import.meta.url))],
    router: "kamaelia",
    kamaeliaSourceRoot: join(root, "runtime", "src"),
    kamaeliaCookbook: join(root, "cookbook"),
    kamaeliaCookbookUrl: "/cookbook/",
    kamaeliaReferenceUrl: `/${referenceOutput}/`,
    // "Defined in" names paths from the repository's root and links into it, without asking git
    // (which then gives {path} from the runtime's source folder).
    disableGit: true,
    basePath: root,
    sourceLinkTemplate: `${repositoryUrl}/blob/${repositoryBranch}/runtime/src/{path}#L{line}`,
    blockTags: [...OptionDefaults.blockTags, "@inbox", "@outbox"],
    groupOrder: [...runtimeFolders.map(([, title]) => title), "*"],
    sort: ["alphabetical-ignoring-documents"],
    entryFileName: "index.md",
    excludeInternal: true,
    excludePrivate: true,
    excludeProtected: false,
    excludeExternals: true,
    validation: { notExported: true, notDocumented: true, invalidLink: true },
    treatWarningsAsErrors: true,
    useCodeBlocks: true,
    parametersFormat: "table",
    typeDeclarationFormat: "table",
    interfacePropertiesFormat: "table",
    classPropertiesFormat: "table",
    enumMembersFormat: "table",
    propertyMembersFormat: "table",
    indexFormat: "table",
  };
}
