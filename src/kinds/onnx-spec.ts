/**
 * The ONNX facet's contract (`<kind>/onnx.ts`): which ONNX operators become
 * this kind, and how a node's attributes and input shapes become its config.
 * The reader (src/import/onnx/read.ts) walks the file's nodes and asks the
 * facets of the registry (src/kinds/onnx.ts); it knows no operator that
 * becomes a layer by itself. Pure: no Node, no tfjs.
 */
import type { LayerConfig, Shape } from '../graph/types.js';
import type { ZhText } from './spec.js';

/** A value computed from constants (a shape, an axis list): `'batch'` stands for the batch size, which the file leaves open. */
export type OnnxScalar = number | 'batch';

/** One node of the file, as a facet sees it. */
export interface OnnxNode {
  /** The node's name, as the file writes it (`/layer1/layer1.0/conv1/Conv`), for messages. */
  name: string;
  op: string;
  /** How many outputs the node has. */
  outputs: number;
  /** Input tensor names; '' for an optional input left out. */
  inputs: readonly string[];
  int(attr: string): number | undefined;
  ints(attr: string): readonly number[] | undefined;
  float(attr: string): number | undefined;
  string(attr: string): string | undefined;
  /** The shape of input `i` when it is a weight: an initializer, or a parameter the file takes as an input (`export_params=False`). */
  weight(i: number): readonly number[] | undefined;
  /** The shape of input `i` when it is a parameter of the file itself (an initializer or a graph input, shared through Identity), not a Constant node's value. */
  parameter(i: number): readonly number[] | undefined;
  /** The values of input `i` when the file computes it from constants only (a Constant, a shape subgraph, a small initializer). */
  constant(i: number): readonly OnnxScalar[] | undefined;
  /** The shape of one sample of data input `i` (no batch), when the layers before it are known. */
  shape(i: number): Shape | undefined;
  /** The zero padding, `[top, left, bottom, right]`, of a Pad node right before input `i` that the layer may take as its own padding. */
  pad(i: number): readonly [number, number, number, number] | undefined;
  /** The batch size the file was exported with, when its input gives it as a number (torch writes x.size(0) as that number unless the batch is dynamic). */
  batch: number | undefined;
  /** The only node reading this node's first output, for facets that read a pattern of several nodes (MatMul then Add). */
  next(): OnnxNode | undefined;
}

/** What a node becomes. */
export interface OnnxLayer {
  config: LayerConfig;
  /** The node inputs the layer reads, in order (the others are weights or constants). */
  data: readonly number[];
  /** PyTorch's name of the function, where the node is a functional operation in a module (`torch.cat` → `cat`): its path's last segment. */
  fn?: string;
  /** The layer's padding includes the Pad before its first data input. */
  takesPad?: boolean;
  /** For a node with several outputs (Split): the layer of each output, in order; `config` is unused then. */
  pieces?: readonly LayerConfig[];
  /**
   * Inputs that are parameters a module uses directly (ConvNeXt's `self.layer_scale * x`): each becomes a
   * layer of its own before this one (a Parameter, named by the parameter), and this layer reads it as data.
   */
  parameters?: readonly { input: number; config: LayerConfig }[];
  /** The last node of a pattern the layer stands for (found through `next()`); its first output is the layer's. */
  through?: OnnxNode;
}

/** Why a node cannot be read, in both languages; the reader adds the node's name and operator. */
export interface OnnxRefusal {
  refuse: { message: string; fix: string; zh: ZhText };
}

/** A constant computed from constant inputs (`Concat` of shape pieces), for the reader's folding of shape subgraphs. */
export interface OnnxValue {
  value: readonly OnnxScalar[];
}

/** undefined: this facet does not take the node (another kind's facet may: a Sigmoid before a Mul is a SiLU). */
export type OnnxMapping = (node: OnnxNode) => OnnxLayer | OnnxRefusal | OnnxValue | undefined;

export interface KindOnnx<K extends string = string> {
  kind: K;
  /** ONNX operators (default domain) that may become this kind. */
  ops: Readonly<Record<string, OnnxMapping>>;
  /** For a kind no operator becomes: why, so the contract test can tell an omission from a decision. */
  none?: string;
}

export const refuse = (message: string, fix: string, zh: ZhText): OnnxRefusal => ({ refuse: { message, fix, zh } });

/** The node's ONNX `[top, left, bottom, right]` pads as PyTorch's one-int-per-axis padding, or undefined when a side differs from its opposite. */
export function symmetricPads(pads: readonly number[] | undefined, extra?: readonly [number, number, number, number]): [number, number] | undefined {
  const p = pads ?? [0, 0, 0, 0];
  if (p.length !== 4) return undefined;
  const e = extra ?? [0, 0, 0, 0];
  const [t, l, b, r] = [p[0] + e[0], p[1] + e[1], p[2] + e[2], p[3] + e[3]];
  return t === b && l === r ? [t, l] : undefined;
}

/** `[2, 2]` as 2, `[1, 2]` as is: the JSON format's int-or-pair. */
export const pair = (v: readonly number[]): number | [number, number] => (v[0] === v[1] ? v[0] : [v[0], v[1]]);

export const asymmetricPadding = (node: OnnxNode, pads: readonly number[]): OnnxRefusal =>
  refuse(
    `its padding differs between opposite sides (pads ${JSON.stringify(pads)}: top, left, bottom, right); PyTorch's ${node.op === 'Conv' ? 'Conv2d' : 'layer'} pads both sides of an axis alike.`,
    "Export from a model that pads symmetrically (PyTorch's padding='same' with an even kernel pads one side more: give the padding as numbers), or pad with F.pad in a way cnn-graph can read.",
    {
      message: `它在相对两侧的填充不同（pads ${JSON.stringify(pads)}：上、左、下、右）；PyTorch 的层在一个方向上两侧填充相同。`,
      fix: "请从两侧填充相同的模型导出（PyTorch 的 padding='same' 配偶数卷积核时一侧会多填一格：请直接写出填充的数值）。",
    },
  );

/** A node attribute that cnn-graph does not read at another value than the default: refused by name. */
export const unsupportedAttribute = (node: OnnxNode, attr: string, value: string, fix: string, fixZh: string): OnnxRefusal =>
  refuse(`its attribute ${attr}=${value} has no PyTorch layer cnn-graph knows.`, fix, { message: `它的属性 ${attr}=${value} 没有对应的 PyTorch 层。`, fix: fixZh });

/** The input is computed by the network, where a weight was expected. */
export const notAWeight = (node: OnnxNode, i: number, what: string): OnnxRefusal =>
  refuse(
    `its ${what} (input ${i}, "${node.inputs[i] ?? ''}") is not a weight of the file (an initializer or a graph input) but computed from the data.`,
    'cnn-graph reads layers whose weights are parameters; export the model with its parameters as initializers (export_params=True) or as inputs (export_params=False).',
    {
      message: `它的${what}（输入 ${i}，"${node.inputs[i] ?? ''}"）不是文件里的权重（initializer 或图的输入），而是由数据计算出来的。`,
      fix: 'cnn-graph 只读取权重是参数的层；请在导出时把参数作为 initializer（export_params=True）或图的输入（export_params=False）。',
    },
  );
