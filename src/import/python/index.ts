/**
 * A network from PyTorch source (`model.py`): the file's top level runs
 * (imports, classes, functions, assignments), the network is chosen, and its
 * forward is traced once on the input shape. The result is the same Graph
 * the JSON reader gives, so every command and the element take it as they
 * take JSON. Never throws: what it cannot read is a diagnostic with the
 * line and column, the construct, and what to write instead.
 *
 * Which network: `className` (a class, built without arguments, or a
 * top-level variable holding a module); otherwise the last top-level
 * variable the file assigns a module to (`net = nn.Sequential(...)`, as d2l
 * writes; `model = Net()`), otherwise the last nn.Module subclass that can
 * be built without arguments (the network, not a block such as Inception(in_channels)).
 * Which input: `input`, else a `# input: 3x32x32` comment, else the last
 * top-level `X = torch.rand(1, 1, 28, 28)` (the notes' shape check).
 */
import { MAX_JSON_BYTES } from '../../graph/json.js';
import { clip, visible } from '../../graph/text.js';
import type { Diagnostic, Graph } from '../../graph/types.js';
import { nearestName } from '../../graph/validate.js';
import { Interpreter } from './interp.js';
import { parsePython, type Parsed, type PyNode } from './syntax.js';
import { ClassV, ModuleV, Poison, PyError, type Problem } from './values.js';

export interface PythonOptions {
  /** The class (or top-level variable) that is the network. */
  className?: string;
  /** `[C, H, W]`, overriding the file's `# input:` comment. */
  input?: readonly [number, number, number];
}

export interface PythonResult {
  graph: Graph | null;
  diagnostics: Diagnostic[];
}

/** `# input: 3x32x32` (also `3×32×32`, `3, 32, 32`) anywhere in the file. */
export const INPUT_COMMENT = /^[ \t]*#[ \t]*input[ \t]*:[ \t]*(\d+)[ \t]*[x×,][ \t]*(\d+)[ \t]*[x×,][ \t]*(\d+)[ \t]*$/im;

function diagnostic(parsed: Parsed | null, p: Problem, severity: 'error' | 'warning' = 'error', code = 'python'): Diagnostic {
  const loc = parsed ? parsed.at(p.node.from) : undefined;
  return {
    severity,
    path: p.path ?? '',
    code,
    message: /[.?!]$/.test(p.en) ? p.en : p.en + '.',
    ...(p.fixEn ? { fix: p.fixEn } : {}),
    ...(loc ? { loc } : {}),
    zh: { message: /[。？！]$/.test(p.zh) ? p.zh : p.zh + '。', ...(p.fixZh ? { fix: p.fixZh } : {}) },
  };
}

const NOWHERE: PyNode = { name: 'Script', from: 0, to: 0, kids: [] };

export function readPython(text: string, options: PythonOptions = {}): PythonResult {
  if (text.length > MAX_JSON_BYTES) {
    return { graph: null, diagnostics: [diagnostic(null, { node: NOWHERE, en: `the file has ${text.length.toLocaleString('en-US')} characters; cnn-graph reads source files of up to ${MAX_JSON_BYTES / 1048576} MiB`, zh: `文件有 ${text.length.toLocaleString('en-US')} 个字符；cnn-graph 只读取不超过 ${MAX_JSON_BYTES / 1048576} MiB 的源文件`, fixEn: 'Give the file that defines the network.', fixZh: '请给出定义网络的那个文件。' })] };
  }
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const parsed = parsePython(source);
  if (parsed.error) {
    const { line, column } = parsed.at(parsed.error.offset);
    const lineText = source.split('\n')[line - 1] ?? '';
    const excerpt = `${visible(clip(lineText, 120))}\n${' '.repeat(Math.min(column - 1, 120))}^`;
    const near = visible(clip(parsed.error.text, 30));
    const indent = /^\s+\S/.test(lineText) && column <= lineText.search(/\S/) + 1;
    return {
      graph: null,
      diagnostics: [
        {
          severity: 'error',
          path: '',
          code: 'python-syntax',
          message: `Not valid Python at line ${line}, column ${column}${near.trim() ? ` (at "${near}")` : ''}.\n${excerpt}`,
          fix: indent ? 'Check the indentation: a block is indented the same throughout, under a line ending in ":".' : 'Check for a missing bracket, comma, colon or quote near there, or text that is not code (a shell line such as !pip, prose pasted from notes).',
          loc: { line, column },
          zh: {
            message: `第 ${line} 行第 ${column} 列不是合法的 Python${near.trim() ? `（在 "${near}" 处）` : ''}。\n${excerpt}`,
            fix: indent ? '请检查缩进：同一个块的缩进要一致，并位于以 ":" 结尾的那一行之下。' : '请检查那附近是否少了括号、逗号、冒号或引号，或者混进了不是代码的文字（例如 !pip 这样的命令行，或从笔记里粘贴的正文）。',
          },
        },
      ],
    };
  }
  const py = new Interpreter(parsed);
  try {
    py.runModule();
    const chosen = choose(py, options);
    if ('problem' in chosen) return { graph: null, diagnostics: [diagnostic(parsed, chosen.problem, 'error', chosen.usage ? 'usage' : 'python')] };
    const input = inputOf(py, source, options);
    if (!input) {
      return {
        graph: null,
        diagnostics: [diagnostic(parsed, { node: NOWHERE, en: `the input shape of ${chosen.name} is not given`, zh: `没有给出 ${chosen.name} 的输入形状`, fixEn: 'Add a comment such as # input: 3x32x32 (channels×height×width) to the file, or pass --input 3x32x32.', fixZh: '请在文件里加一行注释，例如 # input: 3x32x32（通道×高×宽），或者传入 --input 3x32x32。' })],
      };
    }
    const t = py.trace(chosen.module, input, chosen.node);
    const graph: Graph = { name: chosen.name, input, layers: t.layers, modules: t.modules, output: t.output, aux: [] };
    return { graph, diagnostics: t.warnings.map((w) => diagnostic(parsed, w, 'warning')) };
  } catch (e) {
    if (e instanceof PyError) return { graph: null, diagnostics: [diagnostic(parsed, e.problem)] };
    // A file nested deeper than the stack (thousands of brackets or calls in one expression).
    if (e instanceof RangeError) {
      return { graph: null, diagnostics: [diagnostic(parsed, { node: NOWHERE, en: 'the code nests too deeply for cnn-graph to follow', zh: '代码嵌套太深，cnn-graph 无法跟踪', fixEn: 'Split deeply nested expressions into assignments.', fixZh: '请把嵌套很深的表达式拆成几次赋值。' })] };
    }
    throw e;
  }
}

