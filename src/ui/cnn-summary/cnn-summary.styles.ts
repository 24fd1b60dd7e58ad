import { css, unsafeCSS } from 'lit';
import { THEMES, tokenCSS } from '../../render/theme.js';

export const styles = css`
  :host {
    ${unsafeCSS(tokenCSS(THEMES.light))}
    display: block;
    color: var(--cnn-fg);
    background: var(--cnn-bg);
    font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
    font-size: 13px;
    max-height: var(--cnn-summary-height, 480px);
    overflow: auto;
  }
  :host([theme='dark']) {
    ${unsafeCSS(tokenCSS(THEMES.dark))}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(tokenCSS(THEMES.dark))}
    }
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    padding: 4px 6px;
    color: var(--cnn-muted);
  }
  th,
  td {
    padding: 3px 8px;
    border-bottom: 1px solid var(--cnn-module-stroke);
    text-align: left;
    white-space: nowrap;
  }
  td.num,
  th.num {
    text-align: right;
  }
  thead tr:first-child th {
    position: sticky;
    top: 0;
    background: var(--cnn-module-bg);
  }
  thead button {
    font: inherit;
    font-weight: 700;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
  }
  tbody tr[data-path] {
    cursor: pointer;
  }
  tbody tr[data-path]:hover {
    background: var(--cnn-module-bg);
  }
  tbody tr[aria-selected='true'] {
    background: color-mix(in srgb, var(--cnn-selected) 25%, transparent);
  }
  tbody tr[data-path]:focus-visible {
    outline: 2px solid var(--cnn-focus);
    outline-offset: -2px;
  }
  table:focus {
    outline: none;
  }
  /* Windowing: spacer rows stand in for the rows outside the window; the sizing rows hold each
     column's longest texts, so the columns keep their widths whatever rows are shown (a collapsed
     row's cells still count for column widths, CSS 2 §17.5.5). */
  tr.spacer td {
    padding: 0;
    border: 0;
  }
  tr.sizer {
    visibility: collapse;
  }
  tr.error td,
  [part='error'] {
    color: var(--cnn-error);
  }
  tr.aux td {
    font-style: italic;
  }
  tfoot td {
    font-weight: 700;
  }
`;
