import { shapePreserving } from '../common.js';

export const analysis = shapePreserving('ReLU', () => 'ReLU');
