/** LayerNorm2d has no ONNX operator of its own (see `none`). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'LayerNorm2d'> = {
  kind: 'LayerNorm2d',
  ops: {},
  none: "torchvision's LayerNorm2d exports as Transpose, LayerNormalization, Transpose, which become Permute, LayerNorm, Permute.",
};
