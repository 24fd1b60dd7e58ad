/** `cnn-graph render`: the same SVG as `<cnn-graph>.toSVG()`, written to a file. */
import { parseArgs } from 'node:util';
import { analyze } from '../analysis/analyze.js';
import { parseShape } from '../analysis/format.js';
import { loadNetwork, printDiagnostics, sourceOptions, UsageError, type IO } from './common.js';

export async function cmdRender(argv: string[], io: IO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { out: { type: 'string', short: 'o' }, expand: { type: 'string' }, direction: { type: 'string' }, input: { type: 'string' }, class: { type: 'string' }, theme: { type: 'string' }, engine: { type: 'string' } } });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  if (!positionals[0]) throw new UsageError('render needs a zoo id or a .json file, e.g. `cnn-graph render lenet5 --out lenet5.svg`.');
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}".`);
  if (!values.out) throw new UsageError('render needs --out file.svg.');
  let expand: 'none' | 'all' | 'auto' | number = 'auto';
  if (values.expand !== undefined) {
    if (values.expand === 'none' || values.expand === 'all' || values.expand === 'auto') expand = values.expand;
    else if (/^\d+$/.test(values.expand)) expand = Number(values.expand);
    else throw new UsageError(`--expand must be none, all, auto or a depth number, got "${values.expand}".`);
  }
  const direction = values.direction ?? 'down';
  if (direction !== 'down' && direction !== 'right') throw new UsageError(`--direction must be down or right, got "${direction}".`);
  const engine = values.engine ?? 'auto';
  if (engine !== 'auto' && engine !== 'elk' && engine !== 'fast')
    throw new UsageError(`--engine must be auto (structural when the network is series–parallel, elk otherwise, the fast layered layout when elk would be slow), elk or fast, got "${engine}".`);
  const theme = values.theme ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw new UsageError(`--theme must be light or dark, got "${theme}".`);
  const input = values.input === undefined ? undefined : parseShape(values.input);
  if (input === null) throw new UsageError(`--input must be three positive integers like 1x28x28, got "${values.input}".`);

  const { graph, diagnostics, source } = await loadNetwork(positionals[0], io, sourceOptions({ class: values.class, ...(input ? { input: values.input } : {}) }));
  if (!graph) {
    printDiagnostics(diagnostics, io, source);
    return 1;
  }
  const analysis = analyze(graph, input ? { input } : {});
  // The render path (and elkjs, when a view needs it) load only for this command, keeping the others fast.
  const { render } = await import('../render/index.js');
  const { svg, note } = await render(graph, { expand, direction, theme, engine, analysis, ...(input ? { input } : {}) });
  await io.writeFile(values.out, svg);
  if (note) io.stderr(`${source}: note: ${note}; --engine elk to force it.\n`);
  printDiagnostics(analysis.diagnostics, io, source);
  io.stdout(`wrote ${values.out} (${analysis.layers.length} layers, ${(svg.length / 1024).toFixed(0)} KiB)\n`);
  return analysis.ok ? 0 : 1;
}
