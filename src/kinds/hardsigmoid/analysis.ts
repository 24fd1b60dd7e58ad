import { shapePreserving } from '../common.js';

/** Elementwise: no convention counts it (torchinfo sees no parameters, fvcore has no handle for it). */
export const analysis = /* @__PURE__ */ shapePreserving('Hardsigmoid', () => 'Hardsigmoid');
