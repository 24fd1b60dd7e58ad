/**
 * What the commands of the `cnn-graph` CLI share: the IO they write through,
 * usage errors, option parsing, loading a network and printing diagnostics.
 * Apart from main.ts so that each command's module (train, render) imports
 * this, not the module that dispatches to it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Diagnostic } from '../analysis/analyze.js';
import type { Graph } from '../graph/types.js';
import { formatInt, parseShape } from '../analysis/format.js';
import { clip, visible } from '../graph/text.js';
import { nearestZooId, zooEntry } from '../zoo/index.js';
import { decodeText, FileRefused } from './file.js';
import { BINARY_READERS, formatOf, formatOfBytes, formatOfName, importNetwork, networkNameOf, type ImportOptions } from '../import/index.js';

export interface IO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<string>;
  /** A binary network file (ONNX), at most `limit` bytes; without it, binary formats are refused as unreadable here. */
  readBytes?: (path: string, limit: number) => Promise<Uint8Array>;
  writeFile: (path: string, data: string) => Promise<void>;
  /** Whether stderr is a terminal (progress bars). */
  isTTY?: boolean;
}

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function args(argv: string[], options: Options, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}".`);
  return parsed;
}

export function intOption(v: unknown, name: string, min = 1): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^-?\d+$/.test(s) || Number(s) < min || !Number.isSafeInteger(Number(s))) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${s}".`);
  return Number(s);
}

/** " Did you mean "torchvision-resnet50"?" for `resnet-50`, or "". */
export const zooHint = (word: string): string => {
  const id = nearestZooId(word);
  return id ? ` Did you mean "${id}"?` : '';
};

/** The options that say how to read a source file: `--class Name` and `--input CxHxW` (PyTorch source). */
export const SOURCE_OPTIONS = { class: { type: 'string' }, input: { type: 'string' } } as const;

export function sourceOptions(values: { class?: unknown; input?: unknown }): ImportOptions {
  const input = values.input === undefined ? undefined : parseShape(String(values.input));
  if (input === null) throw new UsageError(`--input must be three positive integers like 1x28x28 (channels×height×width), got "${clip(String(values.input))}".`);
  if (values.class !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(values.class))) throw new UsageError(`--class must be a Python name such as Net, got "${clip(String(values.class))}".`);
  return { ...(values.class !== undefined ? { className: String(values.class) } : {}), ...(input ? { input } : {}) };
}

/** A zoo id or a network file (.json, .py, .onnx; another name by its first bytes). Returns the graph, or diagnostics explaining why there is none. */
export async function loadNetwork(ref: string, io: IO, options: ImportOptions = {}): Promise<{ graph: Graph | null; diagnostics: Diagnostic[]; source: string }> {
  const entry = zooEntry(ref);
  if (entry) return { graph: entry.build(), diagnostics: [], source: ref };
  const named = formatOfName(ref);
  if (!named && !ref.includes('/') && !ref.includes('\\')) {
    throw new UsageError(`"${clip(ref)}" is neither a zoo id nor a .json, .py or .onnx file.${zooHint(ref)} Run \`cnn-graph list\` for the ids.`);
  }
  let text: string;
  try {
    if ((named === 'onnx' || named === undefined) && io.readBytes) {
      // ONNX by its name, or a file of no known extension, which its first bytes decide.
      const bytes = await io.readBytes(ref, BINARY_READERS.onnx.maxBytes);
      if ((named ?? formatOfBytes(bytes)) === 'onnx') {
        // An ONNX file fixes its own input shape and has no classes to choose from.
        if (options.className !== undefined || options.input) throw new UsageError(`${options.className !== undefined ? '--class' : '--input'} applies to PyTorch source (.py) and JSON networks; an ONNX file's input shape is the one it was exported with. Leave it out, or export the model again with the input you want.`);
        return { ...BINARY_READERS.onnx.read(bytes, networkNameOf(ref)), source: ref };
      }
      text = decodeText(bytes);
    } else text = await io.readFile(ref);
  } catch (e) {
    if (e instanceof FileRefused) {
      return { graph: null, diagnostics: [{ severity: 'error', path: '', code: 'file', message: e.message, fix: e.fix, zh: e.zh }], source: ref };
    }
    const code = (e as NodeJS.ErrnoException).code;
    const name = clip(ref);
    throw new UsageError(code === 'ENOENT' ? `cannot read "${name}": no such file.` : code === 'EISDIR' ? `"${name}" is a directory, not a network file.` : `cannot read "${name}": ${(e as Error).message}`);
  }
  const parsed = importNetwork(text, formatOf(ref, text), options);
  // An unknown --class is a mistake on the command line, not in the file.
  const usage = parsed.diagnostics.find((d) => d.code === 'usage');
  if (usage) throw new UsageError(`${usage.message.replace(/\.$/, '')}. ${usage.fix ?? ''}`.trim());
  return { ...parsed, source: ref };
}

/** Diagnostics printed as text; `--json` lists them all. */
export const MAX_PRINTED_DIAGNOSTICS = 50;

export function printDiagnostics(ds: Diagnostic[], io: IO, source: string): void {
  const from = visible(clip(source, 200));
  for (const d of ds.slice(0, MAX_PRINTED_DIAGNOSTICS)) {
    // Names from the file are shown with their control characters escaped, line breaks included;
    // only a JSON syntax error (top level) has lines of its own: the excerpt and its caret.
    const multiline = (d.code === 'json' && d.jsonPath?.length === 0) || d.code === 'python-syntax';
    const lines = [`${d.severity}: ${visible(d.message, multiline)}`];
    if (d.formula) lines.push(`  ${visible(d.formula)}`);
    if (d.fix) lines.push(`  fix: ${visible(d.fix)}`);
    // A place in source code as compilers write it (file:line:column), which editors open.
    io.stderr(`${from}${d.loc ? `:${d.loc.line}:${d.loc.column}` : ''}: ${lines.join('\n')}\n`);
  }
  const more = ds.length - MAX_PRINTED_DIAGNOSTICS;
  if (more > 0) {
    const errors = ds.slice(MAX_PRINTED_DIAGNOSTICS).filter((d) => d.severity === 'error').length;
    io.stderr(`${from}: … and ${formatInt(more)} more (${formatInt(errors)} error${errors === 1 ? '' : 's'}, ${formatInt(more - errors)} warning${more - errors === 1 ? '' : 's'}); the first ${MAX_PRINTED_DIAGNOSTICS} are shown, \`--json\` lists them all.\n`);
  }
}

