import { shapePreserving } from '../common.js';

export const analysis = /* @__PURE__ */ shapePreserving('Tanh', () => 'Tanh');
