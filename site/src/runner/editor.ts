/**
 * The program's editor (and, read-only, the viewer of each file beside it): CodeMirror with TypeScript,
 * a highlight style drawn from the site's colours, Mod-Enter to run, the line an error came from
 * marked, and every exported name of `kamaelia` linked to its reference page (Ctrl- or Cmd-click it, or
 * hover it for a link).
 * @module
 */

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { typescriptLanguage } from "@codemirror/lang-javascript";
import { bracketMatching, HighlightStyle, indentOnInput, LanguageSupport, syntaxHighlighting, syntaxTree } from "@codemirror/language";
import { Compartment, EditorState, StateEffect, StateField, Transaction, type Extension } from "@codemirror/state";
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { ReferenceLinks } from "./reference-client.js";

/** What the runner needs from its editor. */
export interface Editor {
  /** The program as it is now. */
  text(): string;
  /** Replaces the whole program (undoable); this is not the learner's change. */
  setText(text: string): void;
  /** Marks the line an error came from (1-based), or clears the mark with null. */
  markLine(line: number | null): void;
  /** Links exported names to their reference pages. */
  link(links: ReferenceLinks): void;
}

/** How the editor is set up. */
export interface EditorOptions {
  /** The program it starts with. */
  readonly doc: string;
  /** Its accessible name. */
  readonly label: string;
  /**
   * Called (at most every few hundred milliseconds) after the learner changes the program. Without it
   * the text is read-only, as a file shown beside the program is.
   */
  readonly onChange?: (text: string) => void;
  /** Called on Mod-Enter. */
  readonly onRun: () => void;
}

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.controlKeyword], color: "var(--runner-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--runner-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--runner-number)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment, tags.docComment], color: "var(--runner-comment)", fontStyle: "italic" },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "var(--runner-type)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--runner-function)" },
  { tag: [tags.definition(tags.variableName), tags.propertyName], color: "var(--runner-property)" },
]);

const theme = EditorView.theme({
  "&": { fontSize: "var(--sl-text-sm)", backgroundColor: "var(--runner-code-bg)", color: "var(--sl-color-white)" },
  ".cm-content": { fontFamily: "var(--__sl-font-mono)", caretColor: "var(--sl-color-white)" },
  ".cm-gutters": { backgroundColor: "var(--runner-code-bg)", color: "var(--sl-color-gray-2)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--runner-active-line)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--runner-selection)" },
  ".cm-cursor": { borderLeftColor: "var(--sl-color-white)" },
  ".cm-error-line": { backgroundColor: "var(--runner-error-line)" },
  ".cm-reference": { textDecoration: "underline dotted", textUnderlineOffset: "3px" },
  ".cm-tooltip": { backgroundColor: "var(--sl-color-gray-6)", color: "var(--sl-color-white)", border: "1px solid var(--sl-color-gray-5)" },
  ".cm-reference-tooltip": { padding: "0.25rem 0.5rem", fontSize: "var(--sl-text-xs)" },
  ".cm-reference-tooltip a": { color: "var(--sl-color-text-accent)" },
});

const markErrorLine = StateEffect.define<number | null>();
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(markErrorLine)) continue;
      const line = effect.value;
      next =
        line === null || line < 1 || line > transaction.state.doc.lines
          ? Decoration.none
          : Decoration.set([Decoration.line({ class: "cm-error-line" }).range(transaction.state.doc.line(line).from)]);
    }
    return transaction.docChanged ? Decoration.none : next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** True when `pos` is in a comment or a string, where names are words, not references. */
function inProse(state: EditorState, pos: number): boolean {
  const name = syntaxTree(state).resolveInner(pos, 1).name;
  return name.includes("Comment") || name === "String" || name === "TemplateString";
}

/** The exported name at `pos`, with its page, if any. */
function referenceAt(state: EditorState, links: ReferenceLinks, pos: number): { from: number; to: number; name: string; url: string } | null {
  const word = state.wordAt(pos);
  if (word === null || inProse(state, word.from)) return null;
  const name = state.sliceDoc(word.from, word.to);
  const url = links[name];
  return url === undefined ? null : { from: word.from, to: word.to, name, url };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Underlines exported names, opens their page on Ctrl/Cmd-click, and offers a link on hover. */
function referenceLinks(links: ReferenceLinks): Extension {
  const names = Object.keys(links).sort((a, b) => b.length - a.length);
  if (names.length === 0) return [];
  const decorator = new MatchDecorator({
    regexp: new RegExp(`\\b(?:${names.map(escapeRegExp).join("|")})\\b`, "g"),
    decorate: (add, from, to, _match, view) => {
      if (!inProse(view.state, from)) add(from, to, Decoration.mark({ class: "cm-reference" }));
    },
  });
  const underline = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorator.createDeco(view);
      }
      update(update: ViewUpdate): void {
        this.decorations = decorator.updateDeco(update, this.decorations);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
  const click = EditorView.domEventHandlers({
    click(event, view) {
      if (!(event.ctrlKey || event.metaKey)) return false;
      const pos = view.posAtCoords(event);
      const found = pos === null ? null : referenceAt(view.state, links, pos);
      if (found === null) return false;
      window.open(found.url, "_blank", "noopener");
      event.preventDefault();
      return true;
    },
  });
  const tooltip = hoverTooltip((view, pos) => {
    const found = referenceAt(view.state, links, pos);
    if (found === null) return null;
    return {
      pos: found.from,
      end: found.to,
      above: true,
      create: () => {
        const dom = document.createElement("div");
        dom.className = "cm-reference-tooltip";
        const link = document.createElement("a");
        link.href = found.url;
        link.textContent = `${found.name} in the reference`;
        dom.append(link, " (Ctrl- or Cmd-click the name)");
        return { dom };
      },
    };
  });
  return [underline, click, tooltip];
}

/** Creates the editor in `parent`. */
export function createEditor(parent: HTMLElement, options: EditorOptions): Editor {
  const links = new Compartment();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        new LanguageSupport(typescriptLanguage),
        syntaxHighlighting(highlight),
        theme,
        errorLine,
        links.of([]),
        EditorState.readOnly.of(options.onChange === undefined),
        keymap.of([
          { key: "Mod-Enter", run: () => (options.onRun(), true) },
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
        ]),
        // A tab stop of its own (axe: the editor's scrolling area must be reachable by keyboard).
        EditorView.contentAttributes.of({ "aria-label": options.label, tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          // Typing, deleting, pasting, undoing: not a program put in by setText().
          if (!update.transactions.some((transaction) => transaction.annotation(Transaction.userEvent) !== undefined)) return;
          clearTimeout(pending);
          pending = setTimeout(() => {
            options.onChange?.(update.state.doc.toString());
          }, 300);
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    markLine(line) {
      const effects: StateEffect<unknown>[] = [markErrorLine.of(line)];
      if (line !== null && line >= 1 && line <= view.state.doc.lines) {
        effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" }));
      }
      view.dispatch({ effects });
    },
    link(found) {
      view.dispatch({ effects: links.reconfigure(referenceLinks(found)) });
    },
  };
}
