import { css, unsafeCSS } from 'lit';
import { FONT_FAMILY, THEMES, tokenCSS } from '../../render/theme.js';

export const styles = css`
  :host {
    ${unsafeCSS(tokenCSS(THEMES.light))}
    --cnn-compare-macs: var(--cnn-conv-stroke);
    --cnn-compare-params: var(--cnn-linear-stroke);
    display: block;
    color: var(--cnn-fg);
    background: var(--cnn-bg);
    font-family: ${unsafeCSS(FONT_FAMILY)};
    font-size: 14px;
    line-height: 1.45;
  }
  :host([theme='dark']) {
    ${unsafeCSS(tokenCSS(THEMES.dark))}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(tokenCSS(THEMES.dark))}
    }
  }
  :host([hidden]) {
    display: none;
  }
  figure {
    margin: 0;
    padding: 8px 0;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
    font-family: inherit;
  }
  .group-title {
    font-weight: 700;
    fill: var(--cnn-fg);
  }
  .label {
    fill: var(--cnn-fg);
  }
  .value {
    fill: var(--cnn-fg);
    font-variant-numeric: tabular-nums;
  }
  .relation {
    fill: var(--cnn-muted);
  }
  .bar.macs {
    fill: var(--cnn-compare-macs);
  }
  .bar.params {
    fill: var(--cnn-compare-params);
  }
  .axis {
    stroke: var(--cnn-module-stroke);
  }
  [part='summary'] {
    margin: 4px 0 8px;
    padding: 0;
    list-style: none;
    font-size: 15px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 3px 8px;
    text-align: left;
    vertical-align: top;
  }
  thead th {
    border-bottom: 1px solid var(--cnn-module-stroke);
    background: var(--cnn-module-bg);
  }
  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }
  tbody + tbody {
    border-top: 1px solid var(--cnn-module-stroke);
  }
  .note {
    display: block;
    font-weight: 400;
    color: var(--cnn-muted);
  }
  .formula td {
    padding-top: 0;
    color: var(--cnn-muted);
  }
  code {
    font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
    font-size: 12px;
    overflow-wrap: anywhere;
    color: var(--cnn-fg);
  }
  .formula-name {
    display: inline-block;
    min-width: 7em;
  }
  [part='message'] {
    color: var(--cnn-error);
    background: var(--cnn-error-bg);
    border-radius: 4px;
    padding: 6px 10px;
    margin: 0;
  }
  [part='message'] p {
    margin: 0;
  }
  [part='message'] .fix {
    color: var(--cnn-fg);
  }
`;