type Chosen = { module: ModuleV; name: string; node: PyNode } | { problem: Problem; usage?: boolean };

function choose(py: Interpreter, options: PythonOptions): Chosen {
  const classes = py.classes.filter((c) => py.baseContainer(c));
  const variables = [...new Set(py.assigned)].filter((n) => py.globals.vars.get(n) instanceof ModuleV);
  const node = py.parsed.root;
  const listed = () => [...classes.map((c) => c.name), ...variables].join(', ') || 'none';
  const asked = options.className;
  if (asked !== undefined) {
    const v = py.globals.vars.get(asked);
    if (v instanceof ClassV) return build(py, v, asked, classes);
    if (v instanceof ModuleV) return { module: v, name: asked, node };
    if (v instanceof Poison) return { problem: v.reason };
    const near = nearestName(asked, [...classes.map((c) => c.name), ...variables]);
    return {
      usage: true,
      problem: { node, en: `--class ${asked}: the file has no module class or variable of that name${near ? `; did you mean "${near}"?` : ''}`, zh: `--class ${asked}：文件里没有这个名字的模块类或变量${near ? `；是不是 "${near}"？` : ''}`, fixEn: `The file's modules: ${listed()}.`, fixZh: `文件里的模块：${listed()}。` },
    };
  }
  // The last assignment wins, as the file's own last `net = ...` does.
  const lastVar = [...py.assigned].reverse().find((n) => py.globals.vars.get(n) instanceof ModuleV);
  if (lastVar) {
    const failed = py.failed.find((f) => f.receivers.includes(lastVar));
    if (failed) return { problem: failed.problem };
    return { module: py.globals.vars.get(lastVar) as ModuleV, name: lastVar, node };
  }
  // The last class that can be built without arguments: the network, not one of its blocks (an Inception(in_channels)).
  const last = [...classes].reverse().find((c) => py.constructible(c)) ?? classes[classes.length - 1];
  if (last) return build(py, last, last.name, classes);
  const failed = py.failed[0];
  if (failed) return { problem: failed.problem };
  return { problem: { node, en: 'the file defines no nn.Module class and assigns no module to a top-level variable', zh: '文件里没有 nn.Module 的子类，也没有把模块赋给顶层变量', fixEn: 'Define class Net(nn.Module) with __init__ and forward, or write net = nn.Sequential(...).', fixZh: '请定义带 __init__ 和 forward 的 class Net(nn.Module)，或者写 net = nn.Sequential(...)。' } };
}

function build(py: Interpreter, cls: ClassV, name: string, classes: readonly ClassV[]): Chosen {
  try {
    const m = py.instantiate(cls, { pos: [], kw: [] }, cls.node);
    if (!(m instanceof ModuleV)) return { problem: { node: cls.node, en: `${name} is not a module`, zh: `${name} 不是模块` } };
    return { module: m, name, node: cls.node };
  } catch (e) {
    if (e instanceof PyError && /needs the argument/.test(e.problem.en) && e.problem.node === cls.node) {
      const others = classes.filter((c) => c !== cls).map((c) => c.name);
      return {
        problem: {
          ...e.problem,
          en: `${e.problem.en}: the network is built as ${name}() with no arguments`,
          zh: `${e.problem.zh}：网络按 ${name}() 不带参数来构建`,
          fixEn: `Give its arguments defaults, assign the network at the top level (net = ${name}(...)), or pick another class with --class${others.length ? ` (${others.join(', ')})` : ''}.`,
          fixZh: `请给它的参数加上默认值，在顶层赋值（net = ${name}(...)），或者用 --class 选另一个类${others.length ? `（${others.join('、')}）` : ''}。`,
        },
      };
    }
    throw e;
  }
}

function inputOf(py: Interpreter, source: string, options: PythonOptions): readonly [number, number, number] | null {
  if (options.input) return options.input;
  const m = INPUT_COMMENT.exec(source);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const s = py.sampleInput?.shape;
  if (s) return [s[1], s[2], s[3]];
  return null;
}
