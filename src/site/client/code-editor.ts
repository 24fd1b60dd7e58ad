/**
 * The docs site's code editor: CodeMirror 6 set up once for any document language. The page
 * passes the language (highlighting, from a Lezer grammar: `json()` today, `python()` for a
 * PyTorch tab later), a completion source, and pushes the diagnostics it computed itself
 * (`setDiagnostics`): the editor never reads the document's meaning, so one page can hold several
 * documents of several languages, each with its own reader.
 *
 * What CodeMirror gives that the textarea, its mirror and its hand-written list did by hand or not
 * at all: highlighting, line numbers, wrapped lines measured by the browser as it draws them, a
 * virtual viewport (a text of 150,000 lines draws only the lines on screen), undo history, the
 * completion list as an ARIA listbox, and lint underlines with their message on hover.
 *
 * Imported only by client scripts that edit code (the playground): esbuild puts CodeMirror in
 * their chunks, no other page loads it.
 */
import { acceptCompletion, autocompletion, completionKeymap, completionStatus, pickedCompletion, startCompletion, type Completion, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, isolateHistory } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState, type Extension, StateEffect, StateField, Transaction } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  drawSelection,
  EditorView,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  MatchDecorator,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** A diagnostic placed in the document: character offsets and the message in the page's language. */
export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

/** What the editor edits: the language's highlighting and, where there is one, its completion. */
export interface DocumentLanguage {
  /** The language extension (`json()`, `python()`): parser, highlighting tags, indentation. */
  support: Extension;
  /** Suggestions at the caret; null where the language has none. */
  completion: CompletionSource | null;
  /**
   * Characters after which a long line may wrap (besides spaces), drawn as a break opportunity:
   * compact JSON has no spaces, and a browser would break its lines inside words.
   */
  breakAfter: RegExp | null;
}

export interface CodeEditorOptions {
  parent: HTMLElement;
  doc: string;
  language: DocumentLanguage;
  /** The text area's accessible name, and ids of what describes it. */
  label: string;
  describedBy?: string;
  /** CodeMirror's own words (completion list, lint panel, search) in the page's language. */
  phrases?: Record<string, string>;
  /** The first document's key (see `showDocument`); `main` if not given. */
  key?: string;
  /** Called after every change of the text, with the ranges (in the new text) that a paste or a drop inserted. */
  onChange(inserted: Array<{ from: number; to: number }>): void;
}

/**
 * Token colours from the page's CSS custom properties (`--pg-tok-*`, light and dark values set by
 * the page), so the editor follows the site's colour scheme without a second theme.
 */
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--cm-tok-property)' },
  { tag: tags.string, color: 'var(--cm-tok-string)' },
  { tag: tags.number, color: 'var(--cm-tok-number)' },
  { tag: [tags.bool, tags.null, tags.keyword], color: 'var(--cm-tok-keyword)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.variableName), tags.className], color: 'var(--cm-tok-property)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--fg)', backgroundColor: 'var(--panel)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--cm-selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--line)', borderRadius: '6px' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionDetail, .cm-tooltip-autocomplete > ul > li[aria-selected] .cm-c-req': { color: 'inherit' },
  '.cm-completionDetail': { color: 'var(--muted)', fontStyle: 'normal', marginLeft: '0.8em' },
  '.cm-completionMatchedText': { textDecoration: 'underline', fontWeight: '700' },
  '.cm-c-req': { color: 'var(--muted)', fontFamily: 'var(--font)', fontSize: '0.8em', marginLeft: '0.8em' },
  '.cm-diagnostic': { whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--cm-error)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--cm-warning)' },
  '.cm-panels': { backgroundColor: 'var(--panel-2)', color: 'var(--fg)' },
  '.cm-panels-bottom': { borderTop: '1px solid var(--line)' },
  '.cm-panel.cm-panel-lint ul [aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg)' },
  '.cm-marked-line': { backgroundColor: 'var(--cm-marked)' },
  // A break opportunity after the character (see DocumentLanguage.breakAfter): a zero-width space
  // drawn by CSS, so it is in no text node that CodeMirror reads, copies or measures.
  '.cm-wb::after': { content: '"\\200b"' },
});

