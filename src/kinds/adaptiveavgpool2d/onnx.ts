/** AdaptiveAvgPool2d(1) from ONNX's GlobalAveragePool (what torch exports for an adaptive pool to 1×1). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'AdaptiveAvgPool2d'> = {
  kind: 'AdaptiveAvgPool2d',
  ops: { GlobalAveragePool: () => ({ config: { kind: 'AdaptiveAvgPool2d', output_size: [1, 1] }, data: [0], fn: 'adaptive_avg_pool2d' }) },
};
