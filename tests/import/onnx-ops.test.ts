/**
 * ONNX operators that torch 1.13's exports of the fixtures do not contain
 * (ONNX's own LRN, MatMul + Add, HardSwish as x · HardSigmoid(x), Resize,
 * Split, ReduceMean, Transpose), in files written by the tests, and the
 * refusals of forms that have no PyTorch layer.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { readOnnx } from '../../src/import/onnx/read.js';
import { float, ints, model, node, scalar, valueInfo, weight } from './onnx-build.js';

const read = (bytes: Uint8Array) => readOnnx(bytes, { name: 't' });
const layersOf = (bytes: Uint8Array) => {
  const r = read(bytes);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return r.graph!.layers;
};
const errorsOf = (bytes: Uint8Array) => {
  const r = read(bytes);
  expect(r.graph).toBeNull();
  for (const d of r.diagnostics) expect(d.zh?.message, d.message).toMatch(/[\u4e00-\u9fff]/);
  return r.diagnostics.map((d) => `${d.message} | ${d.fix}`).join('\n');
};

describe('operators beyond the torchvision exports', () => {
  it('a Mul of a parameter and the features is a Parameter and a Mul; of a folded constant it stays refused', () => {
    const scaled = read(model({ nodes: [node('Relu', ['x'], ['r'], {}, '/relu/Relu'), node('Mul', ['blk.gamma', 'r'], ['y'], {}, '/blk/Mul')], params: [valueInfo('blk.gamma', [3, 1, 1])] }));
    expect(scaled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(scaled.graph!.layers.map((l) => `${l.path} ${l.kind} ${l.inputs.join(',')}`)).toEqual(['relu ReLU input', 'blk.gamma Parameter ', 'blk Mul blk.gamma,relu']);
    expect(scaled.graph!.layers[1]).toMatchObject({ shape: [3, 1, 1] });
    expect(analyze(scaled.graph!).totals.params).toBe(3);
    expect(errorsOf(model({ nodes: [node('Relu', ['x'], ['r'], {}, '/relu/Relu'), node('Mul', ['r', 'onnx::Mul_3'], ['y'], {}, '/Mul')], initializer: [scalar('onnx::Mul_3', 0.5)] }))).toMatch(/multiplies the features by a constant/);
  });

  it("torch's arithmetic for F.layer_norm is one LayerNorm; without its bias Add it is not, and is refused node by node", () => {
    const ln = (withBias: boolean) => [
      node('ReduceMean', ['x'], ['m'], { axes: [-1] }, '/ln/ReduceMean'),
      node('Sub', ['x', 'm'], ['d'], {}, '/ln/Sub'),
      node('Constant', [], ['two'], { value: { t: scalar('two', 2) } }, '/ln/Constant'),
      node('Pow', ['d', 'two'], ['p'], {}, '/ln/Pow'),
      node('ReduceMean', ['p'], ['v'], { axes: [-1] }, '/ln/ReduceMean_1'),
      node('Constant', [], ['eps'], { value: { t: scalar('eps', 1e-3) } }, '/ln/Constant_1'),
      node('Add', ['v', 'eps'], ['ve'], {}, '/ln/Add'),
      node('Sqrt', ['ve'], ['s'], {}, '/ln/Sqrt'),
      node('Div', ['d', 's'], ['n'], {}, '/ln/Div'),
      node('Mul', ['n', 'ln.weight'], withBias ? ['w'] : ['y'], {}, '/ln/Mul'),
      ...(withBias ? [node('Add', ['w', 'ln.bias'], ['y'], {}, '/ln/Add_1')] : []),
    ];
    const params = [valueInfo('ln.weight', [8]), valueInfo('ln.bias', [8])];
    const [l] = layersOf(model({ nodes: ln(true), params }));
    expect(l).toMatchObject({ path: 'ln', kind: 'LayerNorm', normalized_shape: 8, eps: 0.001, inputs: ['input'] });
    expect(errorsOf(model({ nodes: ln(false), params }))).toMatch(/"\/ln\/Sub" \(Sub\): cnn-graph does not read the operator Sub/);
  });

  it('LRN becomes LocalResponseNorm with its size, alpha, beta and k', () => {
    const [l] = layersOf(model({ nodes: [node('LRN', ['x'], ['y'], { size: 5, alpha: float(2e-4), beta: float(0.75), bias: float(2) }, '/lrn/LRN')] }));
    expect(l).toMatchObject({ path: 'lrn', kind: 'LocalResponseNorm', size: 5, alpha: 2e-4, k: 2 });
    expect(l).not.toHaveProperty('beta');
  });

  it('MatMul by a weight then Add of a bias is one Linear (with bias); MatMul alone is one without', () => {
    const nodes = [node('Flatten', ['x'], ['f'], { axis: 1 }, '/flatten/Flatten'), node('MatMul', ['f', 'fc.weight'], ['m'], {}, '/fc/MatMul'), node('Add', ['m', 'fc.bias'], ['y'], {}, '/fc/Add')];
    const init = [weight('fc.weight', [192, 10]), weight('fc.bias', [10])];
    const ls = layersOf(model({ nodes, initializer: init }));
    expect(ls.map((l) => l.path)).toEqual(['flatten', 'fc']);
    expect(ls[1]).toMatchObject({ kind: 'Linear', in_features: 192, out_features: 10 });
    expect(ls[1]).not.toHaveProperty('bias');
    const alone = layersOf(model({ nodes: nodes.slice(0, 2), initializer: init.slice(0, 1) }));
    expect(alone[1]).toMatchObject({ kind: 'Linear', bias: false });
  });

  it('x · HardSigmoid(x) with PyTorch\'s 1/6 and 1/2 is Hardswish; x · Sigmoid(x) is SiLU; a gate x · Sigmoid(y) stays a Sigmoid and a Mul', () => {
    const hs = layersOf(model({ nodes: [node('HardSigmoid', ['x'], ['h'], { alpha: float(1 / 6), beta: float(0.5) }, '/act/HardSigmoid'), node('Mul', ['x', 'h'], ['y'], {}, '/act/Mul')] }));
    expect(hs.map((l) => `${l.path} ${l.kind}`)).toEqual(['act Hardswish']);
    const silu = layersOf(model({ nodes: [node('Sigmoid', ['x'], ['s'], {}, '/act/Sigmoid'), node('Mul', ['x', 's'], ['y'], {}, '/act/Mul')] }));
    expect(silu.map((l) => `${l.path} ${l.kind}`)).toEqual(['act SiLU']);
    const gate = layersOf(
      model({
        nodes: [node('Relu', ['x'], ['r'], {}, '/relu/Relu'), node('Sigmoid', ['r'], ['s'], {}, '/gate/Sigmoid'), node('Mul', ['x', 's'], ['y'], {}, '/Mul')],
      }),
    );
    expect(gate.map((l) => `${l.path} ${l.kind}`)).toEqual(['relu ReLU', 'gate Sigmoid', 'mul Mul']);
  });

  it('Resize with constant scales is Upsample; Split is one layer per piece; ReduceMean is Mean; Transpose is Permute', () => {
    const up = layersOf(model({ nodes: [node('Resize', ['x', '', 's'], ['y'], { mode: 'nearest' }, '/up/Resize')], initializer: [{ name: 's', dims: [4], data_type: 1, raw_data: new Uint8Array(new Float32Array([1, 1, 2, 2]).buffer) }] }));
    expect(up[0]).toMatchObject({ kind: 'Upsample', scale_factor: 2 });
    expect(analyze({ ...read(model({ nodes: [node('Resize', ['x', '', 's'], ['y'], { mode: 'nearest' }, '/up/Resize')], initializer: [{ name: 's', dims: [4], data_type: 1, raw_data: new Uint8Array(new Float32Array([1, 1, 2, 2]).buffer) }] })).graph! }).output).toEqual([3, 16, 16]);
    const split = read(
      model({
        nodes: [node('Split', ['x', 'sizes'], ['a', 'b'], { axis: 1 }, '/Split'), node('Add', ['a', 'b'], ['y'], {}, '/Add')],
        initializer: [ints('sizes', [1, 2])],
      }),
    );
    // Channels 1 and 2 do not add: analysis says so, the reader does not guess.
    expect(split.graph!.layers.map((l) => `${l.path} ${l.kind}`)).toEqual(['split.0 Split', 'split.1 Split', 'add Add']);
    const mean = layersOf(model({ nodes: [node('ReduceMean', ['x'], ['y'], { axes: [2, 3], keepdims: 0 }, '/ReduceMean')] }));
    expect(mean[0]).toMatchObject({ kind: 'Mean', dim: [2, 3] });
    const t = layersOf(model({ nodes: [node('Transpose', ['x'], ['y'], { perm: [0, 2, 3, 1] }, '/Transpose')] }));
    expect(t[0]).toMatchObject({ kind: 'Permute', dims: [0, 2, 3, 1] });
  });

  it('a zero Pad folds into the Conv or AveragePool after it: F.pad then a conv is one padded Conv2d, the padding counted in the average', () => {
    const pad = (p: number[]) => ints('p', [0, 0, ...p.slice(0, 2), 0, 0, ...p.slice(2)]);
    const conv = layersOf(
      model({ nodes: [node('Pad', ['x', 'p'], ['q'], { mode: 'constant' }, '/Pad'), node('Conv', ['q', 'c.weight'], ['y'], { kernel_shape: [3, 3], pads: [1, 1, 0, 0] }, '/c/Conv')], initializer: [pad([0, 0, 1, 1]), weight('c.weight', [4, 3, 3, 3])] }),
    );
    // Pad adds bottom and right, the conv top and left: symmetric together.
    expect(conv).toHaveLength(1);
    expect(conv[0]).toMatchObject({ path: 'c', kind: 'Conv2d', padding: 1, inputs: ['input'] });
    const avg = layersOf(model({ nodes: [node('Pad', ['x', 'p'], ['q'], {}, '/pool/Pad'), node('AveragePool', ['q'], ['y'], { kernel_shape: [3, 3], strides: [2, 2] }, '/pool/AveragePool')], initializer: [pad([1, 1, 1, 1])] }));
    expect(avg).toHaveLength(1);
    expect(avg[0]).toMatchObject({ kind: 'AvgPool2d', kernel_size: 3, stride: 2, padding: 1 });
    expect(avg[0]).not.toHaveProperty('count_include_pad');
    const reflect = errorsOf(model({ nodes: [node('Pad', ['x', 'p'], ['q'], { mode: 'reflect' }, '/Pad'), node('Conv', ['q', 'w'], ['y'], { kernel_shape: [3, 3] }, '/c/Conv')], initializer: [pad([1, 1, 1, 1]), weight('w', [4, 3, 3, 3])] }));
    expect(reflect).toContain('node "/Pad" (Pad): cnn-graph reads a Pad only as the zero padding');
  });

  it('a constant target shape whose first entry is the exported batch size keeps the batch (torch writes x.size(0) so when the batch is fixed)', () => {
    const ls = layersOf(model({ nodes: [node('Reshape', ['x', 'shape'], ['y'], {}, '/Reshape')], initializer: [ints('shape', [1, -1])] }));
    expect(ls[0]).toMatchObject({ kind: 'Reshape', shape: [-1], path: 'view' });
    expect(errorsOf(model({ nodes: [node('Reshape', ['x', 'shape'], ['y'], {}, '/Reshape')], initializer: [ints('shape', [2, -1])] }))).toContain('does not keep the batch');
  });

  it('parameters as graph inputs (export_params=False) and as initializers give the same layer', () => {
    const conv = node('Conv', ['x', 'c.weight', 'c.bias'], ['y'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] }, '/c/Conv');
    const a = layersOf(model({ nodes: [conv], initializer: [weight('c.weight', [4, 3, 3, 3]), weight('c.bias', [4])] }));
    const b = layersOf(model({ nodes: [conv], params: [valueInfo('c.weight', [4, 3, 3, 3]), valueInfo('c.bias', [4])] }));
    expect(a).toEqual(b);
    expect(a[0]).toMatchObject({ path: 'c', kind: 'Conv2d', in_channels: 3, out_channels: 4, kernel_size: 3, padding: 1 });
  });
});

describe('forms with no PyTorch layer are refused by node, operator and reason', () => {
  it('asymmetric padding', () => {
    const text = errorsOf(model({ nodes: [node('Conv', ['x', 'w'], ['y'], { kernel_shape: [2, 2], pads: [0, 0, 1, 1] }, '/c/Conv')], initializer: [weight('w', [4, 3, 2, 2])] }));
    expect(text).toContain('node "/c/Conv" (Conv): its padding differs between opposite sides (pads [0,0,1,1]');
  });

  it('a Pad before a MaxPool (zeros are not what max pooling pads with)', () => {
    const text = errorsOf(model({ nodes: [node('Pad', ['x', 'p'], ['q'], {}, '/Pad'), node('MaxPool', ['q'], ['y'], { kernel_shape: [2, 2], strides: [2, 2] }, '/pool/MaxPool')], initializer: [ints('p', [0, 0, 1, 1, 0, 0, 1, 1])] }));
    expect(text).toContain('node "/pool/MaxPool" (MaxPool): a Pad before it adds zero padding (1, 1, 1, 1');
  });

  it('a Clip that is neither ReLU6 nor ReLU, a HardSigmoid with ONNX\'s default slope', () => {
    expect(errorsOf(model({ nodes: [node('Clip', ['x', 'lo', 'hi'], ['y'], {}, '/Clip')], initializer: [scalar('lo', -1), scalar('hi', 1)] }))).toContain('it clips to [-1, 1]');
    expect(errorsOf(model({ nodes: [node('HardSigmoid', ['x'], ['y'], {}, '/HardSigmoid')] }))).toContain('its attribute alpha, beta=0.2, 0.5');
  });

  it('an operator no kind reads names the node and the operator, and lists those read', () => {
    const text = errorsOf(model({ nodes: [node('Einsum', ['x'], ['y'], { equation: 'nchw->nchw' }, '/block/Einsum')] }));
    expect(text).toContain('node "/block/Einsum" (Einsum): cnn-graph does not read the operator Einsum.');
    expect(text).toContain('the operators it reads: Add, AveragePool, BatchNormalization');
  });

  it('an operator from another domain', () => {
    const bytes = model({ nodes: [{ ...node('FusedConv', ['x'], ['y']), domain: 'com.microsoft' }] });
    expect(errorsOf(bytes)).toContain('its operator is from the domain "com.microsoft"');
  });
});
