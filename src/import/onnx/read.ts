/**
 * ONNX in: the bytes of a `.onnx` file → the same graph and diagnostics
 * `parseNetwork` gives for JSON. Never throws: broken protobuf, a graph that
 * is not a DAG, a missing tensor, an operator no kind reads or a layer whose
 * attributes make no sense become diagnostics naming the node and operator.
 *
 * What this module knows is the file's plumbing (tensors, initializers,
 * inputs, constants, shape subgraphs, Pad, Identity); which operator becomes
 * which layer, and how, is each kind's ONNX facet (src/kinds/<kind>/onnx.ts).
 * Pure TypeScript with no Node imports, for the browser as well.
 */
import { analysisOf } from '../../kinds/analysis.js';
import { configOf } from '../../kinds/config.js';
import { onnxMappings, onnxOperators } from '../../kinds/onnx.js';
import type { OnnxLayer, OnnxNode, OnnxScalar } from '../../kinds/onnx-spec.js';
import type { InputInfo } from '../../kinds/spec.js';
import { MAX_DIM } from '../../graph/limits.js';
import { layerSchema } from '../../graph/schema.js';
import { clip } from '../../graph/text.js';
import { INPUT, type Diagnostic, type Graph, type Layer, type LayerConfig, type Shape, type ZhText } from '../../graph/types.js';
import { issueText, trustLayers } from '../../graph/validate.js';
import type { ParseResult } from '../../graph/json.js';
import { ATTRIBUTE, DATA_TYPE, decodeModelProto, int64, type AttributeProto, type ModelProto, type NodeProto, type TensorProto, type ValueInfoProto } from './proto.js';
import { functionalName, parameterModule, scopeOf, scopePath } from './names.js';
import { MAX_ONNX_BYTES } from '../format.js';

export { MAX_ONNX_BYTES };

/** More nodes than any CNN has (ResNet-152 exports about 800); past this the file is refused as not a CNN. */
const MAX_NODES = 200_000;
/** Constants longer than this are weights, not shape arithmetic: their values are not read. */
const MAX_CONSTANT = 4096;

export interface OnnxReadOptions {
  /** The network's name (the CLI passes the file name); default: the graph's name in the file. */
  name?: string;
}

/** What a tensor of the file holds, as far as the reader follows it. */
type Value =
  | { t: 'input' }
  | { t: 'layer'; path: string }
  | { t: 'weight'; shape: readonly number[]; values?: readonly OnnxScalar[] }
  | { t: 'const'; values: readonly OnnxScalar[] }
  | { t: 'padded'; of: Value; pad: readonly [number, number, number, number] }
  | { t: 'broken' };

const MIB = 1048576;

export function readOnnx(bytes: Uint8Array, options: OnnxReadOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, fix: string, zh: ZhText, path = ''): ParseResult => {
    diagnostics.push({ severity: 'error', path, code: 'onnx', message, fix, zh });
    return { graph: null, diagnostics };
  };
  if (bytes.length > MAX_ONNX_BYTES) {
    const mib = (bytes.length / MIB).toFixed(1);
    return fail(`The file is ${mib} MiB; cnn-graph reads ONNX models of up to ${MAX_ONNX_BYTES / MIB} MiB.`, 'Export it without its weights (torch.onnx.export(..., export_params=False)): cnn-graph reads only their shapes.', {
      message: `文件有 ${mib} MiB；cnn-graph 只读取不超过 ${MAX_ONNX_BYTES / MIB} MiB 的 ONNX 模型。`,
      fix: '请不带权重导出（torch.onnx.export(..., export_params=False)）：cnn-graph 只读取权重的形状。',
    });
  }
  if (bytes.length === 0) return fail('The file is empty: an ONNX model has at least a graph.', 'Export the model again with torch.onnx.export.', { message: '文件是空的：ONNX 模型至少要有一个图。', fix: '请用 torch.onnx.export 重新导出模型。' });
  let model: ModelProto;
  try {
    model = decodeModelProto(bytes);
  } catch (e) {
    const why = clip(e instanceof Error ? e.message : String(e), 120);
    return fail(`Not a readable ONNX file: its protobuf encoding is broken or cut short (${why}).`, 'Check that the file was copied whole (a cut-off download gives this) and that it is an .onnx model; export it again with torch.onnx.export.', {
      message: `不是可读的 ONNX 文件：它的 protobuf 编码损坏或被截断（${why}）。`,
      fix: '请确认文件完整（下载中断会导致这种情况），并且确实是 .onnx 模型；可以用 torch.onnx.export 重新导出。',
    });
  }
  const g = model.graph;
  if (!g || !g.node.length) {
    return fail(`Not an ONNX model: the file decodes as protobuf but holds no graph with nodes${g ? '' : ' (ModelProto field 7)'}.`, 'Give a model exported with torch.onnx.export (or another ONNX exporter); a weights-only file (.pt, .pth, .safetensors) is not one.', {
      message: `不是 ONNX 模型：文件能按 protobuf 解码，但其中没有带节点的图${g ? '' : '（ModelProto 的第 7 个字段）'}。`,
      fix: '请给出用 torch.onnx.export（或其他 ONNX 导出工具）导出的模型；只有权重的文件（.pt、.pth、.safetensors）不是模型。',
    });
  }
  if (g.node.length > MAX_NODES) {
    return fail(`The graph has ${g.node.length} nodes; cnn-graph reads CNNs of up to ${MAX_NODES}.`, 'Check that this is a convolutional network.', { message: `图里有 ${g.node.length} 个节点；cnn-graph 读取的 CNN 最多 ${MAX_NODES} 个节点。`, fix: '请确认这是一个卷积网络。' });
  }
  try {
    return new Reader(g.node, g.initializer, g.input, g.output, diagnostics, options.name || g.name || 'onnx-model').read();
  } catch (e) {
    // No file should get here (the fuzz battery tries hard); if one does, it is our bug, said as one, not a stack trace.
    const why = clip(e instanceof Error ? e.message : String(e), 120);
    return fail(`cnn-graph could not read this ONNX graph: an internal error (${why}).`, 'This is a bug in cnn-graph; please report it with the file. Meanwhile, describe the network in cnn-graph\'s JSON format.', {
      message: `cnn-graph 无法读取这个 ONNX 图：内部错误（${why}）。`,
      fix: '这是 cnn-graph 的缺陷；请附上文件报告。在此之前，可以用 cnn-graph 的 JSON 格式描述网络。',
    });
  }
}

/** A node for messages: `node "/layer1/layer1.0/conv1/Conv" (Conv)`. */
const nodeText = (n: NodeProto, index: number) => `node ${n.name ? `"${clip(n.name)}"` : `#${index}`} (${clip(n.op_type || '?', 40)})`;
const nodeTextZh = (n: NodeProto, index: number) => `节点 ${n.name ? `"${clip(n.name)}"` : `#${index}`}（${clip(n.op_type || '?', 40)}）`;

