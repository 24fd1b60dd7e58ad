import { adaptivePool } from '../pool.js';
import type { KindAnalysis } from '../spec.js';

/** No convention counts it: torchinfo sees no parameters, fvcore has no handle for adaptive_max_pool2d. */
export const analysis: KindAnalysis<'AdaptiveMaxPool2d'> = /* @__PURE__ */ adaptivePool('AdaptiveMaxPool2d', 'Use output_size=1 for global max pooling.', '全局最大池化请用 output_size=1。');
