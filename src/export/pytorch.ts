/**
 * A network as a PyTorch file (`cnn-graph export <id> --format pytorch`):
 * nested `nn.Module` classes built from the layers' paths, so that
 * `named_modules()` lists exactly the paths `summary` prints, a `forward`
 * that computes every layer in the graph's order, and `def build()`. Pure
 * text from the validated graph (no DOM, no PyTorch): each kind says how it
 * is written (src/kinds/<kind>/pytorch.ts); this file only arranges them.
 */
import { analyze } from '../analysis/analyze.js';
import { configOf } from '../kinds/config.js';
import { KIND_PYTORCH } from '../kinds/pytorch.js';
import { py, pyEscape, pyFloat, type KindPytorch } from '../kinds/pytorch-spec.js';
import type { Graph, Layer } from '../graph/types.js';
import { INPUT } from '../graph/types.js';
import type { TrainPreset } from '../zoo/index.js';

/** A network PyTorch cannot be written for as it is (a path PyTorch's modules cannot hold); the message names the layer and the fix, `zh` says the same in Chinese (the docs site's Chinese pages). */
export class PytorchExportError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'PytorchExportError';
  }
}

export interface PytorchOptions {
  /** Append a training script with these settings (the zoo preset's, or the CLI's defaults). */
  train?: Pick<TrainPreset, 'dataset' | 'optimizer' | 'lr' | 'momentum' | 'batchSize' | 'epochs'> & { note?: string };
  /** Where the network came from, for the file's first line (`lenet5`, `mynet.json`). */
  source?: string;
}

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);
/** nn.Module's own attributes: a child module of that name cannot be assigned (PyTorch raises "attribute already exists"). */
const MODULE_ATTRIBUTES = new Set(['training', 'forward', 'train', 'eval', 'parameters', 'modules', 'children', 'buffers', 'state_dict', 'to', 'cuda', 'cpu', 'type', 'float', 'double', 'half', 'apply', 'zero_grad', 'add_module', 'register_buffer', 'register_parameter', 'named_modules', 'named_parameters', 'named_children', 'named_buffers', 'extra_repr', 'requires_grad_', 'load_state_dict', 'get_submodule', 'get_parameter', 'dump_patches']);
/** Names the file itself defines or imports, which no generated class may take. */
const RESERVED = new Set(['torch', 'nn', 'F', 'torchvision', 'build', 'train', 'super', 'sum', 'print', 'tuple', 'range', 'len', 'getattr', 'object', 'int', 'float', 'str', 'list']);

const isIdentifier = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !KEYWORDS.has(s);

/** `torchvision-resnet50` → `TorchvisionResnet50`; `Net` when nothing of it is a Python name. */
function className(word: string): string {
  const parts = word.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('');
  return !name ? 'Net' : /^[0-9]/.test(name) ? `Net${name}` : name;
}

