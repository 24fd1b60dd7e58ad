/**
 * The browser entry (bundled to dist/cnn-graph.js): defines `<cnn-graph>` and
 * `<cnn-summary>`, and exports them with the DOM-free render path.
 */
export { CnnGraph, type GraphViewState, parseExpand, parseInput } from './cnn-graph/cnn-graph.js';
export type { CnnDirectionDetail, CnnDirectionEvent, CnnErrorDetail, CnnErrorEvent, CnnLayoutDetail, CnnLayoutEvent, CnnSelectDetail, CnnSelectEvent, CnnToggleDetail, CnnToggleEvent } from './cnn-graph/events.js';
export { setWorkerUrl } from './cnn-graph/layout-client.js';
export { CnnSummary, SUMMARY_COLUMNS, type SummaryColumn } from './cnn-summary/cnn-summary.js';
export { CnnCompare, type CnnCompareDetail, type CnnCompareEvent } from './cnn-compare/cnn-compare.js';
export * from '../render/index.js';
