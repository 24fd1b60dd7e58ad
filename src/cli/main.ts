/**
 * The `cnn-graph` command. `main` returns an exit status instead of exiting,
 * and writes through `io`, so tests run it in-process.
 * Exit status: 0 ok, 1 problems found in the network, 2 usage errors.
 */
import { analyze, type Analysis, type Diagnostic } from '../analysis/analyze.js';
import { bottleneck, stack, type Comparison } from '../zoo/compare.js';
import { CONVENTIONS } from '../analysis/conventions.js';
import { NONE, formatBytes, formatCount, formatInt, formatPercent, formatShape, parseShape } from '../analysis/format.js';
import { configOf } from '../kinds/config.js';
import type { Convention } from '../kinds/spec.js';
import { summaryRows } from '../analysis/summary.js';
import { stringifyNetwork } from '../graph/json.js';
import { pytorchCode, PytorchExportError } from '../export/pytorch.js';
import { clip, visible } from '../graph/text.js';
import { nearest } from '../graph/validate.js';
import { ZOO, ZOO_IDS, zooEntry } from '../zoo/index.js';
import { args, intOption, loadNetwork, printDiagnostics, SOURCE_OPTIONS, sourceOptions, UsageError, zooHint, type IO } from './common.js';
import { table } from './table.js';

const USAGE = `cnn-graph — shapes, parameters and MACs of convolutional networks, with PyTorch's semantics

Usage:
  cnn-graph list                                   the model zoo
  cnn-graph summary <id | file.json | model.py | model.onnx> [--class Name] [--input 1x28x28] [--convention default|torchinfo|fvcore] [--depth N] [--json]
  cnn-graph check <file.json | model.py | model.onnx | id> [--class Name] [--input CxHxW]
                                                   validate a network; exit 1 if it has errors
  cnn-graph export <id | file.json | model.py | model.onnx> [--class Name] [--input CxHxW] [--format json|pytorch] [--with-train] [--out file]
                                                   a network as JSON (to start your own variant) or as a PyTorch file
  cnn-graph compare bottleneck --input 192x28x28 --out 32 --kernel 5 --reduce 16 [--no-bias] [--json]
  cnn-graph compare stack --channels C --kernel 7 [--size 56x56] [--bias] [--json]
  cnn-graph render <id | file.json | model.py | model.onnx> [--class Name] --out file.svg [--expand none|all|N] [--direction down|right] [--engine auto|elk|fast]
  cnn-graph train <id | file.json | model.py | model.onnx> [--class Name] [--dataset mnist|fashion-mnist] [--epochs N] [--limit N] [--test-limit N]
                  [--batch N] [--lr X] [--momentum X] [--optimizer sgd|adam] [--backend wasm|cpu] [--seed N] [--json]
                                                   train in Node (WASM) with the notes' settings; Ctrl-C cancels

A .py file is PyTorch source: its last nn.Module class, or the last module it assigns
to a top-level variable (--class picks another), on the input of a "# input: 3x32x32"
comment or --input (docs/python.md). A .onnx file is an ONNX model, with or without
its weights, on the input it was exported with (docs/onnx.md).

Exit status: 0 ok, 1 problems found in the network, 2 usage errors.`;

function shapeOption(v: unknown, name: string): [number, number, number] | undefined {
  if (v === undefined) return undefined;
  const s = parseShape(String(v));
  if (!s) throw new UsageError(`--${name} must be three positive integers like 1x28x28 (channels×height×width), got "${v}".`);
  return s;
}

function conventionOption(v: unknown): Convention {
  if (v === undefined) return 'default';
  if (v === 'default' || v === 'torchinfo' || v === 'fvcore') return v;
  throw new UsageError(`--convention must be default, torchinfo or fvcore, got "${v}".`);
}

/** The CLI speaks English: its --json diagnostics leave out the Chinese the site shows (`zh`). */
const englishOnly = ({ zh: _zh, ...d }: Diagnostic): Diagnostic => d;

