import { shapePreserving } from '../common.js';

export const analysis = /* @__PURE__ */ shapePreserving('GELU', (l) => (l.approximate === 'tanh' ? 'GELU tanh' : 'GELU'));
