/** Hardsigmoid from ONNX's HardSigmoid with PyTorch's slope 1/6 and offset 1/2. */
import { unsupportedAttribute, type KindOnnx } from '../onnx-spec.js';

/** ONNX's alpha and beta as float32, as the file stores them, next to PyTorch's 1/6 and 1/2. */
export const isTorchHardSigmoid = (alpha: number | undefined, beta: number | undefined) => Math.abs((alpha ?? 0.2) - 1 / 6) < 1e-6 && Math.abs((beta ?? 0.5) - 0.5) < 1e-6;

export const onnx: KindOnnx<'Hardsigmoid'> = {
  kind: 'Hardsigmoid',
  ops: {
    HardSigmoid(node) {
      const alpha = node.float('alpha');
      const beta = node.float('beta');
      if (!isTorchHardSigmoid(alpha, beta)) return unsupportedAttribute(node, 'alpha, beta', `${alpha ?? 0.2}, ${beta ?? 0.5}`, "Use nn.Hardsigmoid (alpha 1/6, beta 1/2); ONNX's default alpha 0.2 is not PyTorch's.", '请使用 nn.Hardsigmoid（alpha 1/6，beta 1/2）；ONNX 默认的 alpha 0.2 不是 PyTorch 的。');
      return { config: { kind: 'Hardsigmoid' }, data: [0] };
    },
  },
};
