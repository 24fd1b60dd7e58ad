/** Parameter has no ONNX operator of its own (see `none`). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Parameter'> = {
  kind: 'Parameter',
  ops: {},
  none: "A parameter a module uses directly (layer_scale) is an initializer or input fed to Mul or Add; cnn-graph reads weights only as the weights of the layer that uses them, and says so.",
};