function summaryJSON(a: Analysis) {
  return {
    model: a.model,
    input: [...a.input],
    output: a.output ? [...a.output] : null,
    convention: a.convention,
    totals: { params: a.totals.params, trainableParams: a.totals.trainableParams, macs: a.totals.macs, flops: a.totals.flops },
    layers: a.layers.map((l) => ({ path: l.path, kind: l.kind, outputShape: l.outputShape ? [...l.outputShape] : null, params: l.params, macs: l.macs, ...(l.aux ? { aux: true } : {}) })),
    ...(a.diagnostics.length ? { diagnostics: a.diagnostics.map(englishOnly) } : {}),
  };
}

function summaryText(a: Analysis, title: string, depth: number): string {
  const rows = summaryRows(a, depth);
  const body = rows.map((r) => [
    `${'  '.repeat(r.depth - 1)}${visible(r.path)}${r.status === 'error' ? '  ✗' : ''}`,
    visible(r.type),
    formatShape(r.outputShape),
    formatInt(r.params),
    formatInt(r.macs),
    r.aux ? 'aux' : r.macs === 0 ? NONE : formatPercent(r.macs, a.totals.macs),
  ]);
  const t = a.totals;
  const out = [
    `${title} · input ${formatShape(a.input)} · output ${formatShape(a.output)}`,
    table(
      [{ title: 'Layer (path)' }, { title: 'Type' }, { title: 'Output shape' }, { title: 'Params', align: 'right' }, { title: `MACs (${a.convention})`, align: 'right' }, { title: '% MACs', align: 'right' }],
      body,
    ),
    `Total params: ${formatInt(t.params)} (${formatCount(t.params)})`,
    `Trainable params: ${formatInt(t.trainableParams)}`,
    `Non-trainable params: ${formatInt(t.params - t.trainableParams)}${t.buffers ? ` · buffers (BatchNorm running statistics): ${formatInt(t.buffers)}` : ''}`,
    `MACs: ${formatInt(t.macs)} (${formatCount(t.macs)}) · FLOPs = 2 × MACs: ${formatInt(t.flops)} (${formatCount(t.flops)})`,
  ];
  if (t.auxParams || t.auxMacs) out.push(`Auxiliary heads (training only, not in the totals' MACs): params ${formatInt(t.auxParams)}, MACs ${formatInt(t.auxMacs)}`);
  out.push(`Parameters at float32: ${formatBytes(t.paramBytes)} · activations for one sample: ${formatBytes(t.activationBytes)}`);
  out.push(`Convention "${a.convention}": ${CONVENTIONS[a.convention].description}.`);
  return out.join('\n') + '\n';
}

async function cmdSummary(argv: string[], io: IO): Promise<number> {
  const { values, positionals } = args(argv, { ...SOURCE_OPTIONS, convention: { type: 'string' }, depth: { type: 'string' }, json: { type: 'boolean' } }, 1);
  if (!positionals[0]) throw new UsageError('summary needs a zoo id or a .json file, e.g. `cnn-graph summary lenet5`.');
  const input = shapeOption(values.input, 'input');
  const convention = conventionOption(values.convention);
  const depth = intOption(values.depth, 'depth') ?? 3;
  const { graph, diagnostics, source } = await loadNetwork(positionals[0], io, sourceOptions(values));
  if (!graph) {
    printDiagnostics(diagnostics, io, source);
    return 1;
  }
  const a = analyze(graph, { ...(input ? { input } : {}), convention });
  if (values.json) io.stdout(JSON.stringify(summaryJSON(a), null, 2) + '\n');
  else io.stdout(summaryText(a, visible(graph.title ? `${graph.name} (${graph.title})` : graph.name), depth));
  printDiagnostics(a.diagnostics, io, source);
  return a.ok ? 0 : 1;
}

