/**
 * JSON in and out. `parseNetwork` never throws: malformed JSON, unknown kinds
 * and wrong types become diagnostics that name the JSON path and the layer.
 */
import { scanJson } from './json-scan.js';
import { configOf } from '../kinds/config.js';
import { FORMAT, layerSchema, networkSchema } from './schema.js';
import { clip, visible } from './text.js';
import { INPUT, LAYER_KINDS, type Diagnostic, type Graph, type Layer, type LayerKind, type ZhText } from './types.js';
import { issueText, issueTextZh, jsonPathText, jsonPathTextZh, nearestName, show, showZh, trustLayers, unknownFieldFix, valueAt as at } from './validate.js';

/** Larger documents (in UTF-8 bytes) are refused before parsing, with a message saying so. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;

export interface ParseResult {
  graph: Graph | null;
  diagnostics: Diagnostic[];
}

/** Line and column of a character offset, and the line itself, for JSON syntax errors. */
function locate(text: string, offset: number): { line: number; column: number; excerpt: string } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const start = before.lastIndexOf('\n') + 1;
  const end = text.indexOf('\n', offset);
  const lineText = text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
  const column = offset - start + 1;
  const from = Math.max(0, column - 40);
  // Control characters of the file are shown escaped, and the caret counts them so.
  const lead = visible(lineText.slice(from, column - 1));
  return { line, column, excerpt: `${lead}${visible(lineText.slice(column - 1, from + 80))}\n${' '.repeat(lead.length)}^` };
}

/** UTF-8 length of a string, stopping once past `limit`. */
function utf8Bytes(text: string, limit: number): number {
  let bytes = 0;
  for (let k = 0; k < text.length && bytes <= limit; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      k++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * V8's JSON.parse reasons (what Chromium and Node say), in Chinese; the
 * quoted token or excerpt is kept. Another engine's reason stays as it is.
 */
const JSON_REASONS_ZH: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Unexpected end of JSON input$/, () => 'JSON 意外结束'],
  [/^Unexpected token (.+?), (".*") is not valid JSON$/s, (m) => `意外的符号 ${m[1]}，${m[2]} 不是合法的 JSON`],
  [/^Unexpected token (.+)$/s, (m) => `意外的符号 ${m[1]}`],
  [/^Unexpected non-whitespace character after JSON(?: at position (\d+))?$/, (m) => `JSON 结束后还有多余的字符${m[1] ? `（位置 ${m[1]}）` : ''}`],
  [/^Expected property name or '}'$/, () => "这里应是属性名（带双引号）或 '}'"],
  [/^Expected double-quoted property name$/, () => '属性名必须用双引号括起来'],
  [/^Expected ',' or '}' after property value$/, () => "属性值后面应是 ',' 或 '}'"],
  [/^Expected ',' or '\]' after array element$/, () => "数组元素后面应是 ',' 或 ']'"],
  [/^Expected ':' after property name$/, () => "属性名后面应是 ':'"],
  [/^Unterminated string$/, () => '字符串没有结束引号'],
  [/^Bad control character in string literal$/, () => '字符串里有不允许的控制字符'],
  [/^Bad escaped character$/, () => '字符串里有错误的转义字符'],
  [/^Bad Unicode escape$/, () => '错误的 Unicode 转义'],
  [/^No number after minus sign$/, () => '负号后面没有数字'],
  [/^Exponent part is missing a number$/, () => '指数部分缺少数字'],
  [/^Unterminated fractional number$/, () => '小数点后面缺少数字'],
];

function jsonReasonZh(reason: string): string {
  for (const [re, zh] of JSON_REASONS_ZH) {
    const m = re.exec(reason);
    if (m) return zh(m);
  }
  return reason;
}