class Reader {
  private readonly values = new Map<string, Value>();
  private readonly layers: Layer[] = [];
  private readonly shapes = new Map<string, Shape | undefined>();
  private readonly paths = new Set<string>();
  private readonly producer = new Map<string, number>();
  private readonly consumers = new Map<string, number[]>();
  /** Node index → absorbed into a layer of a pattern (through). */
  private readonly absorbed = new Set<number>();
  /** Module paths of scopes that hold other scopes (a functional op there gets a name of its own). */
  private readonly containers = new Set<string>(['']);
  /** The node index of each view handed to a facet, to find the last node of a pattern. */
  private readonly viewIndex = new WeakMap<OnnxNode, number>();
  private input: { name: string; shape: [number, number, number]; batch: number | undefined } | null = null;
  private inputProblem: ParseResult | null = null;

  constructor(
    private nodes: NodeProto[],
    private readonly initializers: TensorProto[],
    private readonly graphInputs: ValueInfoProto[],
    private readonly graphOutputs: ValueInfoProto[],
    private readonly diagnostics: Diagnostic[],
    private readonly name: string,
  ) {}

  private error(message: string, fix: string, zh: ZhText, path = ''): void {
    this.diagnostics.push({ severity: 'error', path, code: 'onnx', message, fix, zh });
  }

  read(): ParseResult {
    const result = () => ({ graph: null, diagnostics: this.diagnostics });
    if (!this.tensors()) return result();
    this.fuse();
    const order = this.order();
    if (!order) return result();
    this.scopes(order);
    for (const k of order) if (!this.absorbed.has(k)) this.node(k);
    if (this.inputProblem) return this.inputProblem;
    if (this.diagnostics.some((d) => d.severity === 'error')) return result();
    return this.finish();
  }

  /** Initializers and graph inputs: shapes (and the values of small integer ones); the first input that is not an initializer is the network's. */
  private tensors(): boolean {
    for (const t of this.initializers) {
      const shape = this.dims(t.dims.map(int64), `initializer "${clip(t.name)}"`, `initializer "${clip(t.name)}"`);
      if (!shape) return false;
      this.values.set(t.name, { t: 'weight', shape, values: tensorValues(t) });
    }
    let first = true;
    for (const v of this.graphInputs) {
      if (this.values.has(v.name)) continue;
      const dims = v.type?.tensor_type?.shape?.dim ?? [];
      if (first) {
        first = false;
        this.values.set(v.name, { t: 'input' });
        this.networkInput(v);
        continue;
      }
      // export_params=False: the parameters are inputs after the data, with their shapes.
      const shape = dims.map((d) => (d.dim_param ? -1 : int64(d.dim_value)));
      if (shape.some((d) => d < 0)) {
        this.error(`graph input "${clip(v.name)}" comes after the network's input "${clip(this.input?.name ?? '')}" and has a size without a number (${dimsText(v)}); cnn-graph reads the inputs after the first as parameters, whose sizes are fixed.`, 'Export a network with one input (its parameters may be inputs: export_params=False).', {
          message: `图的输入 "${clip(v.name)}" 在网络输入之后，而且有一个不是数字的尺寸（${dimsText(v)}）；cnn-graph 把第一个之后的输入当作参数，参数的尺寸是固定的。`,
          fix: '请导出只有一个输入的网络（参数可以作为输入：export_params=False）。',
        });
        return false;
      }
      const checked = this.dims(shape, `graph input "${clip(v.name)}"`, `图的输入 "${clip(v.name)}"`);
      if (!checked) return false;
      this.values.set(v.name, { t: 'weight', shape: checked });
    }
    if (first) {
      this.error('The graph has no input besides its initializers: there is no data for the network to read.', 'Export the model with an example input (torch.onnx.export(model, torch.zeros(1, 3, 224, 224), ...)).', {
        message: '图里除了 initializer 之外没有输入：网络没有可读的数据。',
        fix: '请带着示例输入导出模型（torch.onnx.export(model, torch.zeros(1, 3, 224, 224), ...)）。',
      });
      return false;
    }
    this.index();
    for (const [name, k] of this.producer) {
      if (k === -1) {
        this.error(`two nodes write the tensor "${clip(name)}"; in ONNX each tensor has one producer.`, 'Export the model again; the file is not a valid ONNX graph.', { message: `有两个节点写同一个张量 "${clip(name)}"；ONNX 里每个张量只有一个产生者。`, fix: '请重新导出模型；这个文件不是合法的 ONNX 图。' });
        return false;
      }
      if (this.values.has(name)) {
        this.error(`node ${nodeText(this.nodes[k], k)} writes "${clip(name)}", which is already an input or initializer of the graph.`, 'Export the model again; the file is not a valid ONNX graph.', { message: `${nodeTextZh(this.nodes[k], k)} 写入 "${clip(name)}"，而它已经是图的输入或 initializer。`, fix: '请重新导出模型；这个文件不是合法的 ONNX 图。' });
        return false;
      }
    }
    return true;
  }

  /** Which node writes each tensor (-1: more than one) and which nodes read it. */
  private index(): void {
    this.producer.clear();
    this.consumers.clear();
    this.nodes.forEach((n, k) => {
      for (const o of n.output) if (o) this.producer.set(o, this.producer.has(o) ? -1 : k);
      for (const i of n.input) {
        if (!i) continue;
        const list = this.consumers.get(i);
        if (list) list.push(k);
        else this.consumers.set(i, [k]);
      }
    });
  }

