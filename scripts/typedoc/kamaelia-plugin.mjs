// A TypeDoc plugin for kamaelia's reference: groups exports like the runtime's folders, renders each
// component's `@inbox`/`@outbox` tags as tables, links the cookbook recipes that use an export, lets a
// `{@link}` name an export of another entry point, and makes TypeDoc's warnings (undocumented exports
// included) fail the build however TypeDoc is driven.
import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import {
  Application,
  Comment,
  CommentTag,
  Converter,
  DeclarationReflection,
  ParameterType,
  ReflectionKind,
} from "typedoc";
import { MemberRouter } from "typedoc-plugin-markdown";
import { recipesByExport } from "./recipes.mjs";

/**
 * The runtime's folders, in reading order, with the titles their groups take.
 * @type {readonly (readonly [folder: string, title: string])[]}
 */
export const runtimeFolders = [
  ["axon", "Axon"],
  ["chassis", "Chassis"],
  ["util", "Util"],
  ["internet", "Internet"],
  ["protocol", "Protocol"],
  ["file", "File"],
  ["ui", "UI"],
  ["dvb", "DVB"],
  ["node", "Node"],
  ["browser", "Browser"],
  ["testing", "Testing"],
];

const groupTitles = new Map(runtimeFolders);

/** @typedef {import("typedoc").CommentDisplayPart} CommentDisplayPart */

/**
 * The folder (under the source root) a reflection is declared in, or undefined.
 * @param {import("typedoc").Reflection} reflection
 * @param {string} sourceRoot
 */
function sourceFolder(reflection, sourceRoot) {
  if (!(reflection instanceof DeclarationReflection)) return undefined;
  const file = reflection.sources?.[0]?.fullFileName ?? reflection.signatures?.[0]?.sources?.[0]?.fullFileName;
  if (file === undefined) return undefined;
  const path = relative(sourceRoot, file);
  if (path.startsWith("..")) return undefined;
  const [folder] = path.split(sep);
  return folder !== undefined && groupTitles.has(folder) ? folder : undefined;
}

/**
 * The comment that documents a reflection: its own, else its first signature's.
 * @param {DeclarationReflection} reflection
 * @returns {Comment | undefined}
 */
function documentingComment(reflection) {
  return reflection.comment ?? reflection.signatures?.find((signature) => signature.comment !== undefined)?.comment;
}

/**
 * Makes one table cell from display parts: one line, pipes escaped.
 * @param {CommentDisplayPart[]} parts
 * @returns {CommentDisplayPart[]}
 */
