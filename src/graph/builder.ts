/**
 * A builder that reads like the PyTorch in the notes:
 *
 *   const net = new GraphBuilder('lenet5', [1, 28, 28]);
 *   const y = net.seq('net', [Conv2d(1, 6, 5, { padding: 2 }), Tanh(), AvgPool2d(2, 2), …], net.input);
 *   net.build(y);
 *
 * Modules (`ModuleDef`) are functions of a scope and an input tensor, so an
 * Inception block or a residual block is written once and reused, and its
 * layers get PyTorch's dotted paths (`net.3.branch2.1`).
 */
import { INPUT, type AuxOutput, type Graph, type Layer, type LayerConfig, type ModuleSpec, type Shape } from './types.js';

/** A handle to a layer's output while building. */
export class Tensor {
  constructor(readonly path: string) {}
}

/** What a module is called besides its class: a `label` for its kind, a `title` (and `titleZh`) from its paper or notes. */
export type ModuleNames = Pick<ModuleSpec, 'label' | 'title' | 'titleZh'>;

/** A reusable container, like an `nn.Module` subclass. */
export interface ModuleDef extends ModuleNames {
  type: string;
  build(scope: Scope, x: Tensor): Tensor;
}

export type Part = LayerConfig | ModuleDef;

const isModule = (p: Part): p is ModuleDef => typeof (p as ModuleDef).build === 'function';

export class BuildError extends Error {
  override name = 'BuildError';
}

export class Scope {
  constructor(
    protected readonly net: NetworkState,
    readonly path: string,
  ) {}

  protected child(name: string | number): string {
    const n = String(name);
    if (n === '' || n.includes('.')) throw new BuildError(`module names cannot be empty or contain dots: "${n}" in "${this.path}"`);
    return this.path ? `${this.path}.${n}` : n;
  }

  /** Apply a layer module: `m.layer('conv1', Conv2d(…), x)`. */
  layer(name: string | number, config: LayerConfig, x: Tensor | readonly Tensor[]): Tensor {
    return this.net.add({ ...config, path: this.child(name), inputs: (Array.isArray(x) ? x : [x]).map((t: Tensor) => t.path) } as Layer);
  }

  /** Apply an operation PyTorch runs as a function (`F.relu`, `torch.flatten`), not a module. */
  fn(name: string, config: LayerConfig, x: Tensor | readonly Tensor[]): Tensor {
    return this.net.add({ ...config, path: this.child(name), inputs: (Array.isArray(x) ? x : [x]).map((t: Tensor) => t.path), functional: true } as Layer);
  }

  /** Open a named container of the given PyTorch class; `names`: its label (a string) or its label and title. */
  module(name: string | number, type: string, body: (m: Scope) => Tensor, names?: string | ModuleNames): Tensor {
    const path = this.child(name);
    const { label, title, titleZh } = typeof names === 'string' ? { label: names } : (names ?? {});
    this.net.declare({ path, type, ...(label ? { label } : {}), ...(title ? { title } : {}), ...(titleZh ? { titleZh } : {}) });
    return body(new Scope(this.net, path));
  }

  /** A layer or a module under a name. */
  call(name: string | number, part: Part, x: Tensor): Tensor {
    return isModule(part) ? this.module(name, part.type, (m) => part.build(m, x), part) : this.layer(name, part, x);
  }

  /** `nn.Sequential`: children named 0, 1, 2… */
  seq(name: string | number, parts: readonly Part[], x: Tensor, type = 'Sequential', names?: string | ModuleNames): Tensor {
    return this.module(name, type, (m) => m.chain(parts, x), names);
  }

  /** Apply parts one after another inside this scope, named 0, 1, 2… */
  chain(parts: readonly Part[], x: Tensor, start = 0): Tensor {
    return parts.reduce((t, p, i) => this.call(start + i, p, t), x);
  }
}

class NetworkState {
  readonly layers: Layer[] = [];
  readonly modules: ModuleSpec[] = [];
  private readonly paths = new Set<string>();

  add(layer: Layer): Tensor {
    if (this.paths.has(layer.path)) throw new BuildError(`duplicate layer path "${layer.path}"`);
    this.paths.add(layer.path);
    this.layers.push(layer);
    return new Tensor(layer.path);
  }

  declare(m: ModuleSpec): void {
    if (!this.modules.some((x) => x.path === m.path)) this.modules.push(m);
  }
}

export class GraphBuilder extends Scope {
  readonly input = new Tensor(INPUT);
  private readonly aux: AuxOutput[] = [];

  constructor(
    readonly name: string,
    readonly inputShape: readonly [number, number, number],
    readonly title?: string,
  ) {
    super(new NetworkState(), '');
  }

  /** Mark a tensor as an auxiliary classifier's logits, with its loss weight. */
  auxOutput(t: Tensor, weight: number): void {
    this.aux.push({ path: t.path, weight });
  }

  build(output: Tensor): Graph {
    return {
      name: this.name,
      input: this.inputShape,
      layers: [...this.net.layers],
      modules: [...this.net.modules],
      output: output.path,
      aux: [...this.aux],
      ...(this.title ? { title: this.title } : {}),
    };
  }
}

export type { Shape };