async function cmdCheck(argv: string[], io: IO): Promise<number> {
  const { values, positionals } = args(argv, { ...SOURCE_OPTIONS, json: { type: 'boolean' } }, 1);
  if (!positionals[0]) throw new UsageError('check needs a .json file (or a zoo id), e.g. `cnn-graph check mynet.json`.');
  const input = shapeOption(values.input, 'input');
  const { graph, diagnostics, source } = await loadNetwork(positionals[0], io, sourceOptions(values));
  const all = graph ? analyze(graph, input ? { input } : {}).diagnostics : diagnostics;
  const errors = all.filter((d) => d.severity === 'error').length;
  if (values.json) io.stdout(JSON.stringify({ ok: errors === 0, diagnostics: all.map(englishOnly) }, null, 2) + '\n');
  else {
    printDiagnostics(all, io, source);
    if (graph && errors === 0) {
      const a = analyze(graph, input ? { input } : {});
      io.stdout(`ok: ${visible(graph.name)} — ${a.layers.length} layers, ${formatInt(a.totals.params)} params, ${formatInt(a.totals.macs)} MACs, output ${formatShape(a.output)}\n`);
    } else io.stdout(`${formatInt(errors)} error${errors === 1 ? '' : 's'} in ${visible(source)}\n`);
  }
  return errors ? 1 : 0;
}

async function cmdExport(argv: string[], io: IO): Promise<number> {
  const { values, positionals } = args(argv, { ...SOURCE_OPTIONS, format: { type: 'string' }, 'with-train': { type: 'boolean' }, out: { type: 'string' } }, 1);
  if (!positionals[0]) throw new UsageError('export needs a zoo id or a .json file, e.g. `cnn-graph export lenet5 > mynet.json` or `cnn-graph export lenet5 --format pytorch --out lenet5.py`.');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'pytorch') throw new UsageError(`--format must be json or pytorch, got "${clip(String(format))}".`);
  if (values['with-train'] && format !== 'pytorch') throw new UsageError('--with-train writes a PyTorch training script: use it with --format pytorch.');
  const out = values.out === undefined ? undefined : String(values.out);
  if (out === '') throw new UsageError('--out needs a file name, e.g. --out lenet5.py.');
  const { graph, diagnostics, source } = await loadNetwork(positionals[0], io, sourceOptions(values));
  if (!graph) {
    printDiagnostics(diagnostics, io, source);
    return 1;
  }
  let text: string;
  if (format === 'json') text = stringifyNetwork(graph);
  else {
    // PyTorch would fail where the analysis does; say so here, with the fix, instead of writing a file that cannot run.
    const a = analyze(graph);
    if (!a.ok) {
      printDiagnostics(a.diagnostics, io, source);
      io.stderr(`${visible(clip(source, 200))}: not exported: fix the errors above first.\n`);
      return 1;
    }
    const preset = zooEntry(positionals[0])?.preset;
    try {
      text = pytorchCode(graph, { source, ...(values['with-train'] ? { train: preset ?? DEFAULT_TRAIN } : {}) });
    } catch (e) {
      if (!(e instanceof PytorchExportError)) throw e;
      io.stderr(`${visible(clip(source, 200))}: error: ${e.message}\n`);
      return 1;
    }
  }
  if (out) {
    await io.writeFile(out, text);
    io.stderr(`wrote ${visible(clip(out, 200))}\n`);
  } else io.stdout(text);
  return 0;
}

/** --with-train for a network without the notes' settings: MNIST, Adam lr 0.001, batch 64, 5 epochs (a common start, named in the script). */
const DEFAULT_TRAIN = { dataset: 'mnist', optimizer: 'adam', lr: 0.001, batchSize: 64, epochs: 5, note: "no settings from the notes for this network: cnn-graph's defaults" } as const;

function cmdList(argv: string[], io: IO): number {
  args(argv, {}, 0);
  const w = Math.max(...ZOO.map((e) => e.id.length));
  io.stdout(ZOO.map((e) => `${e.id.padEnd(w)}  ${e.summary}`).join('\n') + '\n');
  return 0;
}

