// The reference's TypeDoc settings, in one place: the site (through starlight-typedoc) and the tests use them.
import { existsSync } from "node:fs";
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
 * The runtime's entry files that exist, in order: `kamaelia`, `kamaelia/node`, `kamaelia/browser`.
 * @param {string} [root] the repository's root
 * @returns {string[]}
 */
export function entryPoints(root = repositoryRoot) {
  return ["index.ts", "node.ts", "browser.ts"]
    .map((file) => join(root, "runtime", "src", file))
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
    // "Defined in" links point at the repository, paths from its root, without asking git.
    disableGit: true,
    basePath: root,
    sourceLinkTemplate: `${repositoryUrl}/blob/${repositoryBranch}/{path}#L{line}`,
    blockTags: [...OptionDefaults.blockTags, "@inbox", "@outbox"],
    groupOrder: [...runtimeFolders.map(([, title]) => title), "*"],
    sort: ["alphabetical-ignoring-documents"],
    entryFileName: "index.md",
    excludeInternal: true,
    excludePrivate: true,
    excludeProtected: false,
    excludeExternals: true,
    validation: { notExported: true, notDocumented: true, invalidLink: true },
    treatWarningsAsErrors: process.env["KAMAELIA_DOCS_LENIENT"] === undefined,
    skipErrorChecking: process.env["KAMAELIA_DOCS_LENIENT"] !== undefined,
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