  /**
   * Runs of nodes torch writes for one PyTorch operation, each put back as the one ONNX operator a facet reads
   * (LayerNormalization, LRN), so the facets read both forms alike; then the tensors are indexed again.
   *
   * Before opset 17 torch writes F.layer_norm as arithmetic (torch/onnx/symbolic_opset9.py, native_layer_norm):
   * ReduceMean(x) → Sub(x, mean) → Pow(·, 2) → ReduceMean → Add(eps) → Sqrt → Div(x − mean, ·) → Mul(weight) → Add(bias).
   * Each such run becomes the one LayerNormalization node opset 17 writes, so the facets read both forms alike.
   * A run that differs in any step (another exponent, axes that are not the last ones, a tensor
   * read outside the run, no weight or bias) is left as it is, and its nodes are refused one by one.
   */
  private fuse(): void {
    const outputs = new Set(this.graphOutputs.map((o) => o.name));
    const only = (t: string | undefined): NodeProto | undefined => {
      const c = t ? this.consumers.get(t) : undefined;
      return c && c.length === 1 && !outputs.has(t as string) ? this.nodes[c[0]] : undefined;
    };
    const axesOf = (n: NodeProto): number[] | undefined => {
      const a = n.attribute.find((x) => x.name === 'axes');
      const k = n.attribute.find((x) => x.name === 'keepdims');
      if (!a || (k && int64(k.i) === 0) || n.input.length !== 1) return undefined;
      const axes = a.ints.map(int64).sort((x, y) => x - y);
      // The trailing dimensions, counted from the end, as F.layer_norm's normalized_shape gives them.
      return axes.length && axes.every((x, i) => x === i - axes.length) ? axes : undefined;
    };
    // torch shares parameters of equal value (LayerNorm's ones and zeros) through Identity nodes.
    const source = (t: string): string => {
      for (let hops = 0; hops < 8; hops++) {
        const k = this.producer.get(t);
        const n = k !== undefined && k >= 0 ? this.nodes[k] : undefined;
        if (n?.op_type !== 'Identity' || !n.input[0]) break;
        t = n.input[0];
      }
      return t;
    };
    const scalar = (name: string): number | undefined => {
      const t = source(name);
      const w = this.values.get(t);
      if (w?.t === 'weight') return w.values?.length === 1 && typeof w.values[0] === 'number' ? w.values[0] : undefined;
      const k = this.producer.get(t);
      const c = k !== undefined && k >= 0 ? this.nodes[k] : undefined;
      if (c?.op_type !== 'Constant') return undefined;
      const a = c.attribute[0];
      const v = a?.name === 'value' && a.t ? tensorValues(a.t) : a?.name === 'value_float' ? [a.f] : undefined;
      return v?.length === 1 && typeof v[0] === 'number' ? v[0] : undefined;
    };
    const other = (n: NodeProto, mine: string): string | undefined => (n.input.length === 2 && n.input.includes(mine) ? n.input[n.input[0] === mine ? 1 : 0] : undefined);
    const isWeight = (t: string | undefined) => t !== undefined && this.values.get(source(t))?.t === 'weight';
    const dropped = new Set<NodeProto>();
    const fused = new Map<NodeProto, NodeProto>();
    for (const mean of this.nodes) {
      if (mean.op_type !== 'ReduceMean' || (mean.domain && mean.domain !== 'ai.onnx')) continue;
      const axes = axesOf(mean);
      const x = mean.input[0];
      const sub = only(mean.output[0]);
      if (!axes || sub?.op_type !== 'Sub' || sub.input[0] !== x || sub.input[1] !== mean.output[0]) continue;
      const readers = (this.consumers.get(sub.output[0]) ?? []).map((k) => this.nodes[k]);
      const pow = readers.find((n) => n.op_type === 'Pow');
      const div = readers.find((n) => n.op_type === 'Div');
      if (readers.length !== 2 || outputs.has(sub.output[0]) || !pow || !div || pow.input[0] !== sub.output[0] || scalar(pow.input[1]) !== 2 || div.input[0] !== sub.output[0]) continue;
      const mean2 = only(pow.output[0]);
      if (mean2?.op_type !== 'ReduceMean' || JSON.stringify(axesOf(mean2)) !== JSON.stringify(axes)) continue;
      const addEps = only(mean2.output[0]);
      const epsName = addEps?.op_type === 'Add' ? other(addEps, mean2.output[0]) : undefined;
      const eps = epsName !== undefined ? scalar(epsName) : undefined;
      const sqrt = addEps && only(addEps.output[0]);
      if (eps === undefined || !(eps >= 0) || sqrt?.op_type !== 'Sqrt' || only(sqrt.output[0]) !== div || div.input[1] !== sqrt.output[0]) continue;
      const mul = only(div.output[0]);
      const weight = mul?.op_type === 'Mul' ? other(mul, div.output[0]) : undefined;
      const addBias = mul && only(mul.output[0]);
      const bias = addBias?.op_type === 'Add' ? other(addBias, mul!.output[0]) : undefined;
      if (!isWeight(weight) || !isWeight(bias) || !addBias) continue;
      const at = mean.name.lastIndexOf('/');
      const attr = (name: string, type: number, f: number, i: number): AttributeProto => ({ name, type, f, i, s: new Uint8Array(), t: null, floats: [], ints: [] });
      fused.set(mean, {
        // Named as in its scope (`/features/features.0/features.0.1/LayerNormalization`), for its module path.
        name: `${at >= 0 ? mean.name.slice(0, at + 1) : ''}LayerNormalization`,
        op_type: 'LayerNormalization',
        domain: '',
        input: [x, weight as string, bias as string],
        output: [addBias.output[0]],
        attribute: [attr('axis', ATTRIBUTE.INT, 0, axes[0]), attr('epsilon', ATTRIBUTE.FLOAT, eps, 0)],
      });
      for (const n of [sub, pow, div, mean2, addEps, sqrt, mul, addBias]) dropped.add(n as NodeProto);
    }
    this.fuseLocalResponseNorms(fused, dropped, { scalar, other });
    if (!fused.size) return;
    this.nodes = this.nodes.flatMap((n) => (dropped.has(n) ? [] : [fused.get(n) ?? n]));
    this.index();
  }

