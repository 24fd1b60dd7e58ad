import { css, unsafeCSS } from 'lit';
import { FONT_FAMILY, THEMES, tokenCSS } from '../../render/theme.js';

export const styles = css`
  :host {
    ${unsafeCSS(tokenCSS(THEMES.light))}
    display: block;
    color: var(--cnn-fg);
    background: var(--cnn-bg);
    font-family: ${unsafeCSS(FONT_FAMILY)};
    font-size: 13px;
    line-height: 1.4;
  }
  :host([theme='dark']) {
    ${unsafeCSS(tokenCSS(THEMES.dark))}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(tokenCSS(THEMES.dark))}
    }
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 8px;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
    align-items: baseline;
  }
  .muted {
    color: var(--cnn-muted);
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 14px;
    align-items: end;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    color: var(--cnn-muted);
    font-size: 12px;
  }
  input,
  select,
  button {
    font: inherit;
    font-size: 13px;
    color: var(--cnn-fg);
    background: var(--cnn-bg);
    border: 1px solid var(--cnn-module-stroke);
    border-radius: 4px;
    padding: 3px 6px;
  }
  input[type='number'] {
    width: 7em;
  }
  input[name='limit'],
  input[name='test-limit'] {
    width: 9em;
  }
  label.inline {
    display: inline-flex;
    flex-direction: row;
    align-items: baseline;
    gap: 4px;
    margin-right: 6px;
    font-size: 13px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .buttons {
    display: flex;
    gap: 6px;
  }
  button {
    cursor: pointer;
    padding: 4px 14px;
  }
  button[part='start'] {
    background: var(--cnn-focus);
    border-color: var(--cnn-focus);
    color: #fff;
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button.link {
    padding: 4px 8px;
  }
  p {
    margin: 0;
  }
  .renderer {
    font-family: ui-monospace, monospace;
    font-size: 12px;
  }
  .bar {
    height: 8px;
    border-radius: 4px;
    background: var(--cnn-module-bg);
    border: 1px solid var(--cnn-module-stroke);
    overflow: hidden;
  }
  .bar > div {
    height: 100%;
    background: var(--cnn-focus);
    transition: width 0.2s linear;
  }
  .charts {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }
  figure {
    margin: 0;
  }
  figcaption {
    color: var(--cnn-muted);
    font-size: 12px;
  }
  svg {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
  }
  .grid {
    stroke: var(--cnn-module-stroke);
    stroke-opacity: 0.35;
  }
  .axis {
    stroke: var(--cnn-muted);
  }
  .tick {
    fill: var(--cnn-muted);
    font-size: 10px;
  }
  path.loss {
    fill: none;
    stroke: var(--cnn-focus);
    stroke-width: 1.2;
  }
  path.acc {
    fill: none;
    stroke: var(--cnn-aux);
    stroke-width: 1.5;
  }
  circle.acc {
    fill: var(--cnn-aux);
  }
  .accuracy {
    font-size: 15px;
  }
  .reference {
    margin-left: 8px;
    color: var(--cnn-muted);
  }
  details summary {
    cursor: pointer;
    color: var(--cnn-muted);
    font-size: 12px;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 11px;
    margin-top: 4px;
  }
  th,
  td {
    border: 1px solid var(--cnn-module-stroke);
    padding: 2px 5px;
    text-align: right;
    min-width: 2.6em;
  }
  td {
    color: #0f172a;
  }
  td.dark {
    color: #fff;
  }
  th {
    font-weight: 600;
    background: var(--cnn-module-bg);
  }
  th.corner {
    font-weight: 400;
    color: var(--cnn-muted);
  }
  [part='message'] {
    color: var(--cnn-error);
    background: var(--cnn-error-bg);
    border-radius: 4px;
    padding: 6px 8px;
  }
  [part='message'] button {
    margin-left: 8px;
  }
`;
