/** The registry: one spec per layer kind. Nothing guesses a kind from a name. */
import type { LayerKind } from '../../graph/types.js';
import { adaptiveAvgPool2d } from './adaptiveavgpool2d.js';
import { add } from './add.js';
import { avgPool2d } from './avgpool2d.js';
import { batchNorm2d } from './batchnorm2d.js';
import { concat } from './concat.js';
import { conv2d } from './conv2d.js';
import { dropout, relu, sigmoid, softmax, tanh } from './elementwise.js';
import { flatten } from './flatten.js';
import { linear } from './linear.js';
import { localResponseNorm } from './localresponsenorm.js';
import { maxPool2d } from './maxpool2d.js';
import type { LayerKindSpec } from './spec.js';

export const LAYER_SPECS: { [K in LayerKind]: LayerKindSpec<K> } = {
  Conv2d: conv2d,
  MaxPool2d: maxPool2d,
  AvgPool2d: avgPool2d,
  AdaptiveAvgPool2d: adaptiveAvgPool2d,
  Linear: linear,
  Flatten: flatten,
  ReLU: relu,
  Tanh: tanh,
  Sigmoid: sigmoid,
  Softmax: softmax,
  Dropout: dropout,
  BatchNorm2d: batchNorm2d,
  LocalResponseNorm: localResponseNorm,
  Concat: concat,
  Add: add,
};

export function specOf<K extends LayerKind>(kind: K): LayerKindSpec<K> {
  return LAYER_SPECS[kind] as LayerKindSpec<K>;
}

export type { LayerKindSpec, Convention, Category, Issue, WeightSpec, Window, AxisWindow } from './spec.js';
