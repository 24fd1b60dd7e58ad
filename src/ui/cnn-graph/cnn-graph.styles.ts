import { css, unsafeCSS } from 'lit';
import { svgStyleSheet } from '../../render/svg.js';
import { THEMES, tokenCSS } from '../../render/theme.js';

const light = unsafeCSS(tokenCSS(THEMES.light));
const dark = unsafeCSS(tokenCSS(THEMES.dark));

/** The picture's looks as shared rules: the on-screen SVG carries classes, not inline styles. */
const svgRules = unsafeCSS(svgStyleSheet());

export const styles = css`
  ${svgRules}
  :host {
    ${light}
    --cnn-height: 640px;
    --cnn-font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
    display: block;
    position: relative;
    height: var(--cnn-height);
    color: var(--cnn-fg);
    background: var(--cnn-bg);
    font-family: var(--cnn-font-family);
    font-size: 13px;
    border: 1px solid var(--cnn-module-stroke);
    border-radius: 8px;
    overflow: hidden;
    contain: content;
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .toolbar {
    display: flex;
    gap: 4px;
    padding: 4px 6px;
    border-bottom: 1px solid var(--cnn-module-stroke);
    background: var(--cnn-module-bg);
    flex-wrap: wrap;
  }
  .toolbar button {
    font: inherit;
    font-size: 12px;
    color: var(--cnn-fg);
    background: var(--cnn-bg);
    border: 1px solid var(--cnn-module-stroke);
    border-radius: 5px;
    padding: 2px 8px;
    cursor: pointer;
  }
  .toolbar button[aria-pressed='true'] {
    border-color: var(--cnn-focus);
    box-shadow: inset 0 0 0 1px var(--cnn-focus);
    background: var(--cnn-module-bg);
  }
  .toolbar button:focus-visible {
    outline: 2px solid var(--cnn-focus);
    outline-offset: 1px;
  }
  .canvas {
    position: relative;
    flex: 1;
    min-height: 0;
    overflow: hidden;
    outline: none;
  }
  .canvas:focus-visible {
    box-shadow: inset 0 0 0 2px var(--cnn-focus);
  }
  .canvas svg {
    display: block;
    width: 100%;
    height: 100%;
    cursor: grab;
    user-select: none;
    /* One finger scrolls the page; two fingers reach d3-zoom (pinch and pan), not the browser's page zoom. */
    touch-action: pan-x pan-y;
  }
  .hint {
    position: absolute;
    left: 50%;
    top: 50%;
    transform: translate(-50%, -50%);
    z-index: 3;
    padding: 8px 14px;
    border-radius: 6px;
    background: rgb(0 0 0 / 0.72);
    color: #fff;
    font-size: 14px;
    pointer-events: none;
    white-space: nowrap;
    animation: cnn-hint-fade 2.4s ease-in forwards;
  }
  @keyframes cnn-hint-fade {
    0%,
    70% {
      opacity: 1;
    }
    100% {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .hint {
      animation-timing-function: steps(1, end);
    }
  }
  .cnn-off,
  .cnn-pending {
    display: none;
  }
  /* Level of detail (levelOfDetail): far out, the words that could not be read are not drawn. */
  svg[data-lod='titles'] :is(.cnn-badge, .s-t-badge, .s-t-sub, .s-t-diag, .cnn-edge-label),
  svg[data-lod='blocks'] :is(.cnn-node text, .cnn-badge, .cnn-edge-label, .cnn-frame-title) {
    display: none;
  }
  .cnn-node:focus {
    outline: none;
  }
  .cnn-node:focus-visible .cnn-box,
  .cnn-node.focused .cnn-box {
    stroke: var(--cnn-focus) !important;
    stroke-width: 3px !important;
  }
  .cnn-node[aria-pressed='true'] .cnn-box {
    stroke: var(--cnn-selected) !important;
    stroke-width: 3.5px !important;
  }
  .cnn-frame-title {
    cursor: pointer;
  }
  .message {
    position: absolute;
    left: 8px;
    right: 8px;
    bottom: 8px;
    max-height: 40%;
    overflow: auto;
    padding: 8px 10px;
    border-radius: 6px;
    border: 1px solid var(--cnn-error);
    background: var(--cnn-error-bg);
    color: var(--cnn-fg);
    font-size: 12.5px;
    line-height: 1.4;
  }
  .message.fatal {
    position: static;
    margin: 16px;
    max-height: none;
  }
  .message strong {
    color: var(--cnn-error);
  }
  .message ul {
    margin: 4px 0 0;
    padding-left: 18px;
  }
  .details {
    position: absolute;
    z-index: 2;
    max-width: 360px;
    padding: 8px 10px;
    border-radius: 6px;
    border: 1px solid var(--cnn-module-stroke);
    background: var(--cnn-bg);
    color: var(--cnn-fg);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
    font-size: 12px;
    line-height: 1.4;
    pointer-events: none;
  }
  .details h3 {
    margin: 0;
    font-size: 13px;
  }
  .details .sub {
    color: var(--cnn-muted);
    margin-bottom: 4px;
  }
  .details table {
    border-collapse: collapse;
  }
  .details th {
    text-align: left;
    font-weight: 400;
    color: var(--cnn-muted);
    padding-right: 8px;
    vertical-align: top;
  }
  .details code {
    display: block;
    font-family: ui-monospace, "DejaVu Sans Mono", monospace;
    font-size: 11.5px;
    margin-top: 4px;
  }
  .details .diag {
    color: var(--cnn-error);
    margin-top: 4px;
  }
  .drop-target {
    position: absolute;
    inset: 6px;
    z-index: 5;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 16px;
    text-align: center;
    font: 14px var(--cnn-font-family);
    color: var(--cnn-fg);
    background: color-mix(in srgb, var(--cnn-bg) 85%, transparent);
    border: 2px dashed var(--cnn-focus);
    border-radius: 8px;
    /* The drop lands on the element, not on this overlay's children. */
    pointer-events: none;
  }
  .notice {
    position: absolute;
    left: 8px;
    bottom: 8px;
    max-width: calc(100% - 16px);
    font-size: 11px;
    color: var(--cnn-muted);
    background: var(--cnn-bg);
    border: 1px solid var(--cnn-module-stroke);
    border-radius: 4px;
    padding: 1px 6px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .status {
    position: absolute;
    top: 8px;
    right: 10px;
    font-size: 12px;
    color: var(--cnn-muted);
    pointer-events: none;
  }
  /* Read by screen readers, never seen. The wrapper is off-canvas with content-visibility: auto
     (a block: it does not apply to the table box itself), so the browser skips styling and laying
     out the hundreds of rows; skipped content stays in the accessibility tree. */
  .sr-box {
    position: absolute;
    left: -100000px;
    top: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
    content-visibility: auto;
    contain-intrinsic-size: 1px 1px;
  }
  .sr-only {
    position: absolute;
    left: -100000px;
    top: 0;
    content-visibility: auto;
    contain-intrinsic-size: 1px 1px;
    table-layout: fixed;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* iOS zooms the page into a focused text field whose text is under 16 px: the find box is 16 px
     on touch and small screens (:host outranks find-box.ts's own .find input rule). */
  @media (pointer: coarse), (max-width: 600px) {
    :host .find input {
      font-size: 16px;
    }
  }
`;
