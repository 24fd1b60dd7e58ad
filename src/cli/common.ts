/**
 * What the commands of the `cnn-graph` CLI share: the IO they write through,
 * usage errors, option parsing, loading a network and printing diagnostics.
 * Apart from main.ts so that each command's module (train, render) imports
 * this, not the module that dispatches to it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Diagnostic } from '../analysis/analyze.js';
import { parseNetwork } from '../graph/json.js';
import type { Graph } from '../graph/types.js';
import { formatInt } from '../analysis/format.js';
import { clip, visible } from '../graph/text.js';
import { nearestZooId, zooEntry } from '../zoo/index.js';
import { decodeText, FileRefused } from './file.js';
import { BINARY_READERS, formatOfBytes, formatOfName, networkNameOf } from '../import/index.js';

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

/** A zoo id or a network file (.json, .onnx; another name by its first bytes). Returns the graph, or diagnostics explaining why there is none. */
export async function loadNetwork(ref: string, io: IO): Promise<{ graph: Graph | null; diagnostics: Diagnostic[]; source: string }> {
  const entry = zooEntry(ref);
  if (entry) return { graph: entry.build(), diagnostics: [], source: ref };
  const named = formatOfName(ref);
  if (!named && !ref.includes('/') && !ref.includes('\\')) {
    throw new UsageError(`"${clip(ref)}" is neither a zoo id nor a .json or .onnx file.${zooHint(ref)} Run \`cnn-graph list\` for the ids.`);
  }
  let text: string;
  try {
    if (named !== 'json' && io.readBytes) {
      // ONNX by its name, or a file of no known extension, which its first bytes decide.
      const bytes = await io.readBytes(ref, BINARY_READERS.onnx.maxBytes);
      const format = named ?? formatOfBytes(bytes);
      if (format !== 'json') return { ...BINARY_READERS[format].read(bytes, networkNameOf(ref)), source: ref };
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
  const parsed = parseNetwork(text);
  return { ...parsed, source: ref };
}

/** Diagnostics printed as text; `--json` lists them all. */
export const MAX_PRINTED_DIAGNOSTICS = 50;

export function printDiagnostics(ds: Diagnostic[], io: IO, source: string): void {
  const from = visible(clip(source, 200));
  for (const d of ds.slice(0, MAX_PRINTED_DIAGNOSTICS)) {
    // Names from the file are shown with their control characters escaped, line breaks included;
    // only a JSON syntax error (top level) has lines of its own: the excerpt and its caret.
    const multiline = d.code === 'json' && d.jsonPath?.length === 0;
    const lines = [`${d.severity}: ${visible(d.message, multiline)}`];
    if (d.formula) lines.push(`  ${visible(d.formula)}`);
    if (d.fix) lines.push(`  fix: ${visible(d.fix)}`);
    io.stderr(`${from}: ${lines.join('\n')}\n`);
  }
  const more = ds.length - MAX_PRINTED_DIAGNOSTICS;
  if (more > 0) {
    const errors = ds.slice(MAX_PRINTED_DIAGNOSTICS).filter((d) => d.severity === 'error').length;
    io.stderr(`${from}: … and ${formatInt(more)} more (${formatInt(errors)} error${errors === 1 ? '' : 's'}, ${formatInt(more - errors)} warning${more - errors === 1 ? '' : 's'}); the first ${MAX_PRINTED_DIAGNOSTICS} are shown, \`--json\` lists them all.\n`);
  }
}