  /**
   * torch 1.13 writes nn.LocalResponseNorm (F.local_response_norm) as x · x, reshaped to 5-D, zero-padded over the
   * channels, averaged by a 3-D AveragePool of kernel [size, 1, 1], squeezed back through an If, then · α, + k, ^ β,
   * and x ÷ that. Each such run, recognised by its tail (Div, Pow, Add, Mul by constants), its AveragePool and its
   * x · x, becomes one LRN node: the operator with PyTorch's own semantics (α divided by size, as both say).
   * Everything the run computes must be read only inside it; otherwise it is left alone and refused node by node.
   */
  private fuseLocalResponseNorms(
    fused: Map<NodeProto, NodeProto>,
    dropped: Set<NodeProto>,
    { scalar, other }: { scalar: (t: string) => number | undefined; other: (n: NodeProto, mine: string) => string | undefined },
  ): void {
    const made = (t: string | undefined): NodeProto | undefined => {
      const k = t ? this.producer.get(t) : undefined;
      return k !== undefined && k >= 0 ? this.nodes[k] : undefined;
    };
    const outputs = new Set(this.graphOutputs.map((o) => o.name));
    for (const div of this.nodes) {
      if (div.op_type !== 'Div' || div.input.length !== 2 || dropped.has(div)) continue;
      const x = div.input[0];
      const pow = made(div.input[1]);
      const add = pow?.op_type === 'Pow' ? made(pow.input[0]) : undefined;
      const beta = pow ? scalar(pow.input[1]) : undefined;
      const mul = add?.op_type === 'Add' ? made(add.input[0]) : undefined;
      const k = add && mul ? scalar(other(add, mul.output[0]) ?? '') : undefined;
      const alpha = mul?.op_type === 'Mul' ? scalar(mul.input[1]) : undefined;
      if (!pow || !add || !mul || beta === undefined || k === undefined || alpha === undefined) continue;
      // Every node the scaled sum depends on, back to x.
      const run = new Set<NodeProto>([pow, add, mul]);
      const stack = [mul.input[0]];
      let tooBig = false;
      while (stack.length && !tooBig) {
        const t = stack.pop() as string;
        if (t === x) continue;
        const n = made(t);
        if (!n || run.has(n)) continue;
        run.add(n);
        tooBig = run.size > 200;
        stack.push(...n.input.filter((i) => i));
      }
      if (tooBig) continue;
      const pools = [...run].filter((n) => n.op_type === 'AveragePool');
      // x's only other readers may be Shape nodes (a dynamic batch: x.size(0) for the 5-D view).
      const squares = [...run].filter((n) => n.input.includes(x) && n.op_type !== 'Shape');
      const square = squares[0];
      const kernel = pools.length === 1 ? pools[0].attribute.find((a) => a.name === 'kernel_shape')?.ints.map(int64) : undefined;
      if (!kernel || kernel.length !== 3 || kernel[1] !== 1 || kernel[2] !== 1 || squares.length !== 1 || square.op_type !== 'Mul' || square.input[1] !== x || square.input[0] !== x) continue;
      if (![...run].some((n) => n.op_type === 'If')) continue;
      // What the run computes is read only inside it (a Constant shared with the code around it stays).
      const inside = new Set([...run, div].map((n) => this.nodes.indexOf(n)));
      const leaks = (n: NodeProto) => n.output.some((o) => outputs.has(o) || (this.consumers.get(o) ?? []).some((c) => !inside.has(c)));
      if ([...run].some((n) => n.op_type !== 'Constant' && leaks(n))) continue;
      const at = div.name.lastIndexOf('/');
      const attr = (name: string, type: number, f: number, i: number): AttributeProto => ({ name, type, f, i, s: new Uint8Array(), t: null, floats: [], ints: [] });
      fused.set(div, {
        name: `${at >= 0 ? div.name.slice(0, at + 1) : ''}LRN`,
        op_type: 'LRN',
        domain: '',
        input: [x],
        output: [div.output[0]],
        attribute: [attr('size', ATTRIBUTE.INT, 0, kernel[0]), attr('alpha', ATTRIBUTE.FLOAT, alpha, 0), attr('beta', ATTRIBUTE.FLOAT, beta, 0), attr('bias', ATTRIBUTE.FLOAT, k, 0)],
      });
      for (const n of run) if (n.op_type !== 'Constant' || !leaks(n)) dropped.add(n);
    }
  }

  private networkInput(v: ValueInfoProto): void {
    const dims = v.type?.tensor_type?.shape?.dim;
    const shown = dimsText(v);
    const refuse = (message: string, fix: string, zh: ZhText) => {
      this.inputProblem = { graph: null, diagnostics: [{ severity: 'error', path: '', code: 'onnx', message, fix, zh }] };
    };
    if (!dims || dims.length !== 4) {
      refuse(`the network's input "${clip(v.name)}" has shape ${shown}; cnn-graph reads networks on images, N×C×H×W.`, 'Export with an image batch as input, e.g. torch.zeros(1, 3, 224, 224).', {
        message: `网络的输入 "${clip(v.name)}" 形状是 ${shown}；cnn-graph 只读取输入为图像（N×C×H×W）的网络。`,
        fix: '请以一批图像作为输入导出，例如 torch.zeros(1, 3, 224, 224)。',
      });
      return;
    }
    const chw = dims.slice(1).map((d) => (d.dim_param ? -1 : int64(d.dim_value)));
    if (chw.some((d) => !(d >= 1 && d <= MAX_DIM && Number.isInteger(d)))) {
      refuse(`the network's input "${clip(v.name)}" has shape ${shown}: channels, height and width must be fixed sizes from 1 to ${MAX_DIM} (only the batch may be named).`, "Export with a fixed input size; leave only the batch dynamic (dynamic_axes={'input': {0: 'batch'}}).", {
        message: `网络的输入 "${clip(v.name)}" 形状是 ${shown}：通道、高、宽必须是 1 到 ${MAX_DIM} 之间的固定尺寸（只有批量维可以是名字）。`,
        fix: "请以固定的输入尺寸导出，只让批量维可变（dynamic_axes={'input': {0: 'batch'}}）。",
      });
      return;
    }
    const n = dims[0].dim_param ? undefined : int64(dims[0].dim_value);
    this.input = { name: v.name, shape: chw as [number, number, number], batch: n && n > 0 ? n : undefined };
  }

  /** Dimensions checked: whole numbers from 0 to MAX_DIM. */
  private dims(shape: number[], what: string, whatZh: string): number[] | null {
    if (shape.length > 8 || shape.some((d) => !(d >= 0 && d <= MAX_DIM && Number.isInteger(d)))) {
      this.error(`${what} has shape [${shape.slice(0, 9).join(', ')}${shape.length > 9 ? ', …' : ''}]: sizes must be whole numbers from 0 to ${MAX_DIM}, at most 8 of them.`, 'The file is damaged or was not written by an ONNX exporter; export the model again.', {
        message: `${whatZh} 的形状是 [${shape.slice(0, 9).join(', ')}${shape.length > 9 ? ', …' : ''}]：尺寸必须是 0 到 ${MAX_DIM} 之间的整数，最多 8 个。`,
        fix: '文件已损坏，或不是由 ONNX 导出工具写的；请重新导出模型。',
      });
      return null;
    }
    return shape;
  }

