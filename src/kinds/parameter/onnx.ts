/** Parameter has no ONNX operator of its own (see `none`). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Parameter'> = {
  kind: 'Parameter',
  ops: {},
  none: "A parameter a module uses directly (layer_scale) is an initializer or input fed to an operator, not an operator: the Mul facet asks for a Parameter layer for it (OnnxLayer.parameters).",
};
