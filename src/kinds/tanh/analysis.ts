import { shapePreserving } from '../common.js';

export const analysis = shapePreserving('Tanh', () => 'Tanh');