  /**
   * The nodes the outputs depend on, in an order where each comes after what
   * it reads (ONNX requires the file's order to be one; a cycle or a tensor
   * nobody writes is reported by node).
   */
  private order(): number[] | null {
    const outputs = this.graphOutputs.map((o) => o.name).filter((n) => n);
    if (!outputs.length) {
      this.error('The graph lists no output.', 'Export the model again; torch.onnx.export lists the forward\'s result as the output.', { message: '图里没有列出输出。', fix: '请重新导出模型；torch.onnx.export 会把 forward 的结果列为输出。' });
      return null;
    }
    const needed = new Set<number>();
    const stack: string[] = [...outputs];
    const missing: [string, number | null][] = [];
    const seenNames = new Set<string>();
    while (stack.length) {
      const t = stack.pop() as string;
      if (seenNames.has(t)) continue;
      seenNames.add(t);
      const k = this.producer.get(t);
      if (k === undefined) {
        if (!this.values.has(t)) missing.push([t, null]);
        continue;
      }
      if (needed.has(k)) continue;
      needed.add(k);
      for (const i of this.nodes[k].input) {
        if (!i) continue;
        if (!this.producer.has(i) && !this.values.has(i)) missing.push([i, k]);
        else stack.push(i);
      }
    }
    for (const [t, k] of missing.slice(0, 10)) {
      if (k === null) {
        this.error(`the graph's output "${clip(t)}" is written by no node, initializer or input.`, 'Export the model again; the file is not a valid ONNX graph.', { message: `图的输出 "${clip(t)}" 没有任何节点、initializer 或输入写入。`, fix: '请重新导出模型；这个文件不是合法的 ONNX 图。' });
      } else {
        const n = this.nodes[k];
        this.error(`${nodeText(n, k)} reads "${clip(t)}", which no node, initializer or input of the graph provides.`, 'Export the model again; if its parameters were left out, export with export_params=True or False, not by deleting initializers.', {
          message: `${nodeTextZh(n, k)} 读取 "${clip(t)}"，但图里没有任何节点、initializer 或输入提供它。`,
          fix: '请重新导出模型；如果想去掉参数，请用 export_params=True 或 False 导出，不要删除 initializer。',
        });
      }
    }
    if (missing.length) return null;
    // Kahn's algorithm over the needed nodes, in file order where the file is already sorted.
    const pending = new Map<number, number>();
    for (const k of needed) pending.set(k, new Set(this.nodes[k].input.filter((i) => i && this.producer.has(i))).size);
    const ready = [...needed].filter((k) => pending.get(k) === 0).sort((a, b) => b - a);
    const order: number[] = [];
    const done = new Set<string>();
    while (ready.length) {
      const k = ready.pop() as number;
      order.push(k);
      for (const o of this.nodes[k].output) {
        if (!o || done.has(o)) continue;
        done.add(o);
        const readers = new Set(this.consumers.get(o) ?? []);
        for (const c of readers) {
          if (!needed.has(c)) continue;
          const left = (pending.get(c) as number) - 1;
          pending.set(c, left);
          if (left === 0) {
            ready.push(c);
            ready.sort((a, b) => b - a);
          }
        }
      }
    }
    if (order.length < needed.size) {
      const stuck = [...needed].filter((k) => !order.includes(k)).sort((a, b) => a - b);
      const names = stuck.slice(0, 5).map((k) => nodeText(this.nodes[k], k));
      const namesZh = stuck.slice(0, 5).map((k) => nodeTextZh(this.nodes[k], k));
      const more = stuck.length > 5 ? ` and ${stuck.length - 5} more` : '';
      this.error(`the graph has a cycle: ${names.join(', ')}${more} each wait, through the others, on their own output.`, 'An ONNX graph is acyclic; export the model again (a loop in forward is unrolled by the exporter).', {
        message: `图里有环：${namesZh.join('、')}${stuck.length > 5 ? ` 等 ${stuck.length} 个节点` : ''}经由彼此等待自己的输出。`,
        fix: 'ONNX 图是无环的；请重新导出模型（forward 里的循环会被导出工具展开）。',
      });
      return null;
    }
    // Constants first (they read nothing, so the order stays valid): a facet that reads a pattern looks
    // ahead at the constants of its later nodes (GELU's + 1 and · 0.5), which the file may write after the first.
    return [...order.filter((k) => this.nodes[k].op_type === 'Constant'), ...order.filter((k) => this.nodes[k].op_type !== 'Constant')];
  }

  /** Which scopes hold other scopes, so that a node in one is a functional operation inside a module, not the module. */
  private scopes(order: readonly number[]): void {
    const leaves = new Set<string>();
    for (const k of order) {
      const n = this.nodes[k];
      const s = scopePath(scopeOf(n.name).scope);
      leaves.add(s);
      for (const i of n.input) {
        const m = parameterModule(i);
        if (m && this.values.get(i)?.t === 'weight') leaves.add(m);
      }
    }
    // Every dotted prefix of a scope holds it: `layer1.0` and `layer1` hold `layer1.0.conv1`.
    for (const s of leaves) for (let i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) this.containers.add(s.slice(0, i));
  }

  private view(k: number): OnnxNode {
    const n = this.nodes[k];
    const attr = (name: string): AttributeProto | undefined => n.attribute.find((a) => a.name === name);
    const value = (i: number): Value | undefined => (n.input[i] ? this.values.get(n.input[i]) : undefined);
    const node: OnnxNode = {
      name: n.name,
      op: n.op_type,
      outputs: n.output.length,
      inputs: n.input,
      batch: this.input?.batch,
      int: (a) => {
        const x = attr(a);
        return x && (x.type === ATTRIBUTE.INT || x.type === 0) ? int64(x.i) : undefined;
      },
      ints: (a) => {
        const x = attr(a);
        return x && (x.type === ATTRIBUTE.INTS || (x.type === 0 && x.ints.length)) ? x.ints.map(int64) : undefined;
      },
      float: (a) => {
        const x = attr(a);
        return x && (x.type === ATTRIBUTE.FLOAT || x.type === 0) ? x.f : undefined;
      },
      string: (a) => {
        const x = attr(a);
        return x && (x.type === ATTRIBUTE.STRING || x.type === 0) ? new TextDecoder().decode(x.s) : undefined;
      },
      weight: (i) => {
        const v = value(i);
        return v?.t === 'weight' ? v.shape : undefined;
      },
      parameter: (i) => {
        const v = value(i);
        if (v?.t !== 'weight') return undefined;
        let t = n.input[i];
        for (let hops = 0; hops < 8 && this.nodes[this.producer.get(t) ?? -1]?.op_type === 'Identity'; hops++) t = this.nodes[this.producer.get(t) as number].input[0];
        // A module's parameter has its qualified name (`features.1.0.layer_scale`); a constant folded into an
        // initializer does not (`onnx::Mul_12`), and multiplying by it is no parameter of the network.
        return this.producer.has(t) || !/^[A-Za-z_]\w*(\.\w+)*$/.test(t) ? undefined : v.shape;
      },
      constant: (i) => {
        const v = value(i);
        return v?.t === 'const' ? v.values : v?.t === 'weight' ? v.values : undefined;
      },
      shape: (i) => {
        const v = value(i);
        const of = v?.t === 'padded' ? v.of : v;
        return of?.t === 'layer' ? this.shapes.get(of.path) : of?.t === 'input' ? this.input?.shape : undefined;
      },
      pad: (i) => {
        const v = value(i);
        return v?.t === 'padded' ? v.pad : undefined;
      },
      next: () => {
        const out = n.output[0];
        const readers = out ? this.consumers.get(out) : undefined;
        const outputs = this.graphOutputs.some((o) => o.name === out);
        return readers && readers.length === 1 && !outputs && n.output.slice(1).every((o) => !o || !this.consumers.has(o)) ? this.view(readers[0]) : undefined;
      },
    };
    this.viewIndex.set(node, k);
    return node;
  }

