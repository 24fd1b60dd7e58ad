/** AdaptiveMaxPool2d(1) from ONNX's GlobalMaxPool. */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'AdaptiveMaxPool2d'> = {
  kind: 'AdaptiveMaxPool2d',
  ops: { GlobalMaxPool: () => ({ config: { kind: 'AdaptiveMaxPool2d', output_size: [1, 1] }, data: [0], fn: 'adaptive_max_pool2d' }) },
};
