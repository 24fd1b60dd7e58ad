/** Every concept calculator by id, for the client script. */
import type { Calculator } from './common.js';
import { outputSizeCalc } from './output-size.js';

// Each calculator has its own parameter type; the client only passes `read`'s result back to `render`.
export const CALCULATORS: Record<string, Calculator<never>> = Object.fromEntries(
  ([outputSizeCalc] as Calculator<unknown>[]).map((c) => [c.id, c as unknown as Calculator<never>]),
);
