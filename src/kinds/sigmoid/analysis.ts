import { shapePreserving } from '../common.js';

export const analysis = shapePreserving('Sigmoid', () => 'Sigmoid');
