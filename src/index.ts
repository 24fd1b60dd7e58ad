/** cnn-graph's public API: the graph model, the analysis, the zoo. */
export { GraphBuilder, Scope, Tensor, BuildError, type ModuleDef, type Part } from './graph/builder.js';
export * from './kinds/constructors.js';
export { LAYER_KINDS, INPUT, type Graph, type Layer, type LayerKind, type LayerConfig, type ConfigOf, type ModuleSpec, type AuxOutput, type Shape, type IntOrPair } from './graph/types.js';
export { parseNetwork, networkToJSON, stringifyNetwork, MAX_JSON_BYTES, type ParseResult } from './graph/json.js';
export { networkJsonSchema, FORMAT } from './graph/schema.js';
export { checkStructure } from './graph/validate.js';
export { ZOO, ZOO_IDS, zooEntry, zooGraph, type ZooEntry, type TrainPreset, type Family } from './zoo/index.js';
export type { ZooOptions, VggOptions } from './zoo/notes.js';
export { analyze, diagnosticText, type Analysis, type AnalyzeOptions, type LayerRecord, type ModuleRecord, type Diagnostic, type ZhText, type Totals, type ReceptiveField, type Status } from './analysis/analyze.js';
export { convOutputSize, poolOutputSize, samePadding, adaptiveWindow, effectiveKernel } from './analysis/arith.js';
export { bottleneck, stack, type Comparison, type Variant, type BottleneckOptions, type StackOptions } from './zoo/compare.js';
export { summaryRows, type SummaryRow } from './analysis/summary.js';
export { formatInt, formatCount, formatBytes, formatShape, formatPercent, parseShape, NONE } from './analysis/format.js';
export { CONVENTIONS } from './analysis/conventions.js';
export { KIND_CONFIGS, configOf } from './kinds/config.js';
export { KIND_ANALYSES, analysisOf } from './kinds/analysis.js';
export type { Convention, Category, Issue, KindAnalysis, KindConfig } from './kinds/spec.js';