  private node(k: number): void {
    const n = this.nodes[k];
    const at = nodeText(n, k);
    const atZh = nodeTextZh(n, k);
    const ins = n.input.map((i) => (i ? this.values.get(i) : undefined));
    const set = (v: Value, output = 0) => {
      if (n.output[output]) this.values.set(n.output[output], v);
    };
    const broken = () => n.output.forEach((_, o) => set({ t: 'broken' }, o));
    if (ins.some((v) => v?.t === 'broken')) return broken();
    const refuse = (message: string, fix: string, zh: ZhText) => {
      this.error(`${at}: ${message}`, fix, { message: `${atZh}：${zh.message}`, fix: zh.fix ?? '' });
      broken();
    };
    if (n.domain && n.domain !== 'ai.onnx') {
      return refuse(`its operator is from the domain "${clip(n.domain, 40)}", not ONNX's own; cnn-graph reads only standard ONNX operators.`, 'Export without custom operators (torch.onnx.export with operator_export_type=ONNX, the default).', {
        message: `它的算子来自域 "${clip(n.domain, 40)}"，不是 ONNX 自己的；cnn-graph 只读取标准 ONNX 算子。`,
        fix: '请不带自定义算子导出（torch.onnx.export 的默认 operator_export_type=ONNX）。',
      });
    }
    const view = this.view(k);
    const constant = (i: number) => view.constant(i);
    const allConstant = n.input.every((name, i) => !name || constant(i) !== undefined);
    switch (n.op_type) {
      case 'Identity':
        return set(ins[0] ?? { t: 'broken' });
      case 'Transpose': {
        // nn.Linear on more than two dimensions: torch writes MatMul(x, Transpose(weight)); the transposed weight is still a weight.
        const v = ins[0];
        const perm = view.ints('perm');
        if (v?.t !== 'weight' || !perm || perm.length !== v.shape.length || [...perm].sort().some((p, i) => p !== i)) break;
        return set({ t: 'weight', shape: perm.map((p) => v.shape[p]) });
      }
      case 'Constant': {
        const t = n.attribute.find((a) => a.name === 'value')?.t;
        if (t) {
          const shape = this.dims(t.dims.map(int64), `${at}'s value`, `${atZh} 的值`);
          if (!shape) return broken();
          return set({ t: 'weight', shape, values: tensorValues(t) });
        }
        const a = n.attribute[0];
        if (a?.name === 'value_int') return set({ t: 'const', values: [int64(a.i)] });
        if (a?.name === 'value_ints') return set({ t: 'const', values: a.ints.map(int64) });
        if (a?.name === 'value_float') return set({ t: 'const', values: [a.f] });
        if (a?.name === 'value_floats') return set({ t: 'const', values: a.floats });
        return refuse('it has no value cnn-graph can read (a tensor, or value_int(s) / value_float(s)).', 'Export the model again.', { message: '它没有 cnn-graph 能读取的值（张量，或 value_int(s) / value_float(s)）。', fix: '请重新导出模型。' });
      }
      case 'Shape': {
        const shape = view.shape(0);
        if (!shape) {
          if (ins[0]?.t === 'weight') return set({ t: 'const', values: ins[0].shape });
          return refuse('it reads the shape of a tensor whose shape is not known here (a layer before it failed, or it is not a layer output).', 'Fix the diagnostics before it, or write the shape out in the model.', {
            message: '它读取一个形状未知的张量的形状（前面的层出错了，或者它不是某层的输出）。',
            fix: '请先解决前面的问题，或者在模型里直接写出形状。',
          });
        }
        const full: OnnxScalar[] = ['batch', ...shape];
        const rank = full.length;
        const norm = (x: number) => Math.min(Math.max(x < 0 ? x + rank : x, 0), rank);
        return set({ t: 'const', values: full.slice(norm(view.int('start') ?? 0), norm(view.int('end') ?? rank)) });
      }
      case 'Gather': {
        const data = constant(0);
        const idx = constant(1);
        if (!data || !idx || (view.int('axis') ?? 0) !== 0) break;
        const picked = idx.map((i) => (typeof i === 'number' ? data[i < 0 ? i + data.length : i] : undefined));
        if (picked.some((v) => v === undefined)) break;
        return set({ t: 'const', values: picked as OnnxScalar[] });
      }
      case 'Unsqueeze':
      case 'Squeeze':
      case 'Cast':
      case 'Floor':
      case 'Ceil':
        if (!constant(0)) break;
        return set({ t: 'const', values: n.op_type === 'Floor' || n.op_type === 'Ceil' ? (constant(0) as OnnxScalar[]).map((v) => (typeof v === 'number' ? Math[n.op_type === 'Floor' ? 'floor' : 'ceil'](v) : v)) : (constant(0) as OnnxScalar[]) });
      case 'Slice': {
        const data = constant(0);
        const [s, e] = [constant(1), constant(2)];
        const steps = n.input[4] ? constant(4) : [1];
        if (!data || !s || !e || !steps || s.length !== 1 || e.length !== 1 || steps[0] !== 1 || typeof s[0] !== 'number' || typeof e[0] !== 'number') break;
        const len = data.length;
        const norm = (x: number) => Math.min(Math.max(x < 0 ? x + len : x, 0), len);
        return set({ t: 'const', values: data.slice(norm(s[0]), norm(e[0])) });
      }
      case 'Sub':
      case 'Div': {
        const a = constant(0);
        const b = constant(1);
        if (!a || !b || a.includes('batch') || b.includes('batch') || (a.length !== b.length && a.length !== 1 && b.length !== 1)) break;
        const len = Math.max(a.length, b.length);
        const av = (i: number) => (a.length === 1 ? a[0] : a[i]) as number;
        const bv = (i: number) => (b.length === 1 ? b[0] : b[i]) as number;
        // Integer shape arithmetic (c // groups) truncates, as ONNX's Div on integers does.
        const div = (x: number, y: number) => (Number.isInteger(x) && Number.isInteger(y) && y !== 0 ? Math.trunc(x / y) : x / y);
        return set({ t: 'const', values: Array.from({ length: len }, (_, i) => (n.op_type === 'Sub' ? av(i) - bv(i) : div(av(i), bv(i)))) });
      }
      case 'Pad': {
        const mode = view.string('mode') ?? 'constant';
        const pads = n.input[1] ? constant(1) : view.ints('pads');
        const fill = n.input[2] ? constant(2) : [view.float('value') ?? 0];
        if (ins[0]?.t !== 'layer' && ins[0]?.t !== 'input') break;
        if (mode !== 'constant' || !pads || pads.length !== 8 || pads.some((p) => typeof p !== 'number' || p < 0) || !fill || fill[0] !== 0) {
          return refuse(`cnn-graph reads a Pad only as the zero padding of the convolution or average pooling after it (mode constant, value 0, ${pads ? `pads ${JSON.stringify(pads)}` : 'pads not constant'}, mode ${clip(mode, 20)}).`, 'Give the padding to the Conv2d or AvgPool2d itself (padding=p).', {
            message: `cnn-graph 只把 Pad 读作它之后的卷积或平均汇聚的零填充（mode constant、值 0，${pads ? `pads ${JSON.stringify(pads)}` : 'pads 不是常量'}，mode ${clip(mode, 20)}）。`,
            fix: '请把填充直接交给 Conv2d 或 AvgPool2d（padding=p）。',
          });
        }
        const p = pads as number[];
        if (p[0] || p[1] || p[4] || p[5]) {
          return refuse(`it pads the batch or the channels (pads ${JSON.stringify(p)}), not only height and width.`, 'Pad only height and width.', { message: `它在批量维或通道上填充（pads ${JSON.stringify(p)}），而不只是高和宽。`, fix: '请只在高和宽上填充。' });
        }
        if (p.every((x) => x === 0)) return set(ins[0]);
        return set({ t: 'padded', of: ins[0], pad: [p[2], p[3], p[6], p[7]] });
      }
      default:
        break;
    }
    const mappings = onnxMappings(n.op_type);
    for (const m of mappings) {
      const r = m(view);
      if (!r) continue;
      if ('refuse' in r) return refuse(r.refuse.message, r.refuse.fix, r.refuse.zh);
      if ('value' in r) return set({ t: 'const', values: r.value });
      return this.layer(k, r, refuse, set);
    }
    if (allConstant && n.input.length && mappings.length === 0) {
      return refuse('it computes on constants in a way cnn-graph does not follow (its shape arithmetic is limited to Shape, Gather, Unsqueeze, Squeeze, Concat, Slice, Cast and + − × ÷).', 'Write the shape out in the model (x.view(x.size(0), -1)) or export with do_constant_folding=True.', {
        message: '它对常量做了 cnn-graph 不跟踪的运算（只跟踪 Shape、Gather、Unsqueeze、Squeeze、Concat、Slice、Cast 和 + − × ÷）。',
        fix: '请在模型里写出形状（x.view(x.size(0), -1)），或以 do_constant_folding=True 导出。',
      });
    }
    if (mappings.length) {
      return refuse('no layer kind reads this use of the operator.', `See docs/onnx.md for the forms cnn-graph reads.`, { message: '没有层类型能读取这个算子的这种用法。', fix: '请参阅 docs/onnx.md 里 cnn-graph 能读取的形式。' });
    }
    return refuse(`cnn-graph does not read the operator ${clip(n.op_type || '(none)', 40)}.`, `Replace it in the model with a layer cnn-graph knows (the operators it reads: ${onnxOperators().join(', ')}; docs/onnx.md), or describe the network in cnn-graph's JSON format.`, {
      message: `cnn-graph 不读取算子 ${clip(n.op_type || '（无）', 40)}。`,
      fix: `请在模型里把它换成 cnn-graph 认识的层（能读取的算子：${onnxOperators().join('、')}；见 docs/onnx.md），或者用 cnn-graph 的 JSON 格式描述网络。`,
    });
  }

