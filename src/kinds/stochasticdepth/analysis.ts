import { shapePreserving } from '../common.js';

/**
 * Identity at inference (torchvision returns the input unless training), so
 * no shape change, no parameters, and no MACs under any convention. The schema
 * already refuses what torchvision's forward raises for (p outside [0, 1], another mode).
 */
export const analysis = /* @__PURE__ */ shapePreserving('StochasticDepth', (l) => `StochasticDepth p=${l.p} ${l.mode}`);
