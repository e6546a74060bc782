// What the site's page tests share: the built site, its sections, and a check that it is being served.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built site. */
export const siteDist = fileURLToPath(new URL("../dist/", import.meta.url));

/** One page of each kind, with the heading it must show. */
export const sections = [
  { path: "/", heading: "Kamaelia", kind: "home" },
  { path: "/tutorial/", heading: "Tutorial", kind: "tutorial" },
  { path: "/cookbook/", heading: "Cookbook", kind: "cookbook index" },
  { path: "/apps/", heading: "Applications", kind: "apps index" },
  { path: "/apps/grey/", heading: "Kamaelia Grey", kind: "app" },
  { path: "/reference/", heading: "Reference", kind: "reference overview" },
  { path: "/reference/kamaelia/", heading: "kamaelia", kind: "reference module" },
  { path: "/reference/chassis/pipeline/", heading: "Pipeline", kind: "reference component" },
  { path: "/reference/axon/topology/", heading: "Topology", kind: "reference interface" },
  { path: "/playground/", heading: "Playground", kind: "playground" },
  { path: "/coming-from-python/", heading: "Coming from Python Kamaelia", kind: "guide" },
  { path: "/about/", heading: "About", kind: "about" },
] as const;

/** Fails with what to do when the site has not been built, so no server serves it. */
export function requireBuiltSite(): void {
  if (process.env["KAMAELIA_SITE_PORT"] === undefined) {
    throw new Error(`The site's page tests need the built site in ${join(siteDist, "index.html")}: run \`npm run build:site\` first.`);
  }
}