  private layer(k: number, r: OnnxLayer, refuse: (m: string, f: string, zh: ZhText) => void, set: (v: Value, o?: number) => void): void {
    const n = this.nodes[k];
    for (const { input, config } of r.parameters ?? []) {
      const name = n.input[input];
      if (this.values.get(name)?.t !== 'weight') continue;
      // Its path is the parameter's qualified name (`features.1.0.layer_scale`), as PyTorch's named_parameters gives it.
      let path = name === INPUT ? `${INPUT}_` : name;
      for (let c = 2; this.paths.has(path); c++) path = `${name}#${c}`;
      const layer = { ...config, path, inputs: [], functional: true } as Layer;
      if (!layerSchema(config.kind).safeParse(layer).success) continue;
      this.layers.push(layer);
      this.paths.add(path);
      this.shapes.set(path, this.outputShape(layer));
      this.values.set(name, { t: 'layer', path });
    }
    const inputs: string[] = [];
    for (const i of r.data) {
      const v = n.input[i] ? this.values.get(n.input[i]) : undefined;
      const of = v?.t === 'padded' ? v.of : v;
      if (v?.t === 'padded' && !(r.takesPad && i === r.data[0])) {
        return refuse(`a Pad before it adds zero padding (${v.pad.join(', ')}: top, left, bottom, right) that this layer cannot take as its own.`, 'Give the padding to the layer that pads (Conv2d or AvgPool2d padding=p), not to a separate F.pad.', {
          message: `它之前的 Pad 增加了零填充（${v.pad.join(', ')}：上、左、下、右），而这个层不能把它当作自己的填充。`,
          fix: '请把填充交给做填充的层（Conv2d 或 AvgPool2d 的 padding=p），不要单独用 F.pad。',
        });
      }
      // Only the first graph input is the network's ({t: 'input'}); the others are parameters.
      if (of?.t === 'input') inputs.push(INPUT);
      else if (of?.t === 'layer') inputs.push(of.path);
      else {
        return refuse(`its input ${i} ("${clip(n.input[i] ?? '')}") is a ${of?.t === 'weight' ? 'weight or constant tensor' : 'constant'}, where this layer reads computed features.`, 'Compute on the features; a tensor a module owns (a parameter used directly) is not read by cnn-graph from ONNX.', {
          message: `它的输入 ${i}（"${clip(n.input[i] ?? '')}"）是${of?.t === 'weight' ? '权重或常量张量' : '常量'}，而这个层读取的是计算出来的特征。`,
          fix: '请在特征上计算；cnn-graph 不从 ONNX 读取模块直接使用的参数张量。',
        });
      }
    }
    const pieces = r.pieces ?? [r.config];
    const end = r.through ? (this.viewIndex.get(r.through) ?? k) : k;
    // Every node of the pattern, from this one's reader on to its last, was read by the facet as part of this layer.
    for (let at = k; at !== end; ) {
      const next = this.consumers.get(this.nodes[at].output[0])?.[0];
      if (next === undefined) break;
      this.absorbed.add(next);
      at = next;
    }
    const last = this.nodes[end];
    pieces.forEach((config, o) => {
      const path = this.pathOf(n, r.fn, pieces.length > 1 ? o : -1);
      const layer = { ...config, path, inputs, ...(this.functional(n, config) ? { functional: true } : {}) } as Layer;
      const parsed = layerSchema(config.kind).safeParse(layer);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue.path.join('.');
        refuse(`it becomes ${config.kind} with ${field || 'a config'} that ${issueText(issue, undefined)} (${clip(JSON.stringify(config), 160)}).`, 'The file has attributes no PyTorch layer has; export the model again.', {
          message: `它对应的 ${config.kind} 的 ${field || '配置'} 不合法（${clip(JSON.stringify(config), 160)}）。`,
          fix: '文件里的属性没有对应的 PyTorch 层；请重新导出模型。',
        });
        return;
      }
      this.layers.push(layer);
      this.paths.add(path);
      this.shapes.set(path, this.outputShape(layer));
      const out = r.pieces ? n.output[o] : last.output[0];
      if (out) this.values.set(out, { t: 'layer', path });
    });
    if (!r.pieces) for (let o = 1; o < last.output.length; o++) set({ t: 'broken' }, o);
  }

  /** A layer's shape as the analysis computes it (its facet), to fold Shape nodes and let facets read input sizes; undefined where it fails (analysis reports it). */
  private outputShape(layer: Layer): Shape | undefined {
    const spec = analysisOf(layer.kind);
    const ins: InputInfo[] = [];
    for (const p of layer.inputs) {
      const s = p === INPUT ? this.input?.shape : this.shapes.get(p);
      if (!s) return undefined;
      ins.push({ shape: s, from: p });
    }
    if (!spec) return undefined;
    const r = spec.outputShape(layer as never, ins);
    return r.ok ? r.shape : undefined;
  }

  /** True when the node is an operation inside a module rather than a module (its scope holds other modules). */
  private functional(n: NodeProto, config: LayerConfig): boolean {
    const weighted = n.input.some((i) => parameterModule(i) && this.values.get(i)?.t === 'weight');
    if (weighted) return false;
    const scope = scopePath(scopeOf(n.name).scope);
    const fn = this.containers.has(scope);
    return fn && !configOf(config.kind)?.functional;
  }

  private pathOf(n: NodeProto, fn: string | undefined, piece: number): string {
    const { scope, own } = scopeOf(n.name);
    const weightModule = n.input.map((i) => (this.values.get(i)?.t === 'weight' ? parameterModule(i) : undefined)).find((m) => m);
    let base: string;
    if (weightModule) base = weightModule;
    else {
      // `relu_1` after `relu` in the same module: the module called a second time.
      const segs = [...scope];
      const lastSeg = segs[segs.length - 1];
      const again = lastSeg ? /^(.+)_(\d+)$/.exec(lastSeg) : null;
      if (again) {
        const first = scopePath([...segs.slice(0, -1), again[1]]);
        if (this.paths.has(first)) segs[segs.length - 1] = `${again[1]}#${Number(again[2]) + 1}`;
      }
      const s = scopePath(segs);
      base = this.containers.has(scopePath(scope)) || !s ? (s ? `${s}.` : '') + functionalName(own.replace(/[/.]/g, '_'), n.op_type, fn) : s;
    }
    if (piece >= 0) base = `${base}.${piece}`;
    if (base === INPUT) base = `${INPUT}_`;
    let path = base;
    for (let c = 2; this.paths.has(path); c++) path = `${base}#${c}`;
    return path;
  }

  private finish(): ParseResult {
    const outs = this.graphOutputs.map((o) => this.values.get(o.name));
    const first = outs[0];
    if (first?.t !== 'layer') {
      this.error(`the graph's output "${clip(this.graphOutputs[0].name)}" is ${first?.t === 'input' ? 'the input itself' : 'a constant'}, not computed by a layer.`, 'Export a network whose forward computes its result.', {
        message: `图的输出 "${clip(this.graphOutputs[0].name)}" ${first?.t === 'input' ? '就是输入本身' : '是常量'}，不是由层计算出来的。`,
        fix: '请导出 forward 会计算结果的网络。',
      });
      return { graph: null, diagnostics: this.diagnostics };
    }
    if (!this.input) return { graph: null, diagnostics: this.diagnostics };
    if (outs.length > 1) {
      const extra = this.graphOutputs.slice(1).map((o) => `"${clip(o.name)}"`).join(', ');
      this.diagnostics.push({
        severity: 'warning',
        path: first.path,
        code: 'onnx',
        message: `The graph has ${outs.length} outputs; cnn-graph takes the first, "${clip(this.graphOutputs[0].name)}" (${first.path}), as the network's output, and the layers that feed only ${extra} as branches that feed nothing.`,
        fix: 'Export the network with one output, or mark auxiliary heads in its JSON (cnn-graph export file.onnx > net.json; "aux").',
        zh: {
          message: `图有 ${outs.length} 个输出；cnn-graph 把第一个 "${clip(this.graphOutputs[0].name)}"（${first.path}）当作网络的输出，只为 ${extra} 服务的层则是不通向输出的分支。`,
          fix: '请导出只有一个输出的网络，或在 JSON 里标出辅助头（cnn-graph export file.onnx > net.json；"aux"）。',
        },
      });
    }
    const graph: Graph = { name: this.name, input: this.input.shape, layers: this.layers, modules: [], output: first.path, aux: [] };
    // Every layer passed its kind's schema as it was made.
    return { graph: trustLayers(graph), diagnostics: this.diagnostics };
  }
}

