/** Add from ONNX's Add of two computed tensors (`x + y`); on constants it is computed. */
import { refuse, type KindOnnx } from '../onnx-spec.js';
import { elementwise } from '../mul/onnx.js';

export const onnx: KindOnnx<'Add'> = {
  kind: 'Add',
  ops: {
    Add(node) {
      const folded = elementwise(node, (a, b) => a + b);
      if (folded) return folded;
      if (node.constant(0) || node.constant(1) || node.weight(0) || node.weight(1)) {
        return refuse('it adds a constant or a weight to the features, which no PyTorch layer cnn-graph knows does by itself.', 'Fold the constant into the layer before it (a bias), or add it in the network as a layer.', {
          message: '它把一个常量或权重加到特征上，cnn-graph 不知道哪个 PyTorch 层单独做这件事。',
          fix: '请把这个常量并入前一层（作为偏置），或者在网络里用一个层来加。',
        });
      }
      return { config: { kind: 'Add' }, data: [0, 1] };
    },
  },
};
