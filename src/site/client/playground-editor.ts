/**
 * The playground editor's two DOM helpers around its plain <textarea>:
 *
 * - `Mirror`: an invisible copy of the textarea's text box (same font, padding, width and
 *   wrapping) that measures how tall each logical line is once soft-wrapped, so the gutter's
 *   numbers stay beside their lines, and where the caret is, so the suggestion list opens under it.
 * - `Completer`: the suggestion list of playground-complete.ts as an ARIA listbox owned by the
 *   textarea. The textarea keeps its textbox role (a multi-line field may not be a combobox in
 *   ARIA in HTML) and takes the combobox attributes CodeMirror's autocompletion gives its editor:
 *   `aria-autocomplete="list"`, `aria-haspopup="listbox"`, `aria-controls` and
 *   `aria-activedescendant` (focus stays in the text; the active option is announced). Not
 *   `aria-expanded`: ARIA in HTML allows it on no textbox (axe-core's aria-allowed-attr).
 */
import { apply, complete, type Completion, type JsonSchema, type Suggestion } from './playground-complete.js';

export class Mirror {
  /** Height of a line's text at `width`: a keystroke changes one line, so only that one is measured again. */
  private heights = new Map<string, number>();
  private width = -1;
  /**
   * Every line one row of this height (the editor does not wrap: a large text), or null.
   * Then nothing is measured: a 3 MB text has 150,000 lines, and laying each out took seconds.
   */
  rowHeight: number | null = null;

  constructor(
    private readonly text: HTMLTextAreaElement,
    private readonly box: HTMLElement,
  ) {}

  private fit(): void {
    // The textarea's client width excludes its scrollbar: the text wraps within that.
    const width = this.text.clientWidth;
    if (width !== this.width) {
      this.width = width;
      this.heights.clear();
      this.box.style.width = `${width}px`;
    }
  }

  /** The rendered height of each line of the text (a wrapped line is several rows tall). */
  lineHeights(): number[] {
    if (this.rowHeight !== null) return new Array<number>(lineCount(this.text.value)).fill(this.rowHeight);
    this.fit();
    const lines = this.text.value.split('\n');
    // Lines no longer in the text are forgotten now and then, so the cache stays the text's size.
    if (this.heights.size > 2 * lines.length + 256) this.heights.clear();
    const missing = [...new Set(lines.filter((l) => !this.heights.has(l)))];
    if (missing.length) {
      const rows = missing.map((line) => {
        const d = document.createElement('div');
        d.textContent = line;
        return d;
      });
      this.box.replaceChildren(...rows);
      rows.forEach((r, i) => this.heights.set(missing[i] as string, r.getBoundingClientRect().height));
      this.box.replaceChildren();
    }
    return lines.map((l) => this.heights.get(l) as number);
  }

  /** The caret's position inside the textarea's box (scroll taken off), and the height of its row. */
  caret(pos: number): { left: number; top: number; height: number } {
    const value = this.text.value;
    const start = value.lastIndexOf('\n', pos - 1) + 1;
    const heights = this.rowHeight === null ? this.lineHeights() : [];
    const line = lineCount(value.slice(0, start)) - 1;
    let above = 0;
    if (this.rowHeight !== null) above = line * this.rowHeight;
    else for (let i = 0; i < line; i++) above += heights[i] as number;
    // Only the caret's line is laid out: the lines above it count by their measured heights.
    const mark = document.createElement('span');
    mark.textContent = '\u200b';
    this.box.replaceChildren(document.createTextNode(value.slice(start, pos)), mark);
    const r = { left: mark.offsetLeft - this.text.scrollLeft, top: above + mark.offsetTop - this.text.scrollTop, height: mark.offsetHeight };
    this.box.replaceChildren();
    return r;
  }
}