const dimsText = (v: ValueInfoProto): string => {
  const dims = v.type?.tensor_type?.shape?.dim;
  return dims ? `[${dims.map((d) => (d.dim_param ? clip(d.dim_param, 20) : String(int64(d.dim_value)))).join(', ')}]` : '(none given)';
};

/** The values of a small integer or float tensor (shape arithmetic, Clip bounds, Dropout's ratio); undefined for weights. */
function tensorValues(t: TensorProto): OnnxScalar[] | undefined {
  const count = t.dims.reduce((a: number, d) => a * int64(d), 1);
  if (count > MAX_CONSTANT) return undefined;
  const raw = t.raw_data;
  if (raw && raw.length) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const size = t.data_type === DATA_TYPE.INT64 || t.data_type === DATA_TYPE.DOUBLE ? 8 : t.data_type === DATA_TYPE.INT32 || t.data_type === DATA_TYPE.FLOAT ? 4 : 0;
    if (!size || raw.length !== count * size) return undefined;
    return Array.from({ length: count }, (_, i) => {
      switch (t.data_type) {
        case DATA_TYPE.INT64:
          return Number(view.getBigInt64(i * 8, true));
        case DATA_TYPE.DOUBLE:
          return view.getFloat64(i * 8, true);
        case DATA_TYPE.INT32:
          return view.getInt32(i * 4, true);
        default:
          return view.getFloat32(i * 4, true);
      }
    });
  }
  if (t.data_type === DATA_TYPE.INT64 && t.int64_data.length === count) return t.int64_data.map(int64);
  if (t.data_type === DATA_TYPE.INT32 && t.int32_data.length === count) return t.int32_data;
  return undefined;
}
