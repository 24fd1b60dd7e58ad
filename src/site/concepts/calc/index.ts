/** Every concept calculator by id: what the client script bundles (src/site/client/concepts.ts). */
import { lossCalc } from './auxiliary.js';
import type { Calculator } from './common.js';
import { multiChannelCalc } from './multi-channel.js';
import { headCalc } from './nin-gap.js';
import { bottleneckCalc } from './one-by-one.js';
import { outputSizeCalc } from './output-size.js';
import { adaptiveCalc, poolCalc } from './pooling.js';
import { residualCalc } from './residual.js';
import { stackCalc } from './stacked.js';

const ALL = [outputSizeCalc, multiChannelCalc, poolCalc, adaptiveCalc, bottleneckCalc, stackCalc, headCalc, residualCalc, lossCalc] as Calculator<unknown>[];

// Each calculator has its own parameter type; the client only passes `read`'s result back to `render`.
export const CALCULATORS: Record<string, Calculator<never>> = Object.fromEntries(ALL.map((c) => [c.id, c as unknown as Calculator<never>]));
