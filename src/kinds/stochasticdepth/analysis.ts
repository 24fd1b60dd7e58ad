import { shapePreserving } from '../common.js';

/**
 * Identity at inference (torchvision returns the input unless training), so
 * no shape change, no parameters, and no MACs under any convention. The schema
 * already refuses what torchvision's forward raises for (p outside [0, 1], another mode).
 */
// The label rounds p for reading (torchvision computes 0.2 · 3 / 16 = 0.037500000000000006); the config keeps it exact.
export const analysis = /* @__PURE__ */ shapePreserving('StochasticDepth', (l) => `StochasticDepth p=${Number(l.p.toPrecision(6))} ${l.mode}`);
