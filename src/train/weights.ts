/**
 * PyTorch state_dict ↔ compiled tfjs model. The graph's layer paths are
 * PyTorch's module names, so `features.0.weight` names the kernel of the
 * layer at `features.0`; only the axis order differs (channels-last kernels).
 */
import * as tf from '@tensorflow/tfjs';
import type { CompiledGraph } from './compile.js';
import type { LayerVariable } from './layers/common.js';

/** One tensor of a state_dict as plain data (row-major, PyTorch's axis order). */
export interface TorchTensor {
  shape: readonly number[];
  data: ArrayLike<number>;
}

export interface WeightBinding {
  /** The state_dict key, e.g. `features.0.weight`. */
  key: string;
  variable: LayerVariable;
  /** Permutation taking the tfjs tensor to PyTorch's axis order (null: same order). */
  toTorch: number[] | null;
}

// tfjs weight name → PyTorch's name, and the axis order that maps one onto the other.
const NAMES: Record<string, { torch: string; perm: (rank: number) => number[] | null }> = {
  kernel: { torch: 'weight', perm: (rank) => (rank === 4 ? [3, 2, 0, 1] : rank === 2 ? [1, 0] : null) },
  bias: { torch: 'bias', perm: () => null },
  gamma: { torch: 'weight', perm: () => null },
  beta: { torch: 'bias', perm: () => null },
  running_mean: { torch: 'running_mean', perm: () => null },
  running_var: { torch: 'running_var', perm: () => null },
  num_batches_tracked: { torch: 'num_batches_tracked', perm: () => null },
  // A Parameter (TorchParameter) keeps PyTorch's shape; its key is its own path (`features.1.0.layer_scale`).
  value: { torch: '', perm: () => null },
};

/** Every weight of the compiled model with its state_dict key. */
export function torchBindings(compiled: CompiledGraph): WeightBinding[] {
  const out: WeightBinding[] = [];
  for (const [path, chain] of compiled.layers) {
    for (const layer of chain) {
      for (const v of layer.weights) {
        const short = v.originalName.split('/').pop() as string;
        const name = NAMES[short];
        if (!name) throw new Error(`${path}: no PyTorch name for the tfjs weight ${v.originalName}`);
        out.push({ key: name.torch ? `${path}.${name.torch}` : path, variable: v, toTorch: name.perm(v.shape.length) });
      }
    }
  }
  return out;
}

/** A tfjs weight (or its gradient) in PyTorch's layout. */
export function toTorchLayout(t: tf.Tensor, binding: WeightBinding): tf.Tensor {
  return binding.toTorch ? tf.transpose(t, binding.toTorch) : tf.clone(t);
}

/**
 * Loads a PyTorch state_dict into the compiled model. Every weight must be
 * there with PyTorch's shape; `num_batches_tracked` and keys of layers the
 * model does not build (auxiliary heads in an inference build) are ignored.
 */
export function loadTorchState(compiled: CompiledGraph, state: Readonly<Record<string, TorchTensor>>): void {
  for (const b of torchBindings(compiled)) {
    const t = state[b.key];
    if (!t) {
      if (b.key.endsWith('num_batches_tracked')) continue;
      throw new Error(`the state_dict has no ${b.key}`);
    }
    const torchShape = b.toTorch ? b.toTorch.map((axis) => b.variable.shape[axis] as number) : (b.variable.shape as number[]);
    if (t.shape.length !== torchShape.length || t.shape.some((v, i) => v !== torchShape[i])) {
      throw new Error(`${b.key}: the state_dict has [${t.shape.join(', ')}], the model expects [${torchShape.join(', ')}] (PyTorch's order)`);
    }
    const value = tf.tidy(() => {
      const torch = tf.tensor(Float32Array.from(t.data), [...t.shape]);
      if (!b.toTorch) return torch;
      // Invert the permutation: tfjs axis i is PyTorch axis toTorch.indexOf(i).
      const inverse = b.variable.shape.map((_, i) => (b.toTorch as number[]).indexOf(i));
      return tf.transpose(torch, inverse);
    });
    b.variable.write(value);
    value.dispose();
  }
}
