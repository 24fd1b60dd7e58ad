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
import { nearest } from '../graph/validate.js';
import { ZOO_IDS, zooEntry } from '../zoo/index.js';

export interface IO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<string>;
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

/** A zoo id or a JSON file. Returns the graph, or diagnostics explaining why there is none. */
export async function loadNetwork(ref: string, io: IO): Promise<{ graph: Graph | null; diagnostics: Diagnostic[]; source: string }> {
  const entry = zooEntry(ref);
  if (entry) return { graph: entry.build(), diagnostics: [], source: ref };
  if (!/\.json$/i.test(ref) && !ref.includes('/') && !ref.includes('\\')) {
    throw new UsageError(`"${ref}" is neither a zoo id nor a .json file.${nearest(ref, ZOO_IDS)} Run \`cnn-graph list\` for the ids.`);
  }
  let text: string;
  try {
    text = await io.readFile(ref);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `cannot read "${ref}": no such file.` : code === 'EISDIR' ? `"${ref}" is a directory, not a JSON file.` : `cannot read "${ref}": ${(e as Error).message}`);
  }
  const parsed = parseNetwork(text);
  return { ...parsed, source: ref };
}

export function printDiagnostics(ds: Diagnostic[], io: IO, source: string): void {
  for (const d of ds) {
    const lines = [`${d.severity}: ${d.message}`];
    if (d.formula) lines.push(`  ${d.formula}`);
    if (d.fix) lines.push(`  fix: ${d.fix}`);
    io.stderr(`${source}: ${lines.join('\n')}\n`);
  }
}