function comparisonText(c: Comparison): string {
  const [a, b] = c.variants;
  const lines = [
    `${a.name}:`,
    `  MACs   ${a.macsFormula}`,
    `  params ${a.paramsFormula}`,
    `${b.name}:`,
    `  MACs   ${b.macsFormula}`,
    `  params ${b.paramsFormula}`,
    `saving: ${(100 * c.saving.macs).toFixed(1)}% of the MACs (${c.ratio.macs.toFixed(2)}× fewer), ${(100 * c.saving.params).toFixed(1)}% of the parameters (${c.ratio.params.toFixed(2)}× fewer)`,
  ];
  if (c.kind === 'stack') {
    const c2 = a.graph.input[0] ** 2;
    if (a.receptiveField && b.receptiveField) lines.push(`receptive field: ${a.receptiveField.size.join('×')} and ${b.receptiveField.size.join('×')} — the same window`);
    if (a.graph.layers.every((l) => configOf(l.kind)?.category !== 'conv' || ('bias' in l && l.bias === false))) lines.push(`weights per C² (C = ${a.graph.input[0]}): ${a.params / c2} versus ${b.params / c2}`);
  }
  return lines.join('\n') + '\n';
}

function comparisonJSON(c: Comparison) {
  return {
    kind: c.kind,
    variants: c.variants.map((v) => ({ name: v.name, params: v.params, macs: v.macs, flops: 2 * v.macs, macsFormula: v.macsFormula, paramsFormula: v.paramsFormula, receptiveField: v.receptiveField ? [...v.receptiveField.size] : null })),
    saving: c.saving,
    ratio: c.ratio,
    ...(c.diagnostics.length ? { diagnostics: c.diagnostics.map(englishOnly) } : {}),
  };
}