export function parseNetwork(text: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const err = (jsonPath: (string | number)[], message: string, fix: string | undefined, zh: ZhText, layerPath = '', kind?: LayerKind) =>
    diagnostics.push({ severity: 'error', path: layerPath, ...(kind ? { kind } : {}), code: 'json', message, ...(fix ? { fix } : {}), jsonPath, zh });

  const bytes = text.length > MAX_JSON_BYTES ? text.length : text.length * 3 > MAX_JSON_BYTES ? utf8Bytes(text, MAX_JSON_BYTES) : text.length;
  if (bytes > MAX_JSON_BYTES) {
    const mib = (bytes / 1048576).toFixed(1);
    err([], `The file is ${mib} MiB; cnn-graph reads networks of up to ${MAX_JSON_BYTES / 1048576} MiB.`, 'Check that this is a network description, not a weights file.', {
      message: `文件有 ${mib} MiB；cnn-graph 只读取不超过 ${MAX_JSON_BYTES / 1048576} MiB 的网络。`,
      fix: '请确认这是网络的描述文件，而不是权重文件。',
    });
    return { graph: null, diagnostics };
  }
  let doc: unknown;
  let nonFinite = false;
  try {
    // A UTF-8 byte-order mark (what some editors write first) is not part of the JSON.
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, (_k, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) nonFinite = true;
      return v;
    });
  } catch (e) {
    // Where and why come from our own scanner: engines word JSON.parse's errors differently, and some give no position.
    const found = scanJson(text).error;
    const msg = e instanceof Error ? e.message : String(e);
    const v8 = msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    const offset = found ? found.offset : text.length;
    const reason = visible(clip(found ? found.reason : v8));
    const reasonZh = visible(clip(found ? found.reasonZh : jsonReasonZh(v8)));
    const { line, column, excerpt } = locate(text, offset);
    err([], `Not valid JSON at line ${line}, column ${column}: ${reason}.\n${excerpt}`, 'Check for a missing comma, quote or bracket near there (JSON allows no comments or trailing commas).', {
      message: `第 ${line} 行第 ${column} 列不是合法的 JSON：${reasonZh}。\n${excerpt}`,
      fix: '检查那附近是否少了逗号、引号或括号（JSON 不允许注释，也不允许末尾多余的逗号）。',
    });
    return { graph: null, diagnostics };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    const got = Array.isArray(doc) ? 'a list' : show(doc, 40);
    err([], `A network must be a JSON object with "name", "input" and "layers", got ${got}.`, `Start from \`cnn-graph export lenet5\`.`, {
      message: `网络必须是带有 "name"、"input" 和 "layers" 的 JSON 对象，收到的却是${Array.isArray(doc) ? '一个列表' : ` ${got}`}。`,
      fix: '可以从 `cnn-graph export lenet5` 的输出改起。',
    });
    return { graph: null, diagnostics };
  }
  // Numbers too large for a double, as the user wrote them, by JSON path.
  const written = nonFinite ? scanJson(text).nonFinite : null;
  const source = (path: readonly PropertyKey[]) => written?.get(JSON.stringify(path));
  const top = networkSchema().safeParse(doc);
  if (!top.success) {
    for (const i of top.error.issues) {
      const v = at(doc, i.path);
      const w = source(i.path);
      err(i.path as (string | number)[], `${jsonPathText(i.path)}: ${issueText(i, v, w)}.`, undefined, { message: `${jsonPathTextZh(i.path)}：${issueTextZh(i, v, w)}。` });
    }
    return { graph: null, diagnostics };
  }
  const net = top.data;
  const layers: Layer[] = [];
  net.layers.forEach((raw, index) => {
    const where = `layers[${index}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      const got = show(raw, 40);
      err(['layers', index], `${where}: a layer must be an object with "path" and "kind", got ${got}.`, undefined, { message: `${where}：一层必须是带有 "path" 和 "kind" 的对象，收到的却是 ${got}。` });
      return;
    }
    const obj = raw as Record<string, unknown>;
    const name = typeof obj.path === 'string' && obj.path ? clip(obj.path) : where;
    const kind = obj.kind;
    if (typeof kind !== 'string' || !(LAYER_KINDS as readonly string[]).includes(kind)) {
      const near = typeof kind === 'string' ? nearestName(kind, LAYER_KINDS) : '';
      err(
        ['layers', index, 'kind'],
        `${name}: ${kind === undefined ? 'has no "kind"' : `unknown layer kind ${show(kind)}`} (${where}).${near ? ` Did you mean "${near}"?` : ''}`,
        `Use one of: ${LAYER_KINDS.join(', ')}.`,
        {
          message: `${name}：${kind === undefined ? '缺少 "kind"' : `未知的层类型 ${showZh(kind)}`}（${where}）。${near ? `是不是 "${near}"？` : ''}`,
          fix: `请使用以下类型之一：${LAYER_KINDS.join('、')}。`,
        },
        typeof obj.path === 'string' ? obj.path : '',
      );
      return;
    }
    const parsed = layerSchema(kind as LayerKind).safeParse(obj);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const at0 = jsonPathText(i.path);
        const field = at0 === '(top level)' ? '' : at0 + ' ';
        const fix = i.code === 'unrecognized_keys' ? unknownFieldFix(kind, Object.keys(layerSchema(kind as LayerKind).shape), i.keys) : null;
        const v = at(obj, i.path);
        const w = source(['layers', index, ...i.path]);
        err(
          ['layers', index, ...(i.path as (string | number)[])],
          `${name} ${kind}: ${field}${issueText(i, v, w)} (${where}).`,
          fix?.en,
          { message: `${name} ${kind}：${field}${issueTextZh(i, v, w)}（${where}）。`, ...(fix ? { fix: fix.zh } : {}) },
          typeof obj.path === 'string' ? obj.path : '',
          kind as LayerKind,
        );
      }
      return;
    }
    const l = parsed.data as unknown as Layer & { inputs?: string[] };
    const prev = layers.length ? layers[layers.length - 1].path : INPUT;
    layers.push({ ...l, inputs: l.inputs ?? (configOf(l.kind)?.arity === 'none' ? [] : [prev]) } as Layer);
  });
  if (diagnostics.length) return { graph: null, diagnostics };
  const graph: Graph = {
    name: net.name,
    input: net.input,
    layers,
    modules: net.modules ?? [],
    output: net.output ?? layers[layers.length - 1].path,
    aux: net.aux ?? [],
    ...(net.title ? { title: net.title } : {}),
  };
  // Every layer just passed its kind's schema (a filled-in `inputs` is the
  // previous layer's checked path), so analysis need not check them again.
  return { graph: trustLayers(graph), diagnostics };
}

/** The JSON document for a graph: `inputs` left out where it is simply the layer before. */
export function networkToJSON(graph: Graph): Record<string, unknown> {
  let prev = INPUT;
  const layers = graph.layers.map((l) => {
    const { path, kind, inputs, functional, ...config } = l as Layer & Record<string, unknown>;
    const sequential = inputs.length === 1 && inputs[0] === prev;
    const none = inputs.length === 0 && configOf(kind)?.arity === 'none';
    prev = path;
    return { path, kind, ...config, ...(sequential || none ? {} : { inputs: [...inputs] }), ...(functional ? { functional } : {}) };
  });
  const last = graph.layers[graph.layers.length - 1]?.path;
  return {
    format: FORMAT,
    name: graph.name,
    ...(graph.title ? { title: graph.title } : {}),
    input: [...graph.input],
    ...(graph.modules.length ? { modules: graph.modules.map((m) => ({ ...m })) } : {}),
    layers,
    ...(graph.output !== last ? { output: graph.output } : {}),
    ...(graph.aux.length ? { aux: graph.aux.map((a) => ({ ...a })) } : {}),
  };
}

/** Pretty JSON with one layer per line, readable in a diff and an editor. */
export function stringifyNetwork(graph: Graph): string {
  const doc = networkToJSON(graph);
  const { layers, ...rest } = doc as { layers: unknown[] } & Record<string, unknown>;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const inline = (v: unknown) => JSON.stringify(v);
  const modules = rest.modules as unknown[] | undefined;
  const headWithModules = modules ? head.replace(/"modules": \[[\s\S]*?\n  \]/, `"modules": [\n${modules.map((m) => '    ' + inline(m)).join(',\n')}\n  ]`) : head;
  return `${headWithModules},\n  "layers": [\n${layers.map((l) => '    ' + inline(l)).join(',\n')}\n  ]\n}\n`;
}

export { FORMAT };
