/** Small networks for render tests: a channel mismatch, a name with markup, the dense DAG of issue 13. */
import { GraphBuilder, type Tensor } from '../../src/graph/builder.js';
import { Add, Conv2d, Flatten, Linear, MaxPool2d, ReLU } from '../../src/kinds/constructors.js';
import type { Graph } from '../../src/graph/types.js';

/** conv1 makes 6 channels, conv2 expects 8: the analysis stops at conv2. */
export function mismatchGraph(): Graph {
  const net = new GraphBuilder('mismatch', [1, 28, 28]);
  const y = net.seq('features', [Conv2d(1, 6, 5), ReLU(), Conv2d(8, 16, 5), ReLU(), MaxPool2d(2)], net.input);
  const z = net.layer('flatten', Flatten(), y);
  return net.build(net.layer('fc', Linear(16 * 10 * 10, 10), z));
}

export const EVIL = '<img src=x onerror=alert(1)>';

/** Layer and module names carrying markup, as a hostile JSON file could. */
export function markupGraph(): Graph {
  const net = new GraphBuilder(`evil ${EVIL}`, [1, 8, 8]);
  const y = net.module(EVIL, 'Sequential', (m) => m.layer(`conv${EVIL}`, Conv2d(1, 2, 3), net.input), `<b>${EVIL}</b>`);
  return net.build(net.layer('relu"&\'', ReLU(), y));
}

/** The DAG of issue 13: each Add reads layer i−1 and layer ⌊i/2⌋ (as bench/lib.mjs's halvingDag): valid, and not series–parallel. */
export function halving(n: number): Graph {
  const net = new GraphBuilder(`halving-${n}`, [3, 16, 16]);
  const t: Tensor[] = [net.layer('l0', Conv2d(3, 8, 3, { padding: 1 }), net.input)];
  t.push(net.layer('l1', ReLU(), t[0]));
  for (let i = 2; i < n; i++) t.push(net.layer(`l${i}`, Add(), [t[i - 1], t[i >> 1]]));
  return net.build(t[n - 1]);
}

