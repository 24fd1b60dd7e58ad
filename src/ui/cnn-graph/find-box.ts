/**
 * The toolbar's find box: a combobox (ARIA 1.2 pattern, list autocomplete) that lists
 * the layers and modules whose path, kind or name contains what the reader types, and
 * selects the chosen one through the element's `select`, which expands its modules and
 * brings it into view. Arrow keys move in the list, Enter chooses (the first match when
 * none is marked), Escape closes the list, then clears the box.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Analysis } from '../../analysis/analyze.js';
import { type FindMatch, findMatches } from './find.js';
import type { graphMessages } from './messages.js';

/** How many matches the list shows; the rest are counted. */
const SHOWN = 50;

type Messages = ReturnType<typeof graphMessages>;

export class FindBox implements ReactiveController {
  private query = '';
  private open = false;
  private active = -1;
  private found: { matches: FindMatch[]; total: number } = { matches: [], total: 0 };
  private of: Analysis | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: { analysis(): Analysis | null; select(path: string, type: FindMatch['type']): void },
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    // A new network: the old matches name layers it may not have.
    const a = this.source.analysis();
    if (a !== this.of) {
      this.of = a;
      this.search(this.query, false);
    }
  }

  private search(query: string, open: boolean): void {
    this.query = query;
    this.found = this.of ? findMatches(this.of, query, SHOWN) : { matches: [], total: 0 };
    this.open = open && query.trim() !== '';
    this.active = -1;
  }

  private choose(m: FindMatch | undefined): void {
    if (!m) return;
    this.query = m.path;
    this.open = false;
    this.active = -1;
    this.host.requestUpdate();
    this.source.select(m.path, m.type);
  }

  private onInput = (e: Event) => {
    this.search((e.target as HTMLInputElement).value, true);
    this.host.requestUpdate();
  };

  private onKey = (e: KeyboardEvent) => {
    const n = this.found.matches.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!this.open) this.search(this.query, true);
        if (n) this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active - 1 + n) % n;
        break;
      case 'Enter':
        if (!this.found.matches.length) return;
        this.choose(this.found.matches[this.active >= 0 ? this.active : 0]);
        break;
      case 'Escape':
        if (this.open) this.open = false;
        else if (this.query) this.search('', false);
        else return;
        break;
      default:
        return;
    }
    e.preventDefault();
    // The graph's own keys (Escape clears its selection) stay out of the box.
    e.stopPropagation();
    this.host.requestUpdate();
    if (this.active >= 0) requestAnimationFrame(() => this.host.shadowRoot?.getElementById(`cnn-find-${this.active}`)?.scrollIntoView({ block: 'nearest' }));
  };

  private onBlur = () => {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
  };

  render(m: Messages) {
    const { matches, total } = this.found;
    const listed = this.open && matches.length > 0;
    const count = this.query.trim() ? (total ? m.findCount(total) : m.findNone) : '';
    return html`<div class="find">
      <input
        type="search"
        part="find"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-label=${m.find}
        placeholder=${m.findPlaceholder}
        aria-autocomplete="list"
        aria-controls="cnn-find-list"
        aria-expanded=${String(listed)}
        aria-activedescendant=${listed && this.active >= 0 ? `cnn-find-${this.active}` : nothing}
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${this.onKey}
        @blur=${this.onBlur}
      />
      <ul id="cnn-find-list" part="find-list" class="find-list" role="listbox" aria-label=${m.find} ?hidden=${!listed}>
        ${listed
          ? matches.map(
              (x, i) =>
                html`<li id=${`cnn-find-${i}`} role="option" aria-selected=${String(i === this.active)} @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.choose(x)}>
                  <span class="find-path">${x.path}</span> <span class="find-kind">${x.kind}</span>
                </li>`,
            )
          : nothing}
        ${listed && total > matches.length ? html`<li class="find-more" role="presentation">${m.findMore(total - matches.length)}</li>` : nothing}
      </ul>
      <span class="find-count" role="status">${count}</span>
    </div>`;
  }
}

export const findStyles = css`
  .find {
    position: relative;
    flex: 1 1 150px;
    max-width: 260px;
    min-width: 120px;
    display: flex;
  }
  .find input {
    font: inherit;
    font-size: 12px;
    width: 100%;
    color: var(--cnn-fg);
    background: var(--cnn-bg);
    border: 1px solid var(--cnn-module-stroke);
    border-radius: 5px;
    padding: 2px 8px;
  }
  .find input:focus-visible {
    outline: 2px solid var(--cnn-focus);
    outline-offset: 1px;
  }
  .find-list {
    position: absolute;
    top: calc(100% + 4px);
    left: 0;
    z-index: 4;
    min-width: 100%;
    max-width: min(360px, 90vw);
    max-height: 260px;
    overflow: auto;
    margin: 0;
    padding: 2px 0;
    list-style: none;
    background: var(--cnn-bg);
    color: var(--cnn-fg);
    border: 1px solid var(--cnn-module-stroke);
    border-radius: 6px;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
    font-size: 12px;
  }
  .find-list[hidden] {
    display: none;
  }
  .find-list li {
    padding: 3px 10px;
    white-space: nowrap;
    cursor: pointer;
  }
  .find-list li[aria-selected='true'],
  .find-list li[role='option']:hover {
    background: var(--cnn-module-bg);
    box-shadow: inset 3px 0 0 var(--cnn-focus);
  }
  .find-path {
    font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  }
  .find-kind,
  .find-more {
    color: var(--cnn-muted);
  }
  .find-count {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