/** Lines of `text` (one more than its newlines), without splitting it. */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The list's words, in the page's language. */
export interface CompleterStrings {
  /** The listbox's accessible name. */
  list: string;
  /** Announced when the list opens or its length changes. */
  count(n: number): string;
  /** Announced when Ctrl+Space finds nothing to suggest here. */
  none: string;
  required: string;
  /** The fields a layer kind needs (`needs in_channels, out_channels`). */
  needs(fields: string): string;
  /** The detail of the `input` reference. */
  networkInput: string;
}

/** Keys that only ever move the caret: the list closes and lets them. */
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

export class Completer {
  private current: Completion | null = null;
  private active = 0;

  constructor(
    private readonly text: HTMLTextAreaElement,
    private readonly list: HTMLElement,
    private readonly live: HTMLElement,
    private readonly mirror: Mirror,
    private readonly schema: JsonSchema,
    private readonly strings: CompleterStrings,
  ) {
    text.setAttribute('aria-autocomplete', 'list');
    text.setAttribute('aria-haspopup', 'listbox');
    text.setAttribute('aria-controls', list.id);
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', strings.list);
    text.addEventListener('keydown', (e) => this.onKey(e));
    text.addEventListener('input', (e) => this.onInput(e as InputEvent));
    text.addEventListener('blur', () => this.close());
    text.addEventListener('mousedown', () => this.close());
    text.addEventListener('scroll', () => this.current && this.place());
    // A click on an option must not take the focus (and the caret) away from the text.
    list.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => {
      const li = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (li?.dataset.index) this.accept(Number(li.dataset.index));
    });
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Open (or refresh) the list at the caret. `explicit` (Ctrl+Space) also completes between tokens. */
  open(explicit: boolean): boolean {
    const { selectionStart: a, selectionEnd: b } = this.text;
    const c = a === b ? complete(this.text.value, a, this.schema, { explicit }) : null;
    if (!c || c.items.length === 0) {
      this.close();
      if (explicit) this.live.textContent = this.strings.none;
      return false;
    }
    const same = this.current && this.current.items.length === c.items.length && this.current.items.every((s, i) => s.label === c.items[i]?.label);
    const keep = this.current?.items[this.active]?.label;
    this.current = c;
    this.active = Math.max(0, keep ? c.items.findIndex((s) => s.label === keep) : 0);
    this.render();
    if (!same) this.live.textContent = this.strings.count(c.items.length);
    return true;
  }

  close(): void {
    if (!this.current) return;
    this.current = null;
    this.list.hidden = true;
    this.list.replaceChildren();
    this.text.removeAttribute('aria-activedescendant');
  }