/** One line picked out from outside the editor (the layer selected in the graph), without moving the caret. */
const markLine = StateEffect.define<number | null>();
const markedLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(markLine)) continue;
      deco = e.value === null ? Decoration.none : Decoration.set([Decoration.line({ class: 'cm-marked-line' }).range(e.value)]);
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function wordBreaks(after: RegExp): Extension {
  const matcher = new MatchDecorator({ regexp: new RegExp(after.source, 'g'), decoration: Decoration.mark({ class: 'cm-wb' }) });
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = matcher.createDeco(view);
      }
      update(u: ViewUpdate) {
        this.decorations = matcher.updateDeco(u, this.decorations);
      }
    },
    { decorations: (v) => v.decorations },
  );
}

/**
 * The suggestion list scrolls, and the arrow keys in the text scroll it (the active option is
 * announced through aria-activedescendant); axe-core sees keyboard access to a scrolling region
 * only by tab order, so the list is given a place in it (Tab itself accepts a suggestion).
 */
const listInTabOrder = ViewPlugin.fromClass(
  class {
    update(u: ViewUpdate) {
      const list = u.view.dom.querySelector('.cm-tooltip-autocomplete > ul');
      if (list && !list.hasAttribute('tabindex')) list.setAttribute('tabindex', '0');
    }
  },
);

/** A completion with a short word shown after its detail (`required`). */
export type BadgedCompletion = Completion & { badge?: string };

const badge = {
  render(completion: Completion): Node | null {
    const word = (completion as BadgedCompletion).badge;
    if (!word) return null;
    const s = document.createElement('span');
    s.className = 'cm-c-req';
    s.textContent = word;
    return s;
  },
  position: 90,
};

/**
 * A completion that replaces `from`–`to` with `insert` and puts the caret `caret` characters into it
 * (the list's own insertion puts it at the end); `reopen` asks for the next list at once.
 */
export function replacing(completion: Completion, from: number, to: number, insert: string, caret: number, reopen: boolean): Completion {
  return {
    ...completion,
    apply(view, picked) {
      view.dispatch({
        changes: { from, to, insert },
        selection: EditorSelection.cursor(from + caret),
        annotations: [pickedCompletion.of(picked), Transaction.userEvent.of('input.complete')],
        scrollIntoView: true,
      });
      if (reopen) startCompletion(view);
    },
  };
}

export class CodeEditor {
  readonly view: EditorView;
  private readonly languageSlot = new Compartment();

  /** The other documents' states (their text, undo history, selection), by key; the shown one is the view's. */
  private readonly parked = new Map<string, EditorState>();
  private shown: string;

  constructor(private readonly options: CodeEditorOptions) {
    this.shown = options.key ?? 'main';
    this.view = new EditorView({
      parent: options.parent,
      state: this.createState(options.doc, options.language, options.label, options.describedBy),
    });
  }