async function cmdCompare(argv: string[], io: IO): Promise<number> {
  const [what, ...rest] = argv;
  let c: Comparison;
  if (what === 'bottleneck') {
    const { values } = args(rest, { input: { type: 'string' }, out: { type: 'string' }, kernel: { type: 'string' }, reduce: { type: 'string' }, 'no-bias': { type: 'boolean' }, json: { type: 'boolean' } }, 0);
    const input = shapeOption(values.input, 'input');
    const out = intOption(values.out, 'out');
    const kernel = intOption(values.kernel, 'kernel');
    const reduce = intOption(values.reduce, 'reduce');
    if (!input || !out || !kernel || !reduce) throw new UsageError('compare bottleneck needs --input CxHxW --out N --kernel K --reduce R, e.g. --input 192x28x28 --out 32 --kernel 5 --reduce 16.');
    c = bottleneck({ input, out, kernel, reduce, bias: !values['no-bias'] });
    if (values.json) io.stdout(JSON.stringify(comparisonJSON(c), null, 2) + '\n');
    else io.stdout(comparisonText(c));
  } else if (what === 'stack') {
    const { values } = args(rest, { channels: { type: 'string' }, kernel: { type: 'string' }, size: { type: 'string' }, bias: { type: 'boolean' }, json: { type: 'boolean' } }, 0);
    const channels = intOption(values.channels, 'channels');
    const kernel = intOption(values.kernel, 'kernel', 3);
    if (!channels || !kernel) throw new UsageError('compare stack needs --channels C --kernel K (an odd K ≥ 3), e.g. --channels 64 --kernel 7.');
    if (kernel % 2 === 0) throw new UsageError(`--kernel must be odd (3, 5, 7, …): n stacked 3×3 convolutions see a (2n+1)×(2n+1) window; got ${kernel}.`);
    let size: [number, number] | undefined;
    if (values.size !== undefined) {
      const m = /^(\d+)[x×](\d+)$/.exec(String(values.size));
      if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new UsageError(`--size must be HxW like 56x56, got "${values.size}".`);
      size = [Number(m[1]), Number(m[2])];
    }
    c = stack({ channels, kernel, ...(size ? { size } : {}), bias: !!values.bias });
    if (values.json) io.stdout(JSON.stringify(comparisonJSON(c), null, 2) + '\n');
    else io.stdout(comparisonText(c));
  } else {
    throw new UsageError(`compare takes "bottleneck" or "stack"${what ? `, got "${what}"` : ''}.`);
  }
  printDiagnostics(c.diagnostics, io, 'compare');
  return c.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export type Command = (argv: string[], io: IO) => Promise<number> | number;

/** Subcommands; render registers itself from its own module (src/cli/node.ts), keeping elkjs out of the others. */
export const COMMANDS: Record<string, Command> = {
  list: cmdList,
  summary: cmdSummary,
  check: cmdCheck,
  export: cmdExport,
  compare: cmdCompare,
  // Lazy: train loads tfjs, which the other commands must not wait for.
  train: async (argv, io) => (await import('./train.js')).cmdTrain(argv, io),
};

/** The lines of USAGE for one command (with their continuation lines), and the exit statuses. */
function commandUsage(cmd: string): string {
  const lines = USAGE.split('\n');
  const out: string[] = [];
  let mine = false;
  for (const line of lines) {
    if (line.startsWith('  cnn-graph ')) mine = line.startsWith(`  cnn-graph ${cmd} `);
    else if (!line.startsWith('   ')) mine = false;
    if (mine) out.push(line);
  }
  return `Usage:\n${out.join('\n')}\n\n${lines[lines.length - 1]}\n`;
}

const HELP = ['--help', '-h'];

/**
 * Everything the CLI prints passes here: a control character from a file or
 * an argument (a name, a path, an excerpt) is shown escaped instead of acting
 * on the terminal (retitling it, clearing it, writing a fake line). Our own
 * progress bar's "return and erase the line" prefix is the one kept.
 */
function safeIO(io: IO): IO {
  const ERASE = '\r\x1b[K';
  const safe = (s: string) => (s.startsWith(ERASE) ? ERASE + visible(s.slice(ERASE.length), true) : visible(s, true));
  return { ...io, stdout: (s) => io.stdout(safe(s)), stderr: (s) => io.stderr(safe(s)) };
}

export async function main(argv: string[], rawIO: IO): Promise<number> {
  const io = safeIO(rawIO);
  const [cmd, ...rest] = argv;
  // `cnn-graph <command> --help` and `cnn-graph help <command>`: that command's usage.
  const about = cmd === 'help' ? rest[0] : cmd && cmd in COMMANDS && rest.some((a) => HELP.includes(a)) ? cmd : undefined;
  if (about && about in COMMANDS) {
    io.stdout(commandUsage(about));
    return 0;
  }
  if (about) {
    io.stderr(`cnn-graph unknown command "${about}".${nearest(about, Object.keys(COMMANDS))} Run \`cnn-graph --help\`.\n`);
    return 2;
  }
  if (!cmd || HELP.includes(cmd) || cmd === 'help') {
    (cmd ? io.stdout : io.stderr)(USAGE + '\n');
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    io.stdout('cnn-graph 0.1.0\n');
    return 0;
  }
  const run = COMMANDS[cmd] as Command | undefined;
  try {
    if (!run) throw new UsageError(`unknown command "${cmd}".${nearest(cmd, Object.keys(COMMANDS))} Run \`cnn-graph --help\`.`);
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cnn-graph ${run ? cmd + ': ' : ''}${e.message}\n`);
      return 2;
    }
    // Anything else is our bug: still one clear line, never a stack trace (set CNN_GRAPH_DEBUG=1 to see it).
    io.stderr(`cnn-graph ${cmd}: internal error: ${(e as Error)?.message ?? String(e)}. Please report it with the command you ran.\n`);
    if (process.env.CNN_GRAPH_DEBUG) io.stderr(String((e as Error)?.stack) + '\n');
    return 70;
  }
}