  /** Accept the suggestion at `index`: replace the typed part, put the caret where typing goes on. */
  accept(index: number): void {
    const c = this.current;
    const s = c?.items[index];
    if (!c || !s) return;
    this.close();
    this.text.focus();
    this.text.setSelectionRange(c.from, c.to);
    // execCommand keeps the browser's undo history (Ctrl+Z undoes the completion); where it is
    // refused, set the text and tell the page it changed.
    if (!document.execCommand('insertText', false, s.insert)) {
      const next = apply(this.text.value, c, s);
      this.text.value = next.text;
      this.text.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
    }
    const caret = c.from + s.caret;
    this.text.setSelectionRange(caret, caret);
    if (s.reopen) this.open(true);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.isComposing) return;
    if (e.ctrlKey && !e.altKey && !e.metaKey && (e.code === 'Space' || e.key === ' ')) {
      e.preventDefault();
      this.open(true);
      return;
    }
    const c = this.current;
    if (!c) return;
    const n = c.items.length;
    const move = (to: number) => {
      e.preventDefault();
      this.active = ((to % n) + n) % n;
      this.highlight();
    };
    if (e.key === 'ArrowDown') move(this.active + 1);
    else if (e.key === 'ArrowUp') move(this.active - 1);
    else if (e.key === 'PageDown') move(Math.min(n - 1, this.active + 8));
    else if (e.key === 'PageUp') move(Math.max(0, this.active - 8));
    else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      this.accept(this.active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    } else if (CARET_KEYS.has(e.key)) this.close();
  }

  private onInput(e: InputEvent): void {
    if (this.current) {
      this.open(false);
      return;
    }
    // As you type: a letter or an opening quote where a key or a value is being written.
    if (e.inputType === 'insertText' && e.data && e.data.length === 1 && /[A-Za-z_$"]/.test(e.data)) this.open(false);
  }

  private render(): void {
    const c = this.current as Completion;
    const frag = document.createDocumentFragment();
    c.items.forEach((s, i) => frag.append(this.option(s, i, c.prefix)));
    this.list.replaceChildren(frag);
    this.list.hidden = false;
    this.highlight();
    this.place();
  }

  private option(s: Suggestion, i: number, prefix: string): HTMLElement {
    const li = document.createElement('li');
    li.id = `${this.list.id}-${i}`;
    li.setAttribute('role', 'option');
    li.dataset.index = String(i);
    li.className = `pg-c-${s.type}`;
    const label = document.createElement('span');
    label.className = 'pg-c-label';
    // The typed part in bold, where the label has it.
    const at = prefix ? s.label.toLowerCase().indexOf(prefix.toLowerCase()) : -1;
    if (at >= 0) {
      const b = document.createElement('b');
      b.textContent = s.label.slice(at, at + prefix.length);
      label.append(s.label.slice(0, at), b, s.label.slice(at + prefix.length));
    } else label.textContent = s.label;
    li.append(label);
    const detail = s.type === 'layer' ? s.detail || this.strings.networkInput : s.needs?.length ? this.strings.needs(s.needs.join(', ')) : s.detail;
    if (detail) {
      const d = document.createElement('span');
      d.className = 'pg-c-detail';
      d.textContent = detail;
      d.title = detail;
      li.append(' ', d);
    }
    if (s.required) {
      const r = document.createElement('span');
      r.className = 'pg-c-req';
      r.textContent = this.strings.required;
      li.append(' ', r);
    }
    return li;
  }

  private highlight(): void {
    const items = this.list.children;
    for (let i = 0; i < items.length; i++) items[i]?.setAttribute('aria-selected', String(i === this.active));
    const el = items[this.active] as HTMLElement | undefined;
    if (el) {
      this.text.setAttribute('aria-activedescendant', el.id);
      // Keep the active option in view inside the list (never scroll the page).
      const top = el.offsetTop;
      const bottom = top + el.offsetHeight;
      if (top < this.list.scrollTop) this.list.scrollTop = top;
      else if (bottom > this.list.scrollTop + this.list.clientHeight) this.list.scrollTop = bottom - this.list.clientHeight;
    }
  }

  /** Under the caret (above it when there is no room below), inside the list's positioned parent. */
  private place(): void {
    const c = this.current;
    if (!c) return;
    const host = this.list.offsetParent as HTMLElement | null;
    if (!host) return;
    const caret = this.mirror.caret(c.from);
    const tr = this.text.getBoundingClientRect();
    const hr = host.getBoundingClientRect();
    const x0 = tr.left - hr.left + this.text.clientLeft;
    const y0 = tr.top - hr.top + this.text.clientTop;
    const width = this.list.offsetWidth;
    const left = Math.max(0, Math.min(x0 + caret.left, hr.width - width));
    const below = y0 + caret.top + caret.height;
    const visible = caret.top + caret.height > 0 && caret.top < this.text.clientHeight;
    if (!visible) {
      this.close();
      return;
    }
    const room = tr.bottom - (hr.top + below);
    const above = room < Math.min(this.list.offsetHeight, 160) && caret.top > this.text.clientHeight / 2;
    this.list.style.left = `${left}px`;
    this.list.style.top = above ? `${y0 + caret.top - this.list.offsetHeight}px` : `${below}px`;
  }
}
