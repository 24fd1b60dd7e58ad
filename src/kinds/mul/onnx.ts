/** Mul from ONNX's Mul of two computed tensors (`x * gate`), or of a parameter and the features (then with a Parameter layer); on constants it is computed. */
import { Parameter } from '../parameter/config.js';
import { refuse, type KindOnnx, type OnnxNode, type OnnxScalar, type OnnxValue, type OnnxRefusal } from '../onnx-spec.js';

/** An arithmetic node on two constants (shape arithmetic such as `c // groups`), computed; undefined when an input is not constant. */
export function elementwise(node: OnnxNode, op: (a: number, b: number) => number): OnnxValue | OnnxRefusal | undefined {
  const a = node.constant(0);
  const b = node.constant(1);
  if (!a || !b) return undefined;
  if (a.length !== b.length && a.length !== 1 && b.length !== 1) return undefined;
  if (a.includes('batch') || b.includes('batch')) {
    return refuse('it computes with the batch size (x.size(0)); cnn-graph reads shapes per sample, so a shape that mixes the batch with the features has no meaning there.', 'Keep the batch dimension as it is: x.view(x.size(0), -1), or torch.flatten(x, 1).', {
      message: '它用批量大小（x.size(0)）做运算；cnn-graph 按单个样本读取形状，把批量维与特征混在一起的形状没有意义。',
      fix: '请保持批量维不变：x.view(x.size(0), -1) 或 torch.flatten(x, 1)。',
    });
  }
  const n = Math.max(a.length, b.length);
  const at = (v: readonly OnnxScalar[], i: number) => (v.length === 1 ? v[0] : v[i]) as number;
  return { value: Array.from({ length: n }, (_, i) => op(at(a, i), at(b, i))) };
}

export const onnx: KindOnnx<'Mul'> = {
  kind: 'Mul',
  ops: {
    Mul(node) {
      const folded = elementwise(node, (a, b) => a * b);
      if (folded) return folded;
      // A parameter times the features (ConvNeXt's layer_scale): the Parameter and Mul layers the zoo builds.
      const side = [0, 1].filter((i) => node.parameter(i) && !node.weight(1 - i) && !node.constant(1 - i));
      if (side.length === 1) {
        const i = side[0];
        return { config: { kind: 'Mul' }, data: [0, 1], parameters: [{ input: i, config: Parameter(node.parameter(i) as number[]) }] };
      }
      if (node.constant(0) || node.constant(1) || node.weight(0) || node.weight(1)) {
        return refuse('it multiplies the features by a constant or a weight, which no PyTorch layer cnn-graph knows does by itself.', 'Fold the factor into the layer before it, or multiply two computed tensors (x * gate).', {
          message: '它把特征乘以一个常量或权重，cnn-graph 不知道哪个 PyTorch 层单独做这件事。',
          fix: '请把系数并入前一层，或者把两个计算出来的张量相乘（x * gate）。',
        });
      }
      return { config: { kind: 'Mul' }, data: [0, 1] };
    },
  },
};
