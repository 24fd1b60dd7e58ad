/** ONNX files written in tests with the reader's own schema (protobufjs encodes): hostile ones, and operators torch 1.13 does not export. */
import { onnxType } from '../../src/import/onnx/proto.js';

type Attr = number | number[] | string | { f: number } | { t: Record<string, unknown> };
export const float = (f: number) => ({ f });

function attribute(name: string, v: Attr) {
  if (typeof v === 'number') return { name, type: 2, i: v };
  if (typeof v === 'string') return { name, type: 3, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { name, type: 7, ints: v };
  if ('f' in v) return { name, type: 1, f: v.f };
  return { name, type: 4, t: v.t };
}

export const node = (op: string, input: string[], output: string[], attrs: Record<string, Attr> = {}, name = `/${op}`) => ({
  op_type: op,
  input,
  output,
  name,
  attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
});

export const valueInfo = (name: string, dims: (number | string)[]) => ({
  name,
  type: { tensor_type: { elem_type: 1, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) } } },
});

/** An int64 tensor with its values (shapes, pads, axes), for initializers and Constant nodes. */
export const ints = (name: string, values: number[]) => {
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return { name, dims: [values.length], data_type: 7, raw_data: raw };
};
/** A float tensor of this shape whose values are not given (a weight: only its shape is read). */
export const weight = (name: string, dims: number[]) => ({ name, dims, data_type: 1 });
export const scalar = (name: string, v: number) => {
  const raw = new Uint8Array(4);
  new DataView(raw.buffer).setFloat32(0, v, true);
  return { name, dims: [], data_type: 1, raw_data: raw };
};

export interface ModelParts {
  nodes: (ReturnType<typeof node> & { domain?: string })[];
  input?: ReturnType<typeof valueInfo>[];
  output?: string[];
  initializer?: Record<string, unknown>[];
  /** Parameters as graph inputs (export_params=False). */
  params?: ReturnType<typeof valueInfo>[];
}

export function model(parts: ModelParts): Uint8Array {
  const input = parts.input ?? [valueInfo('x', [1, 3, 8, 8])];
  const out = parts.output ?? [parts.nodes[parts.nodes.length - 1].output[0]];
  const M = onnxType('ModelProto');
  return M.encode(
    M.fromObject({
      ir_version: 7,
      producer_name: 'cnn-graph tests',
      opset_import: [{ domain: '', version: 13 }],
      graph: { name: 'g', node: parts.nodes, input: [...input, ...(parts.params ?? [])], output: out.map((o) => ({ name: o })), initializer: parts.initializer ?? [] },
    }),
  ).finish();
}
