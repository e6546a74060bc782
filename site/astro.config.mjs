// The website: Starlight over the pages in site/src/content/docs and in tutorial/, cookbook/ and reference/
// at the repository's root, with the API reference generated from the runtime's TSDoc by starlight-typedoc.
import { fileURLToPath } from "node:url";
import starlight from "@astrojs/starlight";
import { defineConfig } from "astro/config";
import starlightTypeDoc from "starlight-typedoc";
import { entryPoints, referenceOutput, repositoryRoot, typeDocOptions } from "../scripts/typedoc/options.mjs";
import { cookbookSections } from "./cookbook-sections.mjs";
import { folderSidebar } from "./folder-sidebar.mjs";
import { tutorialParts } from "./tutorial-parts.mjs";
import { referenceSidebar } from "./reference-sidebar.mjs";
import { runnerAssets } from "./src/runner/integration.mjs";
import { repositoryBranch, repositoryUrl, siteDescription, siteTitle, siteUrl } from "./settings.mjs";

export default defineConfig({
  // The repository's root, so that pages authored beside the code are inside the project and
  // "edit this page" links name their real paths.
  root: repositoryRoot,
  site: siteUrl,
  srcDir: fileURLToPath(new URL("./src", import.meta.url)),
  publicDir: fileURLToPath(new URL("./public", import.meta.url)),
  outDir: fileURLToPath(new URL("./dist", import.meta.url)),
  cacheDir: fileURLToPath(new URL("./node_modules/.astro", import.meta.url)),
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [
    starlight({
      title: siteTitle,
      description: siteDescription,
      favicon: "/favicon.svg",
      editLink: { baseUrl: `${repositoryUrl}/edit/${repositoryBranch}/` },
      social: [{ icon: "github", label: "Source code", href: repositoryUrl }],
      customCss: ["./site/src/styles/site.css"],
      // The sidebar ticks the tutorial steps the learner has passed.
      components: { Sidebar: "./site/src/components/Sidebar.astro" },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      sidebar: [
        {
          label: "Start here",
          items: [
            { label: "What Kamaelia is", link: "/" },
            { label: "Coming from Python Kamaelia", slug: "coming-from-python" },
            { label: "About", slug: "about" },
          ],
        },
        // Tutorial, Cookbook and Reference are filled in by the plugins below.
        { label: "Tutorial", items: [] },
        { label: "Cookbook", items: [] },
        { label: "Apps", autogenerate: { directory: "apps" } },
        { label: "Reference", items: [] },
        {
          label: "Playground",
          items: [
            { label: "Playground", slug: "playground" },
            { label: "Node programs", slug: "playground/node" },
          ],
        },
      ],
      plugins: [
        starlightTypeDoc({
          entryPoints: entryPoints(),
          tsconfig: fileURLToPath(new URL("../runtime/tsconfig.build.json", import.meta.url)),
          output: referenceOutput,
          typeDoc: typeDocOptions(),
        }),
        // After starlight-typedoc, which writes the reference's pages in the same hook.
        referenceSidebar({ label: "Reference", output: referenceOutput }),
        folderSidebar({ label: "Tutorial", folder: "tutorial", sections: tutorialParts }),
        folderSidebar({ label: "Cookbook", folder: "cookbook", sections: cookbookSections }),
      ],
    }),
    // After Starlight: its code links need Expressive Code set up first.
    runnerAssets(),
  ],
});
