/**
 * ONNX node names → cnn-graph paths.
 *
 * torch (1.13 and later) names a node after the modules it ran in and its
 * operator: `/layer1/layer1.0/conv1/Conv`. Each scope segment is the module's
 * name, written either on its own (`conv1`) or after its parent's own name
 * (`layer1.0` inside `layer1`, `downsample.0` inside `downsample`), so the
 * full path is rebuilt segment by segment: a segment that starts with the
 * previous segment and a dot continues it, any other is a child. A module
 * called a second time gets `_1` after its segment (`relu_1`); that is read as
 * the second call of `relu`, `relu#2`, as the zoo writes it, when `relu` was
 * called before. Names that do not start with `/` (other exporters) have no
 * scope.
 */

/** The module scope of a node name and the node's own last segment: `/layer1/layer1.0/Add_1` → `layer1.0`, `Add_1`. */
export function scopeOf(name: string): { scope: string[]; own: string } {
  if (!name.startsWith('/')) return { scope: [], own: name };
  const segments = name.slice(1).split('/');
  const own = segments.pop() ?? '';
  const scope: string[] = [];
  let last = '';
  for (const s of segments) {
    if (!s) continue;
    if (last && s.startsWith(last + '.') && scope.length) {
      // `layer1.0` inside `layer1`: the parent's name continued.
      scope[scope.length - 1] += s.slice(last.length);
    } else scope.push(s);
    last = s;
  }
  return { scope, own };
}

/** The dotted module path of a scope: segments joined (a segment may itself hold dots: `layer1.0`). */
export const scopePath = (scope: readonly string[]): string => scope.join('.');

/** A parameter's module: `layer1.0.conv1.weight` → `layer1.0.conv1`; undefined for names that are not dotted parameter names (`onnx::Conv_123`). */
export function parameterModule(name: string): string | undefined {
  const m = /^([A-Za-z_][\w]*(?:\.[\w]+)*)\.(weight|bias|running_mean|running_var|scale|B)$/.exec(name);
  return m ? m[1] : undefined;
}

/**
 * A functional operation's name inside its module: PyTorch's name of the
 * function where the kind's facet gives one (`Concat_1` → `cat_1`), else the
 * node's own name lower-cased (`Add_1` → `add_1`); torch's `_1` counts calls.
 */
export function functionalName(own: string, op: string, fn?: string): string {
  const name = own || op;
  if (!fn) return name.toLowerCase();
  const count = /_(\d+)$/.exec(name);
  return count && name.startsWith(op) ? `${fn}_${count[1]}` : fn;
}
