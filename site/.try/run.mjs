import { Application, TSConfigReader } from "typedoc";
import { entryPoints, typeDocOptions, repositoryRoot } from "/work/main/scripts/typedoc/options.mjs";
const opts = typeDocOptions();
const app = await Application.bootstrapWithPlugins({
  excludeInternal: true, excludePrivate: true, githubPages: false, readme: "none",
  hideBreadcrumbs: true, hidePageHeader: true, hidePageTitle: true,
  ...opts, plugin: [...opts.plugin, "typedoc-plugin-markdown"],
  entryPoints: entryPoints(), tsconfig: repositoryRoot + "runtime/tsconfig.build.json",
  treatWarningsAsErrors: false, skipErrorChecking: true, outputs: [{ name: "markdown", path: "/tmp/tdtry/out" }],
});
app.options.addReader(new TSConfigReader());
const project = await app.convert();
await app.generateOutputs(project);