function cell(parts) {
  return parts.map((part) =>
    part.kind === "text" ? { ...part, text: part.text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|") } : part,
  );
}

/**
 * Splits an `@inbox name - meaning` tag into its box's name and the meaning's display parts.
 * @param {CommentTag} tag
 * @returns {{ name: string, meaning: CommentDisplayPart[] }}
 */
function splitBoxTag(tag) {
  const [first, ...rest] = tag.content;
  const text = first?.kind === "text" ? first.text : "";
  const match = /^\s*([^\s-][^\s]*)\s*(?:-\s*)?([\s\S]*)$/.exec(text);
  const name = match?.[1] ?? "";
  const remainder = match?.[2] ?? "";
  /** @type {CommentDisplayPart[]} */
  const meaning = remainder === "" ? [] : [{ kind: "text", text: remainder }];
  return { name, meaning: [...meaning, ...rest] };
}

/**
 * A markdown table of a component's boxes as one block tag, for the theme to render under its own heading.
 * @param {"@inboxes" | "@outboxes"} tagName
 * @param {string} column the first column's heading
 * @param {CommentTag[]} tags the component's `@inbox` or `@outbox` tags
 * @returns {CommentTag}
 */
function boxTable(tagName, column, tags) {
  /** @type {CommentDisplayPart[]} */
  const parts = [{ kind: "text", text: `| ${column} | Meaning |\n| :------ | :------ |\n` }];
  for (const tag of tags) {
    const { name, meaning } = splitBoxTag(tag);
    parts.push(
      { kind: "text", text: "| " },
      { kind: "code", text: `\`${name}\`` },
      { kind: "text", text: " | " },
      ...cell(meaning),
      { kind: "text", text: " |\n" },
    );
  }
  return new CommentTag(tagName, parts);
}

/**
 * Replaces a comment's `@inbox`/`@outbox` tags by two tables, where the first of each stood.
 * @param {Comment} comment
 */
function tabulateBoxes(comment) {
  for (const [single, plural, column] of /** @type {const} */ ([
    ["@inbox", "@inboxes", "Inbox"],
    ["@outbox", "@outboxes", "Outbox"],
  ])) {
    const tags = comment.blockTags.filter((tag) => tag.tag === single);
    if (tags.length === 0) continue;
    const at = comment.blockTags.findIndex((tag) => tag.tag === single);
    const others = comment.blockTags.filter((tag) => tag.tag !== single);
    others.splice(at, 0, boxTable(plural, column, tags));
    comment.blockTags = others;
  }
}

/**
 * Documents each box of a class's own `static Inboxes`/`Outboxes` with its `@inbox`/`@outbox` tag, and
 * warns when the two disagree: a box without a tag (except internal `_` boxes, described by their value)
 * or a tag for a box the class does not declare.
 * @param {DeclarationReflection} owner
 * @param {Comment} comment the class's comment, its box tags not yet made into tables
 * @param {Application} app
 */
function describeDeclaredBoxes(owner, comment, app) {
  for (const [property, tagName] of /** @type {const} */ ([
    ["Inboxes", "@inbox"],
    ["Outboxes", "@outbox"],
  ])) {
    const declared = owner.children?.find((child) => child.name === property && child.flags.isStatic);
    if (declared?.type?.type !== "reflection") continue;
    const meanings = new Map(
      comment.blockTags.filter((tag) => tag.tag === tagName).map((tag) => {
        const { name, meaning } = splitBoxTag(tag);
        return [name, meaning];
      }),
    );
    const boxes = declared.type.declaration.children ?? [];
    for (const box of boxes) {
      const meaning = meanings.get(box.name);
      if (meaning !== undefined) {
        box.comment ??= new Comment(meaning.map((part) => ({ ...part })));
      } else if (box.name.startsWith("_") && box.defaultValue !== undefined) {
        box.comment ??= new Comment([{ kind: "text", text: box.defaultValue.replace(/^(["'`])([\s\S]*)\1$/, "$2") }]);
      } else {
        app.logger.warn(
          `${owner.getFullName()} declares "${box.name}" in static ${property} but its comment has no "${tagName} ${box.name} - meaning" tag.`,
        );
      }
    }
    for (const name of meanings.keys()) {
      if (!boxes.some((box) => box.name === name)) {
        app.logger.warn(
          `${owner.getFullName()} has a "${tagName} ${name}" tag but no "${name}" in its static ${property}: remove the tag or declare the box.`,
        );
      }
    }
  }
}

/**
 * A block tag listing recipes as links.
 * @param {import("./recipes.mjs").Recipe[]} recipes
 * @returns {CommentTag}
 */
function recipesTag(recipes) {
  return new CommentTag(
    "@recipes",
    recipes.map((recipe) => ({ kind: "text", text: `- [${recipe.title.replace(/[[\]]/g, "\\$&")}](${recipe.url})\n` })),
  );
}

/**
 * Reads the `//` lines that open an entry file, as its module's summary.
 * @param {string} file
 * @returns {string}
 */
function leadingLineComment(file) {
  if (!existsSync(file)) return "";
  const lines = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^\/\/\s?(.*)$/.exec(line);
    if (match === null) break;
    lines.push(match[1] ?? "");
  }
  return lines.join(" ").trim();
}

/**
 * Places every export of a module in the folder of its group (`axon/Component.md`), the module pages at the top.
 */
export class KamaeliaRouter extends MemberRouter {
  /**
   * The pages to write: every module's and export's, not the project's (the reference's own index page lists the modules).
   * @override
   * @param {import("typedoc").ProjectReflection} project
   * @returns {import("typedoc").PageDefinition[]}
   */
  buildPages(project) {
    return super.buildPages(project).filter((page) => page.model !== project);
  }

  /**
   * A top-level export's page is `<folder>/<Name>`; everything else is placed as the markdown plugin places it.
   * @override
   * @param {import("typedoc").Reflection} reflection
   * @returns {string}
   */
  getIdealBaseName(reflection) {
    const folder = folderOf.get(reflection);
    if (folder !== undefined && reflection.parent?.kindOf([ReflectionKind.Module, ReflectionKind.Project]) === true) {
      return `${folder}/${this.getReflectionAlias(reflection)}`;
    }
    return super.getIdealBaseName(reflection);
  }
}

/**
 * Each top-level export's folder, recorded while converting for the router to read.
 * @type {WeakMap<import("typedoc").Reflection, string>}
 */
const folderOf = new WeakMap();

/**
 * Loads the plugin: TypeDoc calls this with its application.
 * @param {Application} app
 */
export function load(app) {
  app.options.addDeclaration({
    name: "kamaeliaSourceRoot",
    help: "kamaelia: the runtime's source folder; its sub-folders name the reference's groups.",
    type: ParameterType.Path,
    defaultValue: "runtime/src",
  });
  app.options.addDeclaration({
    name: "kamaeliaPackage",
    help: "kamaelia: the package name; entry `index.ts` is documented as it, `node.ts` as <name>/node.",
    type: ParameterType.String,
    defaultValue: "kamaelia",
  });
  app.options.addDeclaration({
    name: "kamaeliaCookbook",
    help: "kamaelia: the cookbook folder whose recipes' main.ts are scanned for the exports they import.",
    type: ParameterType.Path,
    defaultValue: "cookbook",
  });
  app.options.addDeclaration({
    name: "kamaeliaCookbookUrl",
    help: "kamaelia: the URL the cookbook's pages live under.",
    type: ParameterType.String,
    defaultValue: "/cookbook/",
  });

  app.options.addDeclaration({
    name: "kamaeliaReferenceUrl",
    help: "kamaelia: the URL the reference's pages live under, for links between entry points.",
    type: ParameterType.String,
    defaultValue: "/reference/",
  });

  app.internationalization.addTranslations("en", {
    tag_inboxes: "Inboxes",
    tag_outboxes: "Outboxes",
    tag_recipes: "Recipes that use it",
  });
  app.renderer.defineRouter("kamaelia", KamaeliaRouter);

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    exportsByName.clear();
    const sourceRoot = String(app.options.getValue("kamaeliaSourceRoot"));
    const packageName = String(app.options.getValue("kamaeliaPackage"));
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const file = (module instanceof DeclarationReflection ? module.sources?.[0]?.fullFileName : undefined) ?? join(sourceRoot, `${module.name}.ts`);
      const entry = basename(file).replace(/\.[cm]?tsx?$/, "");
      module.name = entry === "index" ? packageName : `${packageName}/${entry}`;
      const summary = leadingLineComment(file);
      if (module.comment === undefined && summary !== "") {
        module.comment = new Comment([{ kind: "text", text: summary }]);
      }
    }
  });

  // `{@link NetworkError}` in kamaelia/node names an export of kamaelia: TypeDoc looks only in the comment's
  // own entry point, so a bare name that one other entry point exports links to that export's page.
  /** @type {Map<string, import("typedoc").Reflection[]>} */
  const exportsByName = new Map();
  app.converter.addUnknownSymbolResolver((ref) => {
    const path = ref.symbolReference?.path;
    if (ref.moduleSource !== undefined || path?.length !== 1 || path[0] === undefined) return undefined;
    const found = exportsByName.get(path[0].path) ?? [];
    const target = found[0];
    const folder = target === undefined ? undefined : folderOf.get(target);
    if (found.length !== 1 || target === undefined || folder === undefined) return undefined;
    // Pages whose names differ only in case share a slug; leave those to TypeDoc's own warning.
    const slug = target.name.toLowerCase();
    if ([...exportsByName.values()].flat().some((other) => other !== target && folderOf.get(other) === folder && other.name.toLowerCase() === slug)) return undefined;
    return `${String(app.options.getValue("kamaeliaReferenceUrl"))}${folder}/${slug}/`;
  });

  // After TypeDoc's own resolvers (priority 0), before grouping (-100) and categorising (-200).
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      const project = context.project;
      const sourceRoot = String(app.options.getValue("kamaeliaSourceRoot"));
      const recipes = recipesByExport(
        String(app.options.getValue("kamaeliaCookbook")),
        String(app.options.getValue("kamaeliaCookbookUrl")),
      );

      // Inherited members are documented once, on the class that declares them.
      for (const owner of [...project.getReflectionsByKind(ReflectionKind.Class), ...project.getReflectionsByKind(ReflectionKind.Interface)]) {
        if (!(owner instanceof DeclarationReflection)) continue;
        for (const member of [...(owner.children ?? [])]) {
          if (member.inheritedFrom !== undefined) project.removeReflection(member);
        }
      }

      // With one entry point the project holds the exports itself; with several, each module does.
      for (const container of [project, ...project.getReflectionsByKind(ReflectionKind.Module)]) {
        if (!(container instanceof DeclarationReflection) && container !== project) continue;
        for (const reflection of /** @type {import("typedoc").ContainerReflection} */ (container).children ?? []) {
          if (reflection.kindOf(ReflectionKind.Module)) continue;
          const folder = sourceFolder(reflection, sourceRoot);
          if (folder === undefined) continue;
          folderOf.set(reflection, folder);
          exportsByName.set(reflection.name, [...(exportsByName.get(reflection.name) ?? []), reflection]);
          const comment = documentingComment(reflection);
          // Undocumented exports keep no comment, so that validation still reports them.
          if (comment === undefined) continue;
          describeDeclaredBoxes(reflection, comment, app);
          comment.blockTags.push(new CommentTag("@group", [{ kind: "text", text: groupTitles.get(folder) ?? folder }]));
          tabulateBoxes(comment);
          const users = recipes.get(reflection.name);
          if (users !== undefined && users.length > 0) comment.blockTags.push(recipesTag(users));
        }
      }
    },
    -50,
  );

  // starlight-typedoc converts and renders without TypeDoc's validation; run it here, once, and fail on any warning.
  let validated = false;
  app.on(Application.EVENT_VALIDATE_PROJECT, () => {
    validated = true;
  });
  app.on(Application.EVENT_GENERATE_OUTPUTS_BEGIN, (/** @type {import("typedoc").ProjectReflection} */ project) => {
    if (!validated) app.validate(project);
    failOnWarnings(app);
  });
}

/**
 * Throws when TypeDoc logged an error, or a warning while `treatWarningsAsErrors` is on.
 * @param {Application} app
 */
function failOnWarnings(app) {
  const warnings = app.logger.hasWarnings() && app.options.getValue("treatWarningsAsErrors");
  if (app.logger.hasErrors() || warnings) {
    throw new Error(
      "TypeDoc reported problems (listed above) in the runtime's documentation. " +
        "Document every export (a TSDoc comment on each class, function, property and method), then build again.",
    );
  }
}
