/** The DOM-free render path: Node (the CLI) and the browser share it. */
export { ANNOTATIONS, METRICS, type Annotation, type Card, type Model } from './cards.js';
export { fmtCompact, fmtInt, fmtShape, fmtShare } from './format.js';
export { elkDirection, elkGraph, layoutCache, LayoutCache, layoutKey, loadElk, runLayout, type Box, type Direction, type EdgeRoute, type ElkGraph, type ElkLike, type Layout } from './layout.js';
export { layoutOf, noteOf, precomputeLayouts, prepare, render, renderNetworkSVG, sceneOf, type LayoutEngine, type PrecomputeOptions, type PrepareOptions, type Prepared, type RenderOptions, type Rendered } from './pipeline.js';
export { MAX_NESTING, structuralKey, structuralLayout, whyNotStructural } from './structural.js';
export { LAYERED_VERSION, layeredKey, layeredLayout } from './layered.js';
export { autoLayout, density, ELK_MAX_BOXES, ELK_MAX_CROSS_LINKS, elkTooSlow, engineOf, fastNote, type Density, type EngineUsed } from './engines.js';
export { buildScene, type Scene, type SceneEdge, type SceneFrame, type SceneNode, type SceneText } from './scene.js';
export { esc, sceneContents, sceneToSVG, svgStyleSheet, type SceneContents, type SvgOptions } from './svg.js';
export { COLOR_KEYS, colorKey, THEMES, TOKEN_NAMES, type ColorKey, type ThemeName, type Tokens } from './theme.js';
export { buildView, collapsible, resolveExpand, transparentModules, visibleCount, type Expand, type View, type ViewEdge, type ViewNode } from './view.js';
export { details, type Details } from './details.js';
export { ARROW_HEADINGS, nearestInDirection, type Heading } from './navigate.js';
