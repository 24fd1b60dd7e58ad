/**
 * Linear from ONNX's Gemm (what torch exports for nn.Linear on a 2-D input:
 * weight [out, in] with transB=1) and from MatMul by a weight [in, out],
 * followed by an Add of a bias [out] (nn.Linear on more dimensions).
 */
import { notAWeight, refuse, unsupportedAttribute, type KindOnnx } from '../onnx-spec.js';

const notAMatrix = (shape: readonly number[]) =>
  refuse(`its weight has ${shape.length} dimensions (${shape.join('×')}); a Linear layer's is a matrix.`, 'Use nn.Linear (its weight is out_features×in_features).', {
    message: `它的权重有 ${shape.length} 维（${shape.join('×')}）；Linear 层的权重是矩阵。`,
    fix: '请使用 nn.Linear（权重是 out_features×in_features）。',
  });

export const onnx: KindOnnx<'Linear'> = {
  kind: 'Linear',
  ops: {
    Gemm(node) {
      if (node.int('transA')) return unsupportedAttribute(node, 'transA', '1', 'Multiply the features as they are (nn.Linear does).', '请直接与特征相乘（nn.Linear 就是这样）。');
      for (const [attr, v] of [['alpha', node.float('alpha')], ['beta', node.float('beta')]] as const) {
        if (v !== undefined && v !== 1) return unsupportedAttribute(node, attr, String(v), 'Scale with a layer of its own, or fold the factor into the weights.', '请用单独的层缩放，或把系数并入权重。');
      }
      const w = node.weight(1);
      if (!w) return notAWeight(node, 1, 'weight');
      if (w.length !== 2) return notAMatrix(w);
      const [out, inF] = node.int('transB') ? [w[0], w[1]] : [w[1], w[0]];
      const bias = node.inputs[2] ? node.weight(2) : undefined;
      if (node.inputs[2] && !bias) return notAWeight(node, 2, 'bias');
      return { config: { kind: 'Linear', in_features: inF, out_features: out, ...(bias ? {} : { bias: false }) }, data: [0] };
    },
    MatMul(node) {
      const w = node.weight(1);
      if (!w) return undefined;
      if (w.length !== 2) return notAMatrix(w);
      const [inF, out] = w;
      const add = node.next();
      if (add?.op === 'Add') {
        const side = add.inputs[0] === node.inputs[0] ? -1 : add.weight(0) ? 0 : add.weight(1) ? 1 : -1;
        const b = side >= 0 ? add.weight(side) : undefined;
        if (b && b.length === 1 && b[0] === out) return { config: { kind: 'Linear', in_features: inF, out_features: out }, data: [0], through: add };
      }
      return { config: { kind: 'Linear', in_features: inF, out_features: out, bias: false }, data: [0] };
    },
  },
};
