/** `cnn-graph` run in-process, as the CLI tests drive it: argv in, exit status and both streams out. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { IO } from '../../src/cli/common.js';
import { readNetworkBytes } from '../../src/cli/file.js';
import { main } from '../../src/cli/main.js';

/**
 * `readFile` defaults to a plain UTF-8 read; pass src/cli/file.ts's `readNetworkFile` to read files
 * the way the binary does (size and encoding checks first). Binary files (ONNX, and a file of no known
 * extension, whose first bytes decide) are always read with the binary's guards (`readNetworkBytes`):
 * a plain read of /dev/urandom would never end.
 */
export async function runCli(
  argv: string[],
  readFile: IO['readFile'] = async (p) => readFileSync(p, 'utf8'),
  readBytes: IO['readBytes'] = readNetworkBytes,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: IO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readFile, readBytes, writeFile: async (p, d) => writeFileSync(p, d) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
