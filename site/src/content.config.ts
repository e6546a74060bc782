// The site's pages: its own (site/src/content/docs, the generated reference included) and the ones
// authored beside the code in tutorial/, cookbook/ and reference/ at the repository's root, read in place.
import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
import { pageId } from "./page-id.mjs";

export const collections = {
  docs: defineCollection({
    loader: glob({
      // Relative to the Astro root, which is the repository's root (see astro.config.mjs).
      base: ".",
      pattern: ["site/src/content/docs/**/!(_*).{md,mdx}", "{tutorial,cookbook,reference}/**/!(README|_*).{md,mdx}"],
      generateId: ({ entry, data }) => pageId(entry, data),
    }),
    schema: docsSchema({
      // A recipe's front matter (cookbook/README.md): where it runs, its section and its place in it.
      extend: z.object({
        runs: z.enum(["browser", "node", "both"]).optional(),
        section: z.string().optional(),
        order: z.number().optional(),
      }),
    }),
  }),
};
