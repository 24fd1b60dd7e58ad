/**
 * LayerNorm2d from the three nodes torchvision's LayerNorm2d.forward exports as:
 * Transpose(perm 0,2,3,1) → LayerNormalization over the last axis → Transpose(perm 0,3,1,2),
 * all in one module's scope. (Before opset 17 the reader has already put one
 * LayerNormalization in place of torch's arithmetic for layer_norm.) A Transpose
 * that does not start that run is a Permute.
 */
import { onnx as layerNorm } from '../layernorm/onnx.js';
import type { KindOnnx, OnnxNode } from '../onnx-spec.js';

const scope = (n: OnnxNode) => n.name.slice(0, Math.max(0, n.name.lastIndexOf('/')));
const same = (a: readonly number[] | undefined, b: readonly number[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);

export const onnx: KindOnnx<'LayerNorm2d'> = {
  kind: 'LayerNorm2d',
  ops: {
    Transpose(node) {
      if (!same(node.ints('perm'), [0, 2, 3, 1])) return undefined;
      const norm = node.next();
      const back = norm?.op === 'LayerNormalization' ? norm.next() : undefined;
      if (!norm || back?.op !== 'Transpose' || !same(back.ints('perm'), [0, 3, 1, 2])) return undefined;
      if (!node.name || scope(norm) !== scope(node) || scope(back) !== scope(node)) return undefined;
      const scale = norm.weight(1);
      if (!scale || scale.length !== 1 || (norm.int('axis') ?? -1) !== -1) return undefined;
      const ln = layerNorm.ops.LayerNormalization(norm);
      if (!ln || !('config' in ln) || ln.config.kind !== 'LayerNorm') return undefined;
      const { eps } = ln.config;
      return { config: { kind: 'LayerNorm2d', num_channels: scale[0], ...(eps !== undefined ? { eps } : {}) }, data: [0], through: back };
    },
  },
};
