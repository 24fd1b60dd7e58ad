// The render path and the JSON reader in one bundle, for bench/layout.mjs.
export { parseNetwork } from '../src/graph/json.js';
export { analyze } from '../src/analysis/analyze.js';
export * from '../src/render/index.js';
