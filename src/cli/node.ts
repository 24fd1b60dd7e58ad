/** Entry point for the `cnn-graph` binary: real stdio and files. */
import { writeFile } from 'node:fs/promises';
import { readNetworkBytes, readNetworkFile } from './file.js';
import { COMMANDS, main } from './main.js';
import { cmdRender } from './render.js';

COMMANDS.render = cmdRender;

const io = {
  stdout: (s: string) => void process.stdout.write(s),
  stderr: (s: string) => void process.stderr.write(s),
  readFile: (p: string) => readNetworkFile(p),
  readBytes: (p: string, limit: number) => readNetworkBytes(p, limit),
  writeFile: (p: string, d: string) => writeFile(p, d),
  isTTY: process.stderr.isTTY,
};

// A closed pipe (`cnn-graph summary x | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