/** The module path a layer runs: `layer1.0.relu#2` is `layer1.0.relu` called again. */
const modulePath = (path: string) => path.replace(/#[^.]*$/, '');

interface Node {
  path: string;
  name: string;
  children: Map<string, Node>;
  /** The layer a leaf is (a module, or a Parameter read as an attribute). */
  layer?: Layer;
}

type Form = 'module' | 'read' | 'call';

function formOf(layer: Layer, facet: KindPytorch): Form {
  if (facet.read) return 'read';
  const functional = layer.functional ?? configOf(layer.kind)?.functional ?? false;
  if (functional && facet.call) return 'call';
  return facet.module ? 'module' : 'call';
}

const facetOf = (layer: Layer) => KIND_PYTORCH[layer.kind] as KindPytorch;

function moduleTree(graph: Graph): Node {
  const root: Node = { path: '', name: '', children: new Map() };
  for (const layer of graph.layers) {
    if (formOf(layer, facetOf(layer)) === 'call') continue;
    const path = modulePath(layer.path);
    const segments = path.split('.');
    let node = root;
    for (const [i, seg] of segments.entries()) {
      const here = segments.slice(0, i + 1).join('.');
      if (node.layer) throw new PytorchExportError(`${layer.path} ${layer.kind}: its path is inside ${node.path} ${node.layer.kind}, a layer, which holds no modules in PyTorch. Fix: move it to a path of its own.`, `${layer.path} ${layer.kind}：它的路径在 ${node.path} ${node.layer.kind} 之内，而那是一层，PyTorch 的层里不能再放模块。修改建议：给它一个单独的路径。`);
      if (seg === '') throw new PytorchExportError(`${layer.path} ${layer.kind}: the path has an empty part, which PyTorch's module names cannot be. Fix: remove the extra dot.`, `${layer.path} ${layer.kind}：路径里有一段是空的，PyTorch 的模块名不能为空。修改建议：删掉多余的点。`);
      if (MODULE_ATTRIBUTES.has(seg)) throw new PytorchExportError(`${layer.path} ${layer.kind}: "${seg}" is an attribute of every nn.Module, so PyTorch cannot hold a module under that name. Fix: rename it (e.g. "${seg}_").`, `${layer.path} ${layer.kind}："${seg}" 是每个 nn.Module 都有的属性，PyTorch 不能用这个名字存放模块。修改建议：换个名字（例如 "${seg}_"）。`);
      let child = node.children.get(seg);
      if (!child) {
        child = { path: here, name: seg, children: new Map() };
        node.children.set(seg, child);
      }
      node = child;
    }
    if (node.children.size) throw new PytorchExportError(`${layer.path} ${layer.kind}: other layers' paths are inside it (${[...node.children.values()][0].path}), but a layer holds no modules in PyTorch. Fix: give the layer a path of its own.`, `${layer.path} ${layer.kind}：别的层的路径在它之内（${[...node.children.values()][0].path}），但 PyTorch 的层里不能再放模块。修改建议：给这一层一个单独的路径。`);
    // A module called again (relu#2) reuses the first one's definition.
    node.layer ??= layer;
  }
  return root;
}

/** Children named 0…n−1 and all modules: an nn.Sequential, which PyTorch indexes (`features[3]`). */
function isSequential(node: Node): boolean {
  // The network itself is a class of its own, with the forward.
  if (node.layer || !node.children.size || !node.path) return false;
  const names = [...node.children.keys()];
  const numbered = names.every((n) => /^(0|[1-9][0-9]*)$/.test(n)) && [...names].map(Number).sort((a, b) => a - b).every((n, i) => n === i);
  return numbered && [...node.children.values()].every((c) => !(c.layer && formOf(c.layer, facetOf(c.layer)) === 'read'));
}

const ordered = (node: Node) => (isSequential(node) ? [...node.children.values()].sort((a, b) => Number(a.name) - Number(b.name)) : [...node.children.values()]);

class Writer {
  private classes: string[] = [];
  private byBody = new Map<string, string>();
  private used = new Set<string>(RESERVED);

  constructor(
    private readonly types: Map<string, string>,
    rootName: string,
  ) {
    this.used.add(rootName);
  }

  /** The Python expression that constructs a node: a leaf's module, an nn.Sequential, or a generated class. */
  expr(node: Node, indent: string): string {
    if (node.layer) return facetOf(node.layer).module?.(node.layer) as string;
    if (isSequential(node)) {
      const inner = indent + '    ';
      return `nn.Sequential(\n${ordered(node)
        .map((c) => `${inner}${this.expr(c, inner)},\n`)
        .join('')}${indent})`;
    }
    return `${this.container(node)}()`;
  }

  /** The `__init__` lines that assign a node's children. */
  assignments(node: Node): string[] {
    const indent = '        ';
    return ordered(node).map((c) => {
      const value = this.expr(c, indent);
      return isIdentifier(c.name) ? `${indent}self.${c.name} = ${value}` : `${indent}self.add_module(${py(c.name)}, ${value})`;
    });
  }

  /** A class for a container that is not a Sequential, named from its module type; containers with the same body share one. */
  private container(node: Node): string {
    const body = this.assignments(node).join('\n');
    const known = this.byBody.get(body);
    if (known) return known;
    const type = this.types.get(node.path);
    const base = type && isIdentifier(type) ? type : className(node.name);
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    this.byBody.set(body, name);
    this.classes.push(`class ${name}(nn.Module):\n    """${docText(type ? `${type} at ${node.path}` : node.path)}: a container; the network's forward runs its layers."""\n\n    def __init__(self):\n        super().__init__()\n${body}\n`);
    return name;
  }

  definitions(): string[] {
    return this.classes;
  }
}

/** Python that reaches a module from `self` by its path: `self.features[3]`, `getattr(self.stem, '0')`. */
function accessor(root: Node, path: string): string {
  let node = root;
  let text = 'self';
  for (const seg of path.split('.')) {
    const child = node.children.get(seg) as Node;
    text = isSequential(node) ? `${text}[${seg}]` : isIdentifier(seg) ? `${text}.${seg}` : `getattr(${text}, ${py(seg)})`;
    node = child;
  }
  return text;
}

/** Text inside a Python docstring: a backslash or a quote from a name cannot end it or escape. */
const docText = (s: string) => pyEscape(s).replace(/"/g, '\\"');

const DATASETS = { mnist: 'MNIST', 'fashion-mnist': 'FashionMNIST' } as const;

function trainScript(graph: Graph, cls: string, t: NonNullable<PytorchOptions['train']>, classes: number | undefined): string {
  const [c, h, w] = graph.input;
  const transforms = [...(h !== 28 || w !== 28 ? [`transforms.Resize(${py([h, w])})`] : []), ...(c !== 1 ? [`transforms.Grayscale(num_output_channels=${c})`] : []), 'transforms.ToTensor()'];
  const optimizer = t.optimizer === 'adam' ? `torch.optim.Adam(model.parameters(), lr=${pyFloat(t.lr)})` : `torch.optim.SGD(model.parameters(), lr=${pyFloat(t.lr)}${t.momentum ? `, momentum=${pyFloat(t.momentum)}` : ''})`;
  const aux = graph.aux.length
    ? `            outputs = model(images)\n            loss = loss_fn(outputs[0], labels)${graph.aux.map((a, i) => ` + ${pyFloat(a.weight)} * loss_fn(outputs[${i + 1}], labels)`).join('')}\n`
    : `            loss = loss_fn(model(images), labels)\n`;
  const warn = classes !== undefined && classes !== 10 ? `    # Note: the network has ${classes} outputs; ${DATASETS[t.dataset]} has 10 classes (the labels index the first 10).\n` : '';
  return `


def train(epochs=${t.epochs}, batch_size=${t.batchSize}, root='data'):
    """Train ${cls} on ${DATASETS[t.dataset]} with ${t.optimizer === 'adam' ? 'Adam' : 'SGD'} lr ${t.lr}${t.momentum ? ` momentum ${t.momentum}` : ''}, batch ${t.batchSize}, ${t.epochs} epochs${t.note ? ` (${docText(t.note.replace(/\.$/, ''))})` : ''}.

    torchvision downloads the data set to \`root\` on the first run.
    """
    from torchvision import datasets, transforms

${warn}    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    tf = transforms.Compose([${transforms.join(', ')}])
    train_set = datasets.${DATASETS[t.dataset]}(root, train=True, download=True, transform=tf)
    test_set = datasets.${DATASETS[t.dataset]}(root, train=False, download=True, transform=tf)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=batch_size, shuffle=True, num_workers=2)
    test_loader = torch.utils.data.DataLoader(test_set, batch_size=batch_size, num_workers=2)
    model = build().to(device)
    optimizer = ${optimizer}
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        total, count = 0.0, 0
        for images, labels in train_loader:
            images, labels = images.to(device), labels.to(device)
            optimizer.zero_grad()
${aux}            loss.backward()
            optimizer.step()
            total += loss.item() * labels.size(0)
            count += labels.size(0)
        model.eval()
        correct = 0
        with torch.no_grad():
            for images, labels in test_loader:
                images, labels = images.to(device), labels.to(device)
                correct += (model(images).argmax(1) == labels).sum().item()
        print(f'epoch {epoch + 1}/{epochs}  loss {total / count:.4f}  test accuracy {100 * correct / len(test_set):.2f}%')
    return model
`;
}

/** The network as a runnable PyTorch file. Throws PytorchExportError when PyTorch's modules cannot hold its paths. */
export function pytorchCode(graph: Graph, options: PytorchOptions = {}): string {
  const a = analyze(graph);
  const cls = className(graph.name);
  const root = moduleTree(graph);
  const writer = new Writer(new Map(graph.modules.map((m) => [m.path, m.type])), cls);
  const init = writer.assignments(root);

  const vars = new Map<string, string>([[INPUT, 'x']]);
  const body: string[] = [];
  graph.layers.forEach((layer, i) => {
    const v = `x${i + 1}`;
    const inputs = layer.inputs.map((p) => vars.get(p) as string);
    const facet = facetOf(layer);
    const form = formOf(layer, facet);
    const expr = form === 'read' ? accessor(root, layer.path) : form === 'module' ? `${accessor(root, modulePath(layer.path))}(${inputs.join(', ')})` : `${(facet.call as NonNullable<KindPytorch['call']>)(layer, inputs)}  # ${pyEscape(layer.path)}`;
    body.push(`        ${v} = ${expr}`);
    vars.set(layer.path, v);
  });
  const out = vars.get(graph.output) as string;
  const ret = graph.aux.length ? [`        if self.training:`, `            return ${[out, ...graph.aux.map((x) => vars.get(x.path))].join(', ')}`, `        return ${out}`] : [`        return ${out}`];

  const classes = writer.definitions();
  const text = [...classes, ...init, ...body].join('\n');
  const imports = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ...(text.includes('torchvision.') ? ['import torchvision'] : [])];
  const shape = (s: readonly number[] | null) => (s ? s.join('×') : '?');
  const outputs = a.output;
  const classesOut = outputs && outputs.length === 1 ? outputs[0] : undefined;
  const title = graph.title ? ` (${graph.title})` : '';
  const doc = [
    `"""${docText(graph.name + title)}, exported by cnn-graph${options.source ? ` from ${docText(options.source)}` : ''}.`,
    '',
    `Input ${shape(graph.input)}, output ${shape(outputs)}; ${a.totals.params.toLocaleString('en-US')} parameters.`,
    `Module paths (named_modules) are the network's layer paths; forward runs every layer in the network's order${graph.aux.length ? ', and in training mode also returns the auxiliary outputs' : ''}.`,
    '"""',
  ].join('\n');
  const main = options.train
    ? `if __name__ == '__main__':\n    train()\n`
    : `if __name__ == '__main__':\n    model = build().eval()\n    print(sum(p.numel() for p in model.parameters()), 'parameters')\n    with torch.no_grad():\n        print('output', tuple(model(torch.zeros(1, ${graph.input.join(', ')})).shape))\n`;
  const code = [
    doc,
    // The shape cnn-graph reads this file back with (`cnn-graph summary net.py`).
    `# input: ${graph.input.join('x')}`,
    '',
    imports.join('\n'),
    '',
    '',
    ...classes.map((c) => `${c}\n`),
    `class ${cls}(nn.Module):`,
    `    def __init__(self):`,
    `        super().__init__()`,
    ...(init.length ? init : ['        pass']),
    '',
    `    def forward(self, x):`,
    ...body,
    ...ret,
    '',
    '',
    `def build():`,
    `    return ${cls}()`,
  ].join('\n');
  // Two blank lines between top-level definitions, as PEP 8 has them.
  return [code, ...(options.train ? [trainScript(graph, cls, options.train, classesOut).trim()] : []), main].join('\n\n\n');
}
