// The runner's files served beside the site, under `/_runner/` (see assets.mjs): written into the build,
// and served from memory by the dev server.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { runnerFiles } from "./assets.mjs";
import { rehypeReferenceLinks } from "./code-links.mjs";

/** The path the runner's files are served under. */
const base = "_runner/";

/**
 * Links exported names in code blocks to the reference. Added by {@link runnerAssets} so that it is set up
 * after Expressive Code, whose rehype plugin renders the code blocks it then reads.
 * @param {string} root the repository's root
 * @returns {import("astro").AstroIntegration}
 */
function codeLinks(root) {
  return {
    name: "kamaelia-code-links",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({ markdown: { rehypePlugins: [[rehypeReferenceLinks, { root }]] } });
      },
    },
  };
}

/**
 * The Astro integration. List it after Starlight, so that the code links come after Expressive Code.
 * @returns {import("astro").AstroIntegration}
 */
export function runnerAssets() {
  /** @type {string} */
  let root = "";
  return {
    name: "kamaelia-runner-assets",
    hooks: {
      "astro:config:setup": ({ config, updateConfig }) => {
        root = fileURLToPath(config.root);
        updateConfig({
          integrations: [codeLinks(root)],
          vite: {
            plugins: [
              {
                name: "kamaelia-runner-assets",
                configureServer(server) {
                  // Made again at most every few seconds, so that a rebuilt runtime is picked up.
                  /** @type {{ at: number, files: Promise<Map<string, string | Uint8Array>> } | null} */
                  let made = null;
                  const files = () => {
                    if (made === null || Date.now() - made.at > 3000) made = { at: Date.now(), files: runnerFiles(root) };
                    return made.files;
                  };
                  server.middlewares.use((request, response, next) => {
                    const path = new URL(request.url ?? "/", "http://localhost").pathname;
                    const at = path.indexOf(`/${base}`);
                    if (at === -1) {
                      next();
                      return;
                    }
                    files().then(
                      (served) => {
                        const contents = served.get(path.slice(at + base.length + 1));
                        if (contents === undefined) {
                          next();
                          return;
                        }
                        response.setHeader("Content-Type", path.endsWith(".js") ? "text/javascript" : "application/json");
                        response.end(contents);
                      },
                      (/** @type {unknown} */ error) => {
                        next(error);
                      },
                    );
                  });
                },
              },
            ],
          },
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(new URL(base, dir));
        const files = await runnerFiles(root);
        for (const [path, contents] of files) {
          const file = `${out}${path}`;
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, contents);
        }
        logger.info(`wrote ${String(files.size)} files to ${base}`);
      },
    },
  };
}