  private createState(doc: string, language: DocumentLanguage, label: string, describedBy: string | undefined): EditorState {
    const { options } = this;
    return EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightSelectionMatches(),
        syntaxHighlighting(highlight),
        EditorView.lineWrapping,
        lintGutter(),
        markedLine,
        listInTabOrder,
        this.languageSlot.of(this.languageExtensions(language)),
        keymap.of([
          // Tab accepts a suggestion when the list is open; otherwise it leaves the editor, as in any form.
          { key: 'Tab', run: (v) => completionStatus(v.state) === 'active' && acceptCompletion(v) },
          ...completionKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...lintKeymap,
          ...defaultKeymap,
        ]),
        EditorState.tabSize.of(2),
        EditorState.phrases.of(options.phrases ?? {}),
        EditorView.contentAttributes.of({
          'aria-label': label,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          // Focusable as it is (contenteditable), but said outright: axe-core counts only tabindex as
          // keyboard access to the scroller around it (scrollable-region-focusable).
          tabindex: '0',
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
        theme,
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          const inserted: Array<{ from: number; to: number }> = [];
          for (const tr of u.transactions) {
            if (!tr.isUserEvent('input.paste') && !tr.isUserEvent('input.drop')) continue;
            tr.changes.iterChangedRanges((_fa, _ta, fromB, toB) => inserted.push({ from: fromB, to: toB }));
          }
          options.onChange(inserted);
        }),
      ],
    });
  }

  /**
   * Show another document (a second tab): the one kept under `key` as it was left (text, undo
   * history, caret), or a new one holding `doc()`. The document shown now is kept under its own
   * key, so switching back and forth loses neither text nor Ctrl/⌘+Z.
   */
  showDocument(key: string, doc: () => string, language: DocumentLanguage, label: string, describedBy?: string): void {
    if (key === this.shown) return;
    this.parked.set(this.shown, this.view.state);
    const next = this.parked.get(key) ?? this.createState(doc(), language, label, describedBy);
    this.parked.delete(key);
    this.shown = key;
    this.view.setState(next);
  }

  /** The key of the document shown. */
  get documentKey(): string {
    return this.shown;
  }

  private languageExtensions(language: DocumentLanguage): Extension {
    return [
      language.support,
      autocompletion({ override: language.completion ? [language.completion] : [], icons: false, activateOnTypingDelay: 60, addToOptions: [badge] }),
      language.breakAfter ? wordBreaks(language.breakAfter) : [],
    ];
  }

  /** Another document language (a second tab): its highlighting, completion and break characters. */
  setLanguage(language: DocumentLanguage): void {
    this.view.dispatch({ effects: this.languageSlot.reconfigure(this.languageExtensions(language)) });
    this.setDiagnostics([]);
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  get length(): number {
    return this.view.state.doc.length;
  }

  /**
   * Replace the whole text. `undoable`: one step of the editor's history, so Ctrl/⌘+Z brings back
   * what it replaced; otherwise (the text a visit starts with) nothing to undo.
   */
  replace(text: string, undoable: boolean): void {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: EditorSelection.cursor(0),
      // Its own step of the history, never merged with the typing just before or after it.
      annotations: [Transaction.userEvent.of('input.replace'), undoable ? isolateHistory.of('full') : Transaction.addToHistory.of(false)],
      effects: [markLine.of(null), EditorView.scrollIntoView(0)],
    });
  }

  /** Show these diagnostics (underlines, gutter marks, hover messages); they replace the previous ones. */
  setDiagnostics(list: readonly EditorDiagnostic[]): void {
    const len = this.view.state.doc.length;
    const diagnostics: Diagnostic[] = list.map((d) => {
      const from = Math.max(0, Math.min(d.from, len));
      return { from, to: Math.max(from, Math.min(d.to, len)), severity: d.severity, message: d.message };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Select `from`–`to`, scrolled to the upper third of the editor; `focus` puts the keyboard there. */
  select(from: number, to: number, focus: boolean): void {
    const len = this.view.state.doc.length;
    const a = Math.max(0, Math.min(from, len));
    const b = Math.max(a, Math.min(to, len));
    this.view.dispatch({ selection: EditorSelection.range(a, b), effects: EditorView.scrollIntoView(a, { y: 'start', yMargin: this.view.scrollDOM.clientHeight / 3 }) });
    if (focus) this.view.focus();
  }

  /** Pick out the line holding `offset` (null: none), with `scroll` also into view, leaving the caret where it is. */
  mark(offset: number | null, scroll: boolean): void {
    const effects: StateEffect<unknown>[] = [];
    if (offset === null) effects.push(markLine.of(null));
    else {
      const line = this.view.state.doc.lineAt(Math.max(0, Math.min(offset, this.view.state.doc.length)));
      effects.push(markLine.of(line.from));
      if (scroll) effects.push(EditorView.scrollIntoView(line.from, { y: 'center' }));
    }
    this.view.dispatch({ effects });
  }

  focus(): void {
    this.view.focus();
  }
}
